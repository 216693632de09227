import { extract } from '../../src/agenda/extract/extract.js';
import type { MeetingAgendaConfig } from '../../src/agenda/extract/context.js';
import { normaliseTitle } from '../../src/agenda/wording/title.js';
import type { Candidate, ExtractResult } from '../../src/agenda/extract/types.js';
import { parseMessage } from '../../src/mail/parse.js';
import { readMbox } from '../../src/sources/mbox.js';
import { EvalArchive } from './agenda-thread.js';

export interface RunResult {
  readonly candidates: Map<string, Candidate[]>;
  readonly results: Map<string, ExtractResult>;
  readonly messages: number;
}

/**
 * Parse an mbox, thread it in memory, and run extract() over it in date order, as ingest would;
 * each extracted item is remembered so later restatements are seen as existing.
 */
export async function runCorpus(path: string, meetings: readonly MeetingAgendaConfig[]): Promise<RunResult> {
  const archive = new EvalArchive(meetings);
  const msgs = [];
  let i = 0;
  for await (const raw of readMbox(path, path.endsWith('.gz'))) {
    msgs.push(archive.add(await parseMessage(raw), i++));
  }
  msgs.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  const ctx = archive.context();
  const candidates = new Map<string, Candidate[]>();
  const results = new Map<string, ExtractResult>();
  for (const msg of msgs) {
    const r = extract(msg, ctx);
    results.set(msg.mid, r);
    if (r.candidates.length) candidates.set(msg.mid, [...r.candidates]);
    for (const c of r.candidates) archive.remember(c.meetingId, normaliseTitle(c.title));
  }
  return { candidates, results, messages: msgs.length };
}
