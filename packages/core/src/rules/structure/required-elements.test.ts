import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('required-elements', () => {
  it('passes an inpatient week with every element', () => {
    expect(runRule('required-elements', cleanDoc())).toEqual([]);
  });

  it('reports a missing element for every week of the range, and accepts alternatives', () => {
    const doc = cleanDoc();
    doc.routines = doc.routines.filter(
      (r) => r.kind !== 'psychoeducation' && r.kind !== 'recreation-therapy',
    );
    const findings = runRule('required-elements', doc);
    expect(findings.map((f) => f.data)).toEqual([
      {
        kinds: 'psychoeducation',
        count: 1,
        setting: 'inpatient',
        weeks: '2026-03-02, 2026-03-09',
      },
    ]);
    doc.routines = doc.routines.filter((r) => r.kind !== 'exercise' && r.kind !== 'art-therapy');
    // Elements missing in the same weeks have one cause: one finding naming them all.
    expect(runRule('required-elements', doc).map((f) => f.data)).toEqual([
      {
        kinds:
          'psychoeducation, recreation-therapy / supervised-recreation / exercise / outing / art-therapy',
        count: 2,
        setting: 'inpatient',
        weeks: '2026-03-02, 2026-03-09',
      },
    ]);
  });

  it('counts supervised recreation (no therapist needed) as recreation', () => {
    const doc = cleanDoc();
    const recreation = doc.routines.filter((r) =>
      ['recreation-therapy', 'exercise', 'outing', 'art-therapy'].includes(r.kind),
    );
    for (const r of recreation) {
      r.kind = 'supervised-recreation';
      r.facilitatorIds = [];
    }
    expect(recreation.length).toBeGreaterThan(0);
    expect(runRule('required-elements', doc)).toEqual([]);
    expect(runRule('facilitator-required', doc)).toEqual([]);
  });

  it('uses the setting and per-setting overrides; partial weeks are not judged', () => {
    const doc = cleanDoc();
    doc.program.setting = 'iop';
    doc.routines = doc.routines.filter(
      (r) => r.kind !== 'community-meeting' && r.kind !== 'free-time',
    );
    expect(runRule('required-elements', doc)).toEqual([]);
    expect(
      runRule('required-elements', doc, { options: { required: { iop: ['community-meeting'] } } }),
    ).toHaveLength(1);
    const short = { from: '2026-03-02T00:00:00-05:00', to: '2026-03-06T00:00:00-05:00' };
    expect(
      runRule('required-elements', doc, {
        range: short,
        options: { required: { iop: ['community-meeting'] } },
      }),
    ).toEqual([]);
  });
});
