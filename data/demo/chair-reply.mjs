// The chair's side of the demo (issue 10, review by reply), with Node alone (the demo may run
// where no node_modules is at hand):
//   node data/demo/chair-reply.mjs reply OUT.mbox "title start"...
//     the chair's answer to the reminder in data/outbox, as their mail client would send it: In-Reply-To
//     and References carry the reminder's Message-ID, "accept N..." names the topics whose titles
//     start so, in that order, and the reminder is quoted below. Written as an mbox that `convene
//     import` delivers into the archive, as the chair's mail server would.
//   node data/demo/chair-reply.mjs show KIND LINES
//     the first LINES lines of the text of the last mail of that kind in data/outbox.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'data/outbox';
const unfold = (s) => s.replace(/\r?\n[ \t]+/g, ' ');

/** The header block, a header's value, and the text/plain body of a single-part mail as convene writes it. */
function parse(raw) {
  const at = raw.search(/\r?\n\r?\n/);
  const head = unfold(raw.slice(0, at));
  const header = (name) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  let body = raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  if (cte === 'quoted-printable') {
    const bytes = Buffer.from(body.replace(/=\r?\n/g, ''), 'latin1');
    const out = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x3d && /^[0-9A-F]{2}$/i.test(bytes.toString('latin1', i + 1, i + 3))) {
        out.push(parseInt(bytes.toString('latin1', i + 1, i + 3), 16));
        i += 2;
      } else out.push(bytes[i]);
    }
    body = Buffer.from(out).toString('utf8');
  } else if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  return { header, text: body.replace(/\r\n/g, '\n') };
}

/** The last mail of a kind convene wrote to the outbox (by its X-Convene header). */
function lastOf(kind) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .filter((raw) => new RegExp(`^X-Convene: ${kind};`, 'm').test(unfold(raw.slice(0, raw.search(/\r?\n\r?\n/)))));
  if (files.length === 0) throw new Error(`no ${kind} mail in ${dir}`);
  return parse(files.at(-1));
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'show') {
  const [kind, lines] = rest;
  const mail = lastOf(kind);
  console.log(`Subject: ${mail.header('Subject')}`);
  console.log(mail.text.split('\n').slice(0, Number(lines)).join('\n'));
} else {
  const [out, ...wanted] = rest;
  const reminder = lastOf('chair-reminder');
  const numbers = [...reminder.text.matchAll(/^ {2}\[(\d+)\] (.+)$/gm)].map((m) => ({ ref: m[1], title: m[2] }));
  const refs = wanted.map((w) => numbers.find((n) => n.title.startsWith(w))?.ref).filter(Boolean);
  const quoted = reminder.text.split('\n').map((l) => `> ${l}`);
  const body = [`accept ${refs.join(' ')}`, '', '-- ', 'Ted', '', `On ${reminder.header('Date')}, convene wrote:`, ...quoted].join('\n');
  const mid = reminder.header('Message-ID');
  const mail = [
    'From tytso@mit.edu Mon Dec  8 01:00:00 2025',
    "From: Ted Ts'o <tytso@mit.edu>",
    'To: convene <convene@example.org>',
    `Subject: Re: ${reminder.header('Subject')}`,
    'Date: Mon, 08 Dec 2025 10:00:00 +0900',
    'Message-ID: <demo-review-by-reply@mit.edu>',
    `In-Reply-To: ${mid}`,
    `References: ${mid}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body.replace(/^(>*From )/gm, '>$1'),
    '',
  ].join('\n');
  writeFileSync(out, mail);
  console.log(`accept ${refs.join(' ')}`);
}
