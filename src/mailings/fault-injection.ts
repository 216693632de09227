import type { CrashPoint } from '../send/outbox.js';

/**
 * Fault injection for the crash tests, out of the production bin (issue 13, Low): the outbox's
 * crash points used to be armed by CONVENE_CRASH_AT in any process, the installed `convene`
 * included. Now only a test entry point (test/helpers/fault-bin.ts, which runs the same CLI) arms
 * them; `convene` itself never calls `armCrashPoints`, so no environment variable can.
 */
let hook: ((point: CrashPoint) => void) | undefined;

/** Test entry points only: call `onPoint` at each outbox crash point. */
export function armCrashPoints(onPoint: (point: CrashPoint) => void): void {
  hook = onPoint;
}

/** The armed hook, if a test entry point armed one. */
export function crashPoints(): ((point: CrashPoint) => void) | undefined {
  return hook;
}
