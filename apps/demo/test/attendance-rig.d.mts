// Types of attendance-rig.mjs (plain ESM, shared with apps/demo/bench/attendance.bench.mjs).
import type { Page } from 'playwright-core';

/** The fault the rig's proxy injects into the next attendance POSTs. */
export interface RigFault {
  kind: string;
  count?: number;
  ms?: number;
}

/** The real @milieu/server behind a fault-injecting proxy, serving the sheet's test page. */
export interface Rig {
  url: string;
  fault: RigFault | null;
  as: 'staff' | 'participant';
  posts: number;
  stored(occurrenceId: string): Promise<{ participantId: string; status: string }[]>;
  release(): void;
  close(): Promise<void>;
}

/** What each row of the sheet shows. */
export type ShownRow = { status: string | null; state: string | null };

export const MEMBER_IDS: string[];
export function startRig(): Promise<Rig>;
export function shown(page: Page): Promise<ShownRow[]>;
export function rowsReady(page: Page, n?: number): Promise<void>;
export function tap(page: Page, index: number, status: string): Promise<void>;
export function allRows(page: Page, state: string): Promise<void>;
export function settled(page: Page): Promise<void>;
