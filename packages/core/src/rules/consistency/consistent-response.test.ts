import { describe, expect, it } from 'vitest';
import type { Observation } from '../../model/index.js';
import { cleanDoc, runRule } from '../fixtures/builders.js';

const obs = (
  id: string,
  at: string,
  step: number,
  byStaffId: string,
  participantId = 'p2',
): Observation => ({
  id,
  participantId,
  expectationId: 'e-respect',
  at,
  step,
  byStaffId,
});

describe('consistent-response', () => {
  it('passes steps that follow the ladder', () => {
    expect(runRule('consistent-response', cleanDoc())).toEqual([]);
  });

  it('reports a step that does not match the count, and staff who diverge', () => {
    const doc = cleanDoc();
    doc.records.observations = [
      obs('a', '2026-02-10T10:00:00-05:00', 3, 's-nurse'),
      obs('b', '2026-02-11T10:00:00-05:00', 4, 's-nurse'),
      obs('c', '2026-02-20T10:00:00-05:00', 4, 's-nurse', 'p1'),
      obs('d', '2026-02-21T10:00:00-05:00', 2, 's-mht', 'p1'),
    ];
    const findings = runRule('consistent-response', doc);
    expect(
      findings.map((f) => [f.messageId, f.path[0], f.data['expected'] ?? f.data['off']]),
    ).toEqual([
      ['staffDiverges', '/people/staff/0', 3],
      ['mismatch', '/records/observations/0/step', 1],
      ['mismatch', '/records/observations/1/step', 2],
      ['mismatch', '/records/observations/2/step', 1],
    ]);
    expect(findings[1]?.message).toContain('Ana L. applied step 3');
  });

  it('starts the count again after the look-back window; observations after now are ignored', () => {
    const doc = cleanDoc();
    doc.records.observations = [
      obs('a', '2026-01-01T10:00:00-05:00', 1, 's-nurse'),
      obs('b', '2026-02-15T10:00:00-05:00', 1, 's-nurse'),
      obs('c', '2026-03-20T10:00:00-04:00', 4, 's-nurse'),
    ];
    expect(runRule('consistent-response', doc)).toEqual([]);
    expect(
      runRule('consistent-response', doc, { options: { lookBackDays: 60 } }).map(
        (f) => f.data['expected'],
      ),
    ).toEqual([2]);
  });
});
