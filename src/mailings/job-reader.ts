/** Readers of the jobs table (job-store.ts writes it): what is due, what comes next, what ran. */
import type { Db } from '../store/db.js';
import type { JobKind } from './due.js';

export type JobState = 'pending' | 'done' | 'skipped' | 'late';

export interface JobRow {
  readonly id: number;
  readonly meeting: string;
  readonly occurrence: string;
  readonly start: number;
  readonly kind: JobKind;
  readonly due: number;
  readonly state: JobState;
  readonly ranAt: number | null;
  readonly detail: string | null;
}

const SELECT = 'SELECT id, meeting, occurrence, start, kind, due, state, ran_at AS ranAt, detail FROM jobs';

export function dueJobs(db: Db, now: number): JobRow[] {
  return db.prepare(`${SELECT} WHERE state = 'pending' AND due <= ? ORDER BY due, id`).all(now) as JobRow[];
}

export function nextJobs(db: Db, now: number, limit: number): JobRow[] {
  return db.prepare(`${SELECT} WHERE state = 'pending' AND due > ? ORDER BY due, id LIMIT ?`).all(now, limit) as JobRow[];
}

/** The start of the latest occurrence of `meeting` whose jobs were planned, or null before any. */
export function lastPlannedStart(db: Db, meeting: string): number | null {
  return (db.prepare('SELECT MAX(start) AS t FROM jobs WHERE meeting = ?').get(meeting) as { t: number | null }).t;
}

export function jobsOf(db: Db, meeting: string, occurrence: string): JobRow[] {
  return db.prepare(`${SELECT} WHERE meeting = ? AND occurrence = ? ORDER BY due`).all(meeting, occurrence) as JobRow[];
}

/** The jobs that ran (or were skipped) last, newest first, as `status` lists them. */
export function recentJobs(
  db: Db,
  limit: number,
): { meeting: string; occurrence: string; kind: string; due: number; state: string; ranAt: number; detail: string | null }[] {
  return db
    .prepare(
      `SELECT meeting, occurrence, kind, due, state, ran_at AS ranAt, detail FROM jobs
       WHERE state != 'pending' ORDER BY ran_at DESC LIMIT ?`,
    )
    .all(limit) as {
    meeting: string;
    occurrence: string;
    kind: string;
    due: number;
    state: string;
    ranAt: number;
    detail: string | null;
  }[];
}
