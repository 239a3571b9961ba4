import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  type ACTIVITY_KINDS,
  parseDocument,
  parseRoutine,
  type ActivityKind,
  type FeedbackEntry,
  type Issue,
  type MilieuDocument,
  type MilieuDocumentSchema,
  type ParseResult,
  type Participant,
  type Routine,
  type RoutineException,
} from './index.js';

describe('model types', () => {
  it('derives types from the schemas', () => {
    expectTypeOf<MilieuDocument>().toEqualTypeOf<z.infer<typeof MilieuDocumentSchema>>();
    expectTypeOf<MilieuDocument['milieuVersion']>().toEqualTypeOf<1>();
    expectTypeOf<ActivityKind>().toEqualTypeOf<(typeof ACTIVITY_KINDS)[number]>();
    expectTypeOf<Routine['kind']>().toEqualTypeOf<ActivityKind>();
  });

  it('narrows parse results', () => {
    const r = parseDocument({});
    expectTypeOf(r).toEqualTypeOf<ParseResult<MilieuDocument>>();
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<MilieuDocument>();
    else expectTypeOf(r.issues).toEqualTypeOf<Issue[]>();
    expectTypeOf(parseRoutine).returns.toEqualTypeOf<ParseResult<Routine>>();
  });

  it('keeps the contract shape', () => {
    expectTypeOf<Participant['dischargeDate']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Routine['audience']>().toEqualTypeOf<
      | { type: 'everyone' }
      | { type: 'groups'; groupIds: string[] }
      | { type: 'participants'; participantIds: string[] }
    >();
    expectTypeOf<Extract<RoutineException, { type: 'moved' }>['start']>().toEqualTypeOf<string>();
    expectTypeOf<FeedbackEntry['ratings']>().toEqualTypeOf<
      Record<string, 1 | 2 | 3 | 4 | 5> | undefined
    >();
    expectTypeOf<Issue>().toEqualTypeOf<{ path: string; code: string; message: string }>();
  });
});
