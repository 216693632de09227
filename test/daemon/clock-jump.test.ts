/**
 * A clock jump past calls (issue 13, Low): the daemon plans each call's jobs up to 60 days ahead
 * and looked back only two days, so a jump (or a downtime) longer than that left the calls in
 * between with no jobs at all: never run, never recorded. Now they are planned from the last call
 * planned, then run late once or are recorded as skipped with a reason (README job rules).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { jobsOf } from '../../src/mailings/job-reader.js';
import { harness, T, type Harness } from './harness.js';

const DAY = 86_400_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a clock jump past calls', () => {
  it('records the jobs of every call it jumped over (skipped with a reason, notes late once), and sends nothing for them', async () => {
    h = await harness();
    await h.at(T.start - 10 * DAY); // plans the calls up to 60 days ahead: to early August
    const jumped = T.start + 100 * DAY; // mid-September
    await h.at(jumped);
    // Every fortnightly call from 10 June to 2 September has its four jobs, recorded as skipped
    // (notes catch up only for a week after their call).
    const calls = ['06-10', '06-24', '07-08', '07-22', '08-05', '08-19', '09-02'].map((d) => `wg/2026-${d}`);
    for (const occ of calls) {
      const jobs = jobsOf(h.db, 'wg', occ);
      expect(jobs.map((j) => j.kind).sort(), occ).toEqual(['call-for-items', 'chair-reminder', 'digest', 'notes']);
      for (const j of jobs) expect([occ, j.kind, j.state, j.detail?.startsWith('missed:')]).toEqual([occ, j.kind, 'skipped', true]);
    }
    // The call two days before the jump is in the usual window: its notes run, late, once.
    expect(jobsOf(h.db, 'wg', 'wg/2026-09-16').find((j) => j.kind === 'notes')!.state).toBe('late');
    expect(h.log.entries.some((e) => e.msg === 'planning calls never planned before (a clock jump or a long downtime)')).toBe(true);
    expect(h.capture.ofKind('digest')).toHaveLength(0);
    // The next pass plans nothing again and warns no more.
    const warned = h.log.entries.length;
    await h.at(jumped + 60_000);
    expect(h.log.entries.slice(warned).some((e) => e.msg.startsWith('planning calls never planned'))).toBe(false);
  });
});
