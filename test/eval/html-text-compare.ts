/**
 * HTML-only parts on the malformed corpus (nasty-maildir-541.tar.gz): the text html-to-text makes
 * of them (src/mail/html-text.ts) against the old tag stripper (stripTags), by what is left
 * undecoded (entities, tags), failures, agreement with the text ingest indexed (mailparser's,
 * where it made one), and time. The figures decided that display uses html-to-text.
 * Run: npm run build && npm run eval:html. Corpus: $CONVENE_CORPORA, else ../shared/corpora.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simpleParser } from 'mailparser';
import { htmlText, stripTags } from '../../src/mail/html-text.js';
import { corpusPath } from './corpora.js';

const TAG = /<\/?[a-z][a-z0-9]*[\s>/]/i;
const ENTITY = /&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,6});/i;
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Tally {
  withEntities: number;
  withTags: number;
  failures: number;
  sameAsIndexed: number;
  ms: number;
}

async function main(): Promise<void> {
  const corpus = corpusPath('nasty-maildir-541.tar.gz');
  if ('missing' in corpus) {
    console.log(`skipped: ${corpus.missing}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'convene-html-eval-'));
  try {
    execFileSync('tar', ['-xzf', corpus.path, '-C', dir]);
    const cur = join(dir, 'nasty-maildir', 'cur');
    const tally = { ours: empty(), htmlToText: empty() };
    let htmlOnly = 0;
    let indexed = 0;
    const files = readdirSync(cur).sort();
    for (const f of files) {
      const raw = readFileSync(join(cur, f));
      // HTML-only: no text/plain part declared anywhere, and an HTML body mailparser could read.
      if (/content-type:\s*text\/plain/i.test(raw.toString('latin1'))) continue;
      const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true }).catch(() => null);
      if (!mail || typeof mail.html !== 'string') continue;
      htmlOnly++;
      const reference = flat(mail.text ?? '');
      if (reference) indexed++;
      measure(tally.ours, () => stripTags(mail.html as string), reference);
      measure(tally.htmlToText, () => htmlText(mail.html as string), reference);
    }
    console.log(`${files.length} messages, ${htmlOnly} HTML-only, ${indexed} of them with text from ingest's parser`);
    console.log('converter       entities left  tags left  failures  = indexed text  ms (all)');
    for (const [name, t] of Object.entries(tally)) {
      const row = [t.withEntities, t.withTags, t.failures, t.sameAsIndexed].map((n) => String(n).padStart(9));
      console.log(`${name.padEnd(14)}${row.join('    ')}    ${t.ms.toFixed(1)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function empty(): Tally {
  return { withEntities: 0, withTags: 0, failures: 0, sameAsIndexed: 0, ms: 0 };
}

function measure(t: Tally, convert: () => string, reference: string): void {
  const start = performance.now();
  let text = '';
  try {
    text = convert();
  } catch {
    t.failures++;
  }
  t.ms += performance.now() - start;
  if (ENTITY.test(text)) t.withEntities++;
  if (TAG.test(text)) t.withTags++;
  if (reference && flat(text) === reference) t.sameAsIndexed++;
}

await main();
