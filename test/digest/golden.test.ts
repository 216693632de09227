/**
 * Golden files for the text part of every mail convene sends, made on the bundled demo (the
 * ksummit slice and its summit, data/demo/) through the real daemon pass and review by reply.
 * Volatile parts (the HMAC in our Message-IDs) are masked. A change to a template or a model
 * shows here as a diff: review it by eye, then `UPDATE_GOLDEN=1 npx vitest run
 * test/digest/golden.test.ts` writes the new files.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { simpleParser } from 'mailparser';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { runOnce } from '../../src/daemon/run.js';
import { buildCancelProposal, buildHeldNote } from '../../src/digest/build-mails.js';
import { chairMessage, failureReportMessage } from '../../src/digest/messages.js';
import { settingsOf, stampOf } from '../../src/mailings/deps.js';
import { agendaSnapshot, meetingInfo } from '../../src/mailings/ports.js';
import { occurrenceByKey } from '../../src/meetings/occurrences.js';
import type { Envelope, Transport } from '../../src/send/transport.js';
import { openDb, type Db } from '../../src/store/db.js';
import { memoryLogger } from '../daemon/harness.js';
import { tempDir } from '../helpers/tmp.js';

const GOLDEN = new URL('../fixtures/golden/', import.meta.url).pathname;
const DEMO = new URL('../../data/demo/', import.meta.url).pathname;
const OCC = 'maintainers-summit/2025-12-10';
const at = (iso: string) => Date.parse(iso);

const dir = tempDir('convene-golden-');
const sent: Envelope[] = [];
const transport: Transport = {
  kind: 'file',
  send: async (m) => (sent.push(m), { response: 'kept', rejected: [] }),
  async verify() {},
  close() {},
};
let config: Config;
let db: Db;
const pass = (iso: string) => runOnce({ db, config, now: () => at(iso), logger: memoryLogger(), env: {}, transport });

/** The text part of the last mail of a kind, our ids' MACs masked. */
async function textOf(kind: string, nth = -1): Promise<string> {
  const mails = sent.filter((m) => new RegExp(`^X-Convene: ${kind};`, 'm').test(m.raw.toString().replace(/\r?\n[ \t]+/g, ' ')));
  const p = await simpleParser(mails.at(nth)!.raw);
  return mask(p.text ?? '');
}
const mask = (s: string) => s.replace(/\.[a-z2-7]{26}@/g, '.<mac>@');
const midOf = (m: Envelope) => m.messageId;

/** The chair's reply to the last mail of a kind, delivered into the list's mbox. */
function chairAnswers(kind: string, id: string, date: string, body: string): void {
  const to = sent.filter((m) => m.raw.toString().includes(`X-Convene: ${kind};`)).at(-1)!;
  appendFileSync(
    join(dir, 'list.mbox'),
    `From tytso@mit.edu Mon Dec  8 01:00:00 2025\nFrom: Ted Ts'o <tytso@mit.edu>\nTo: convene <convene@example.org>\n` +
      `Subject: Re: your mail\nDate: ${date}\nMessage-ID: <${id}>\nIn-Reply-To: <${midOf(to)}>\nReferences: <${midOf(to)}>\n` +
      `Content-Type: text/plain; charset=utf-8\n\n${body}\n\n`,
  );
}

function golden(name: string, text: string): void {
  const path = join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, text);
  }
  expect(text, `${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

beforeAll(async () => {
  writeFileSync(join(dir, 'list.mbox'), gunzipSync(readFileSync(join(DEMO, 'ksummit-2025-aug-sep.mbox.gz'))));
  const demo = parse(readFileSync(join(DEMO, 'convene.yaml'), 'utf8')) as Record<string, unknown>;
  config = configFromValue(
    { ...demo, db: join(dir, 'convene.sqlite'), source: { path: join(dir, 'list.mbox') }, outbox: { dir: join(dir, 'outbox') } },
    null,
  );
  db = openDb(config.db);
  await pass('2025-12-03T00:00:30Z');
  await pass('2025-12-08T00:00:30Z');
  chairAnswers(
    'chair-reminder',
    'review-1@mit.edu',
    'Mon, 08 Dec 2025 10:00:00 +0900',
    'accept 9 3 6\nreject 2 covered by the stable team\ntitle 6 Kernel documentation: what next\nadd Closing session (15 min) [Ted]\nThanks!',
  );
  await pass('2025-12-08T01:00:00Z');
  await pass('2025-12-09T00:00:30Z');
  chairAnswers('review-confirmation', 'review-2@mit.edu', 'Tue, 09 Dec 2025 10:00:00 +0900', 'move 13 to 1\nsend');
  await pass('2025-12-09T01:00:00Z');
  chairAnswers('review-confirmation', 'review-3@mit.edu', 'Tue, 09 Dec 2025 11:00:00 +0900', 'cancel');
  await pass('2025-12-09T02:00:00Z');
}, 60_000);

describe('the text of every mail, on the bundled demo', () => {
  it('to the list: the call for items, the digest, its update, the cancellation notice', async () => {
    golden('call-for-items', await textOf('call-for-items'));
    golden('digest', await textOf('digest', 0));
    golden('digest-update', await textOf('digest', 1));
    golden('cancellation', await textOf('cancellation'));
  });

  it('to the chair: the copy of the call, the reminder, the confirmations', async () => {
    golden('chair-copy', await textOf('chair-copy'));
    golden('chair-reminder', await textOf('chair-reminder'));
    golden('review-confirmation', await textOf('review-confirmation', 0));
    golden('review-confirmation-send', await textOf('review-confirmation', 1));
    golden('review-confirmation-cancel', await textOf('review-confirmation', 2));
  });

  it('to the chair, when it happens: the held note, the proposal to cancel, a failure report', () => {
    const meeting = config.meetings[0]!;
    const occ = occurrenceByKey(db, meeting, OCC)!;
    const settings = settingsOf(config, meeting);
    const stamp = stampOf({ db, now: () => at('2025-12-09T00:00:30Z') });
    const agenda = agendaSnapshot(db, meeting, occ);
    const input = { meeting: meetingInfo(meeting), occurrence: occ, settings, digestDue: at('2025-12-09T00:00:00Z') };
    golden('held-note', mask(chairMessage('held-note', buildHeldNote({ ...input, agenda }), OCC, settings, stamp).text));
    const empty = { ...agenda, items: [], carriedOver: [], awaitingReview: [] };
    golden(
      'cancel-proposal',
      mask(chairMessage('cancel-proposal', buildCancelProposal({ ...input, agenda: empty }), OCC, settings, stamp).text),
    );
    const failed = sent.find((m) => m.raw.toString().includes('X-Convene: digest;'))!;
    const row = {
      meeting: meeting.id,
      occurrence: OCC,
      kind: 'digest',
      revision: 0,
      id: 4,
      subject: 'Maintainers Summit: agenda',
      messageId: failed.messageId,
    };
    golden('failure-report', mask(failureReportMessage(row, meeting.chair!, '550 5.1.1 mailbox unavailable', settings, stamp).text));
  });
});
