// The chair's answer to the reminder, as their mail client would send it (issue 10, review by
// reply): a reply to the reminder in data/outbox (its Message-ID in In-Reply-To and References),
// the commands on top, the reminder quoted below. Usage: node data/demo/chair-reply.mjs OUT.mbox
// "title start" ... : accepts the topics whose titles start so, in that order. Written as an mbox
// that `convene import` delivers into the archive, as the chair's mail server would.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

const [out, ...wanted] = process.argv.slice(2);
const dir = 'data/outbox';
const unfold = (s) => s.replace(/\r?\n[ \t]+/g, ' ');
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.eml'))
  .find((f) => /^X-Convene: chair-reminder;/m.test(unfold(readFileSync(join(dir, f), 'utf8').split(/\r?\n\r?\n/)[0])));
if (!file) throw new Error(`no chair reminder in ${dir}`);
const reminder = await simpleParser(readFileSync(join(dir, file)));
const text = reminder.text ?? '';
const numbers = [...text.matchAll(/^ {2}\[(\d+)\] (.+)$/gm)].map((m) => ({ ref: m[1], title: m[2] }));
const refs = wanted.map((w) => numbers.find((n) => n.title.startsWith(w))?.ref).filter(Boolean);
const body = [`accept ${refs.join(' ')}`, '', '-- ', "Ted", '', `On ${reminder.date?.toUTCString()}, convene wrote:`]
  .concat(text.split('\n').map((l) => `> ${l}`))
  .join('\n');
const mail = [
  'From tytso@mit.edu Mon Dec  8 01:00:00 2025',
  "From: Ted Ts'o <tytso@mit.edu>",
  'To: convene <convene@example.org>',
  `Subject: Re: ${reminder.subject}`,
  'Date: Mon, 08 Dec 2025 10:00:00 +0900',
  'Message-ID: <demo-review-by-reply@mit.edu>',
  `In-Reply-To: ${reminder.messageId}`,
  `References: ${reminder.messageId}`,
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  body.replace(/^(>*From )/gm, '>$1'),
  '',
].join('\n');
writeFileSync(out, mail);
console.log(`the chair answers: accept ${refs.join(' ')}  (${wanted.join('; ')})`);
