import { afterEach, describe, expect, it, vi } from 'vitest';
import inpatient from '../../../../../examples/inpatient-unit.json';
import minimal from '../../../../../examples/minimal.json';
import outpatient from '../../../../../examples/outpatient-group.json';
import rehab from '../../../../../examples/residential-rehab.json';
import './schedule-board.js';
import { SCHEDULE_VIEWS } from './schedule-board.types.js';

const examples = { inpatient, minimal, outpatient, rehab };

afterEach(() => document.body.replaceChildren());

describe('<milieu-schedule-board> with the example documents', () => {
  for (const [name, doc] of Object.entries(examples)) {
    it(`shows ${name} in every view with occurrences and no error`, async () => {
      const el = document.createElement('milieu-schedule-board');
      el.date = '2026-03-19';
      el.now = `2026-03-19T11:00:00Z`;
      el.document = doc;
      document.body.append(el);
      // The document path loads its parser lazily.
      await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
      for (const view of SCHEDULE_VIEWS) {
        el.view = view;
        await el.updateComplete;
        const root = el.shadowRoot!;
        expect(root.querySelector('[role=alert]'), `${name} ${view}`).toBeNull();
        if (view !== 'now') expect(root.querySelectorAll('.occ').length).toBeGreaterThan(0);
      }
    });
  }
});
