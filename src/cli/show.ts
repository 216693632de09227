import { ConveneError } from '../errors.js';
import { args, wantsJson, type Command } from './context.js';
import { SHOW } from './specs/archive.js';
import { labelIn, shortIn, userZone } from './when.js';
import { makePrinter, styles } from './output.js';
import type { Db } from '../store/db.js';
import type { MessageRow } from '../store/message-row.js';
import { findMessage, parentBrief, repliesTo, variantsOf, type MessageBrief } from '../store/message-reader.js';
import { threadSize } from '../store/message-threads.js';

type Row = MessageRow;
type Brief = MessageBrief;

export const command: Command = {
  async run(ctx) {
    const { values, positionals } = args(ctx, SHOW);
    const ref = positionals[0]!;
    if (values.raw && values.json) throw new ConveneError('USAGE', '--raw and --json cannot be combined');
    const db = ctx.db();
    const row = findMessage(db, ref);
    if (!row) throw new ConveneError('NOT_FOUND', `no message "${ref}" in the archive`);
    const { readRaw } = await import('../store/raw-reader.js');
    const raw = readRaw(db, row.id);
    if (!raw) throw new ConveneError('DB', `message "${row.mid}" has no stored raw bytes (run convene db check)`);
    if (values.raw) {
      // The stored bytes exactly: no decoding, no added newline.
      await new Promise<void>((resolve, reject) => ctx.stdout.write(raw, (err) => (err ? reject(err) : resolve())));
      return 0;
    }
    const ctxInfo = threadContext(db, row);
    const { bodyText } = await import('../mail/body-text.js');
    const body = bodyText(raw);
    const json = wantsJson(ctx, values);
    const printer = makePrinter(ctx.stdout, json ? 'json' : 'text', ctx.env);
    const st = styles(printer.color);
    const zone = userZone(ctx.env);
    const people = (j: string) => JSON.parse(j) as { name: string; address: string }[];
    const fmtPeople = (j: string) =>
      people(j)
        .map((a) => (a.name ? `${a.name} <${a.address}>` : a.address))
        .join(', ');
    const brief = (b: Brief) => ({
      messageId: b.header_mid ?? b.mid,
      date: iso(b.date),
      from: { name: b.from_name, address: b.from_addr },
      subject: b.subject,
    });
    const doc = {
      messageId: row.header_mid ?? row.mid,
      ...(row.header_mid !== row.mid ? { storedId: row.mid } : {}),
      threadId: row.thread_id,
      date: iso(row.date),
      dateSource: row.date_source,
      from: { name: row.from_name, address: row.from_addr },
      to: people(row.to_json),
      cc: people(row.cc_json),
      subject: row.subject,
      listId: row.list_id,
      inReplyTo: JSON.parse(row.in_reply_to_json) as string[],
      references: JSON.parse(row.refs_json) as string[],
      attachments: JSON.parse(row.attachments_json) as unknown[],
      size: row.size,
      parseError: row.parse_error,
      parent:
        row.parent_mid === null
          ? null
          : { messageId: row.parent_mid, inArchive: ctxInfo.parent !== null, ...(ctxInfo.parent ? brief(ctxInfo.parent) : {}) },
      replies: ctxInfo.replies.map(brief),
      variants: ctxInfo.variants.map((v) => v.mid),
      threadSize: ctxInfo.threadSize,
      body,
    };
    printer.object(doc, (d) => {
      const line = (k: string, v: string | null | undefined) => (v ? `${st.bold(k + ':')} ${v}\n` : '');
      let out = line('Message-ID', `<${d.messageId}>`) + line('Stored as', d.storedId);
      const shown = row.date === null ? '(none)' : labelIn(row.date, zone);
      out += line('Date', `${shown}${d.dateSource !== 'header' ? ` (from ${d.dateSource})` : ''}`);
      out +=
        line('From', row.from_name ? `${row.from_name} <${row.from_addr}>` : row.from_addr) +
        line('To', fmtPeople(row.to_json)) +
        line('Cc', fmtPeople(row.cc_json));
      out += line('Subject', d.subject) + line('List-Id', d.listId) + line('Parse error', d.parseError);
      out += line(
        'Thread',
        row.thread_id === null
          ? null
          : `${row.thread_id} (${d.threadSize} message${d.threadSize === 1 ? '' : 's'}; convene thread ${row.thread_id})`,
      );
      out += line(
        'Parent',
        d.parent === null
          ? '(none: starts the thread)'
          : ctxInfo.parent
            ? summary(ctxInfo.parent, zone)
            : `<${d.parent.messageId}> (not in the archive)`,
      );
      if (ctxInfo.replies.length) out += `${st.bold('Replies:')}\n${ctxInfo.replies.map((r) => `  ${summary(r, zone)}\n`).join('')}`;
      if (ctxInfo.variants.length) out += line('Same Message-ID', ctxInfo.variants.map((v) => v.mid).join(', '));
      const att = JSON.parse(row.attachments_json) as { filename: string; size: number }[];
      if (att.length) out += line('Attachments', att.map((a) => `${a.filename || '(unnamed)'} (${a.size} bytes)`).join(', '));
      return `${out}\n${body.replace(/\s+$/, '')}`;
    });
    return 0;
  },
};

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function summary(b: Brief, zone: string): string {
  const when = b.date === null ? '(no date)' : shortIn(b.date, zone);
  return `<${b.header_mid ?? b.mid}> ${when} ${b.from_name || b.from_addr}: ${b.subject}`;
}

/** Parent (when stored), direct replies by date, other messages with the same Message-ID, thread size. */
function threadContext(db: Db, row: Row) {
  const parent = row.parent_mid === null ? null : parentBrief(db, row.parent_mid);
  const replies = repliesTo(db, [...new Set([row.mid, row.header_mid ?? row.mid])], row.id);
  const variants = row.header_mid ? variantsOf(db, row.header_mid, row.id) : [];
  return { parent, replies, variants, threadSize: row.thread_id === null ? 1 : threadSize(db, row.thread_id) };
}
