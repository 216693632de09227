/**
 * Review by reply, the daemon's step after each sync (issue 10): look through the mail stored
 * since the last look for replies to convene's own mail, and for each, once (review-store.ts):
 * authorize it (authorize.ts), read its commands (commands.ts), apply them (apply.ts), then send
 * what follows from them (the cancellation notice, the digest) and the confirmation to the chair.
 * A mail that is not an honoured command mail is recorded and logged with the reason, and never
 * answered (no backscatter). A replay (the same Message-ID again) does nothing.
 */
import { oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import type { MailingDeps } from '../mailings/deps.js';
import { queueDigest } from '../mailings/queue.js';
import { queueCancellation, queueConfirmation } from '../mailings/review-mails.js';
import { parseMessage } from '../mail/parse.js';
import type { ParsedMessage } from '../mail/types.js';
import { lastStoredId, repliesToOwnIds } from '../store/message-reader.js';
import { CorruptMessage, readRaw } from '../store/raw-reader.js';
import { ownMail } from '../store/secrets.js';
import { applyCommands, currentOccurrence } from './apply.js';
import { authorize } from './authorize.js';
import { normaliseLine, readCommands } from './commands.js';
import { ReviewStore, type ReviewRow, type StoredReport } from './review-store.js';

export interface ReviewDeps extends MailingDeps {
  readonly logger: Logger;
}

export interface ReviewPass {
  /** Command mails applied this pass (their Message-IDs). */
  readonly applied: readonly string[];
  /** Replies to our mail that were not honoured, with why. */
  readonly ignored: readonly { readonly messageId: string; readonly reason: string }[];
}

type Pass = { applied: string[]; ignored: { messageId: string; reason: string }[] };

/** Read and apply the chair's command mails stored since the last pass. Idempotent. */
export async function processCommandMails(deps: ReviewDeps): Promise<ReviewPass> {
  const reviews = new ReviewStore(deps.db);
  const pass: Pass = { applied: [], ignored: [] };
  // Follow-ups a crash interrupted first: their commands are applied, their mail is not queued yet.
  for (const row of reviews.unanswered()) await followUp(deps, reviews, row);
  const upTo = lastStoredId(deps.db);
  for (const candidate of repliesToOwnIds(deps.db, reviews.scanned(), upTo)) {
    const messageId = candidate.headerMid ?? candidate.mid;
    if (reviews.byStoredId(candidate.id)) continue; // read before the cursor moved (a crash between)
    if (reviews.byMessageId(messageId)) {
      deps.logger.info({ msg: 'review by reply: already read; a replay does nothing', messageId, stored: candidate.id });
      continue;
    }
    const raw = readStored(deps, reviews, candidate.id, messageId, pass);
    if (!raw) continue;
    const mail = await parseMessage({ raw });
    const row = readOne(deps, reviews, candidate.id, messageId, mail);
    if (row?.state === 'applied') {
      pass.applied.push(messageId);
      await followUp(deps, reviews, row);
    } else if (row) pass.ignored.push({ messageId, reason: row.reason ?? '' });
  }
  reviews.markScanned(upTo);
  return pass;
}

/**
 * The stored bytes of a candidate, or null. Bytes that fail verification (raw-reader.ts; db check
 * names them) hold no command anyone can read: the copy is recorded as ignored and logged, so the
 * scan moves past it and the chair's later replies are still read.
 */
function readStored(deps: ReviewDeps, reviews: ReviewStore, storedId: number, messageId: string, pass: Pass): Buffer | null {
  try {
    return readRaw(deps.db, storedId);
  } catch (err) {
    if (!(err instanceof CorruptMessage)) throw err;
    const reason = err.message;
    reviews.record({ messageId, storedId, at: deps.now(), author: '', meeting: null, occurrence: null, state: 'ignored', reason });
    deps.logger.warn({ msg: 'review by reply: mail ignored, not answered', messageId, reason });
    pass.ignored.push({ messageId, reason });
    return null;
  }
}

/** Authorize and apply one mail, recording it in the same transaction as its changes. */
function readOne(deps: ReviewDeps, reviews: ReviewStore, storedId: number, messageId: string, mail: ParsedMessage): ReviewRow | undefined {
  const store = deps.store;
  const verdict = authorize(mail, { config: deps.config, ownMail: ownMail(deps.db), outbox: store });
  const at = deps.now();
  const author = mail.from?.address.toLowerCase() ?? '';
  if (!verdict.ok) {
    reviews.record({
      messageId,
      storedId,
      at,
      author,
      meeting: verdict.meeting ?? null,
      occurrence: verdict.occurrence ?? null,
      state: 'ignored',
      reason: verdict.reason,
    });
    deps.logger[verdict.level]({ msg: 'review by reply: mail ignored, not answered', messageId, from: author, reason: verdict.reason });
    return reviews.byStoredId(storedId);
  }
  const { meeting, occurrence } = verdict;
  const occ = currentOccurrence(deps.db, meeting, occurrence);
  const original = new Set(originalLines(verdict.parent.eml));
  const read = readCommands(mail.bodyText, original);
  const c = { actor: `${verdict.chair} (mail <${messageId}>)`, now: at, meetings: deps.config.meetings };
  const applied = deps.db
    .transaction(() => {
      // Recorded first: when another process applied this Message-ID meanwhile, nothing more happens.
      const id = reviews.record({
        messageId,
        storedId,
        at,
        author: verdict.chair,
        meeting: meeting.id,
        occurrence,
        state: 'applied',
        reason: null,
      });
      if (id === null) return false;
      const done = occ
        ? applyCommands(deps.db, meeting, occ, verdict.numbers, read.commands, c, verdict.chair)
        : { applied: [], failed: read.commands.map((l) => `${l.line}: the call no longer exists`), cancelled: false, send: false };
      reviews.updateReport(id, {
        applied: done.applied,
        failed: done.failed,
        notUnderstood: read.notUnderstood,
        replySubject: mail.subject || verdict.parent.subject,
        cancelled: done.cancelled,
        digestSent: false,
        send: done.send,
      });
      return true;
    })
    .immediate();
  if (!applied) {
    deps.logger.info({ msg: 'review by reply: already read; a replay does nothing', messageId, stored: storedId });
    return undefined;
  }
  deps.logger.info({ msg: 'review by reply: commands applied', messageId, from: author, meeting: meeting.id, occurrence });
  return reviews.byStoredId(storedId);
}

/** What follows from an applied command mail, each step queued once: the notice, the digest, the answer. */
async function followUp(deps: ReviewDeps, reviews: ReviewStore, row: ReviewRow): Promise<void> {
  const meeting = deps.config.meetings.find((m) => m.id === row.meeting);
  const occ = meeting && row.occurrence ? currentOccurrence(deps.db, meeting, row.occurrence) : null;
  const report = row.report;
  if (!meeting || !occ || !report) return reviews.markAnswered(row.id);
  const mailed = await parseMessage({ raw: readRaw(deps.db, row.storedId) ?? Buffer.alloc(0) });
  let next: StoredReport = report;
  try {
    if (report.cancelled) {
      const q = await queueCancellation(deps, meeting, occ);
      if (!q.row) next = { ...next, failed: [...next.failed, `cancel: ${q.note}`] };
    }
    if (report.send && !report.cancelled) next = await sendDigest(deps, meeting, occ, next);
    reviews.updateReport(row.id, next);
    // row.author: the chair's mailbox as convene wrote to it, where the confirmation goes.
    await queueConfirmation(
      deps,
      meeting,
      occ,
      {
        revision: row.id,
        to: row.author,
        messageId: row.messageId,
        references: mailed.references.length ? mailed.references : mailed.inReplyTo,
      },
      next,
    );
    reviews.markAnswered(row.id);
  } catch (err) {
    // Left 'applied': the next pass tries the follow-ups again (each is queued at most once).
    deps.logger.error({ msg: 'review by reply: follow-up failed', messageId: row.messageId, error: oneLine(err) });
  }
}

/** `send`: the digest now, or an update when one went out already; what happened goes in the report. */
async function sendDigest(
  deps: ReviewDeps,
  meeting: Parameters<typeof queueDigest>[1],
  occ: Parameters<typeof queueDigest>[2],
  report: StoredReport,
): Promise<StoredReport> {
  const first = deps.store.byKey(meeting.id, occ.key, 'digest', 0);
  try {
    const q = await queueDigest(deps, meeting, occ, { update: first !== undefined, due: deps.now() });
    if (q.kind === 'digest' && q.row)
      return { ...report, applied: [...report.applied, 'send: the agenda went to the list'], digestSent: true, send: false };
    return { ...report, send: false, failed: [...report.failed, `send: ${q.note ?? `the agenda is empty; nothing was sent`}`] };
  } catch (err) {
    return { ...report, send: false, failed: [...report.failed, `send: ${oneLine(err).replace(/^digest: /, '')}`] };
  }
}

/** The text lines of the mail replied to, normalised (commands.ts skips them in the reply). */
function originalLines(eml: Buffer): string[] {
  const s = eml.toString('utf8');
  const body = s.slice(Math.max(0, s.search(/\r?\n\r?\n/)));
  return body
    .split(/\r?\n/)
    .map(normaliseLine)
    .filter((l) => l.length > 0);
}
