/**
 * Agreement with notmuch on the linux-ext4 10k slice (issue 3 and issue 14 acceptance):
 * (a) thread partitions: for every message, does its thread hold the same members in both?
 * (b) message sets of simple queries: overlap (Jaccard) per query, with examples of each side's extras;
 * (c) parent links: does every message hang under the same parent in both trees? (notmuch-parents.ts)
 * Run: npm run build && npm run eval:notmuch [-- PATH.mbox.gz]. Needs `notmuch` on PATH; the corpus
 * defaults to $CONVENE_CORPORA (else ../shared/corpora)/linux-ext4-first10k.mbox.gz.
 * Dates: both sides in UTC (TZ=UTC for notmuch).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPaths } from '../../src/ingest/import.js';
import { prepareQuery } from '../../src/search/query.js';
import { searchMessages } from '../../src/search/run.js';
import { bodyText } from '../../src/mail/body-text.js';
import { readMbox } from '../../src/sources/mbox.js';
import { readRaw } from '../../src/store/raw-reader.js';
import { openDb, type Db } from '../../src/store/db.js';
import { threadLinks } from '../../src/thread/sanitize.js';
import { corpusMissing } from '../bench/corpus.js';
import { corporaDir } from './corpora.js';
import { compareParents } from './notmuch-parents.js';

const CORPUS = process.argv[2] ?? join(corporaDir(), 'linux-ext4-first10k.mbox.gz');

/** [name, our query, notmuch query, the word whose occurrences explain differences] */
const QUERIES: readonly (readonly [string, string, string, string?])[] = [
  ['word', 'journal', 'journal', 'journal'],
  ['word (rarer)', 'barrier', 'barrier', 'barrier'],
  ['word (stemming)', 'allocating', 'allocating', 'alloc'],
  ['phrase', '"no journal"', '"no journal"', 'no\\W+journal'],
  ['phrase (longer)', '"delayed allocation"', '"delayed allocation"', 'delay\\w*\\W+alloc'],
  ['from: address', 'from:tytso@mit.edu', 'from:tytso@mit.edu'],
  ['from: name', 'from:"Jan Kara"', 'from:"Jan Kara"'],
  ['subject: word', 'subject:fsync', 'subject:fsync', 'fsync'],
  ['subject: phrase', 'subject:"fast commit"', 'subject:"fast commit"', 'fast\\W+commit'],
  ['date range', 'date:2019-06-01..2019-06-30', 'date:2019-06-01..2019-06-30'],
  ['from: + date range', 'from:tytso@mit.edu date:2020-01-01..2020-03-31', 'from:tytso@mit.edu date:2020-01-01..2020-03-31'],
  ['AND', 'journal AND from:jack@suse.cz', 'journal AND from:jack@suse.cz', 'journal'],
  ['NOT', 'ext4 NOT subject:patch', 'ext4 AND NOT subject:patch', 'ext4'],
  ['OR', 'fsync OR fdatasync', 'fsync OR fdatasync', 'f(?:data)?sync'],
  // Probe: the NOT query with recipients searched too, as notmuch's free text does.
  ['NOT, + recipients', '(ext4 OR to:ext4 OR cc:ext4) NOT subject:patch', 'ext4 AND NOT subject:patch', 'ext4'],
];

function sh(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(cmd, args, { env, maxBuffer: 1 << 30, encoding: 'utf8' });
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`skipped: ${corpusMissing(CORPUS)}`);
    return;
  }
  if (spawnSync('notmuch', ['--version']).status !== 0) {
    console.log('skipped: notmuch is not installed');
    return;
  }
  // NOTMUCH_EVAL_KEEP=DIR keeps (and on later runs reuses) both databases.
  const keep = process.env.NOTMUCH_EVAL_KEEP;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'convene-notmuch-'));
  try {
    await evaluate(dir, keep !== undefined && existsSync(join(dir, 'notmuch-config')));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function evaluate(dir: string, reuse: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'notmuch-config');
  const env = { ...process.env, NOTMUCH_CONFIG: config, TZ: 'UTC' };
  const db = openDb(join(dir, 'convene.sqlite'));
  if (db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM messages').get()!.n === 0) await importOurs(db);
  else console.log(`reusing convene's database in ${dir}`);
  if (reuse) console.log(`reusing notmuch's database in ${dir}`);
  else await buildNotmuch(dir, config, env);
  const shown = notmuchShow(env);
  partitions(db, shown);
  queries(db, env);
  compareParents(db, shown);
  db.close();
}

async function importOurs(db: Db): Promise<void> {
  const t0 = Date.now();
  const [summary] = await importPaths(db, [CORPUS]);
  console.log(`convene import: ${summary?.stored} stored of ${summary?.read} read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function buildNotmuch(dir: string, config: string, env: NodeJS.ProcessEnv): Promise<void> {
  const t0 = Date.now();
  // notmuch, from the same messages as a maildir.
  const maildir = join(dir, 'mail');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  let n = 0;
  for await (const m of readMbox(CORPUS, CORPUS.endsWith('.gz')))
    writeFileSync(join(maildir, 'cur', `${String(++n).padStart(6, '0')}.convene:2,S`), m.raw);
  writeFileSync(
    config,
    `[database]\npath=${maildir}\n[user]\nname=Eval\nprimary_email=eval@example.org\n[new]\ntags=\nignore=\n[search]\nexclude_tags=\n[maildir]\nsynchronize_flags=false\n`,
  );
  sh('notmuch', ['new', '--quiet'], env);
  console.log(`notmuch new: ${n} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Message key: the Message-ID header (notmuch's identity), else our stored id. */
function ourThreads(db: Db): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of db
    .prepare<[], { k: string; t: number }>('SELECT COALESCE(header_mid, mid) AS k, thread_id AS t FROM messages ORDER BY id')
    .all()) {
    if (!out.has(r.k)) out.set(r.k, r.t);
  }
  return out;
}

/** Every thread as `notmuch show --format=json --body=false '*'` prints it (one process). */
function notmuchShow(env: NodeJS.ProcessEnv): unknown[] {
  return JSON.parse(sh('notmuch', ['show', '--format=json', '--body=false', '--entire-thread=true', '*'], env)) as unknown[];
}

/** notmuch's threads, walked iteratively. */
function notmuchThreads(threads: unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  threads.forEach((thread, t) => {
    const stack: unknown[] = [thread];
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') out.set((v as { id: string }).id, t);
    }
  });
  return out;
}

function members(map: Map<string, number>): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const [k, t] of map) {
    let s = out.get(t);
    if (!s) out.set(t, (s = new Set()));
    s.add(k);
  }
  return out;
}

function partitions(db: Db, shown: unknown[]): void {
  const ours = ourThreads(db);
  const theirs = notmuchThreads(shown);
  const ourSets = members(ours);
  const theirSets = members(theirs);
  let same = 0;
  let both = 0;
  const splits = new Map<number, string[]>(); // notmuch thread → our thread ids, when we split it
  const merges = new Map<number, number[]>(); // our thread → notmuch threads, when we merge
  for (const [k, t] of ours) {
    const nt = theirs.get(k);
    if (nt === undefined) continue;
    both++;
    const a = ourSets.get(t)!;
    const b = theirSets.get(nt)!;
    if (a.size === b.size && [...a].every((x) => b.has(x))) same++;
    else if (a.size < b.size) splits.set(nt, [...(splits.get(nt) ?? []), k]);
    else merges.set(t, [...new Set([...(merges.get(t) ?? []), nt])]);
  }
  console.log(`\n(a) thread partition: ${same}/${both} messages (${((100 * same) / both).toFixed(2)}%) have the same thread members`);
  console.log(
    `    messages only in ours: ${[...ours.keys()].filter((k) => !theirs.has(k)).length}, only in notmuch: ${[...theirs.keys()].filter((k) => !ours.has(k)).length}`,
  );
  console.log(
    `    threads: ours ${ourSets.size}, notmuch ${theirSets.size}; notmuch threads we split: ${splits.size}; our threads that merge several of notmuch's: ${merges.size}`,
  );
  const why = db.prepare<
    [string, string],
    { in_reply_to_json: string; refs_json: string; from_addr: string; to_json: string; cc_json: string; mid: string; subject: string }
  >('SELECT in_reply_to_json, refs_json, from_addr, to_json, cc_json, mid, subject FROM messages WHERE header_mid = ? OR mid = ? LIMIT 1');
  const explainOne = (k: string): string => {
    const r = why.get(k, k);
    if (!r) return `${k}: not in ours`;
    const irt = JSON.parse(r.in_reply_to_json) as string[];
    const refs = JSON.parse(r.refs_json) as string[];
    const addrs = [
      r.from_addr,
      ...(JSON.parse(r.to_json) as { address: string }[]).map((a) => a.address),
      ...(JSON.parse(r.cc_json) as { address: string }[]).map((a) => a.address),
    ];
    const links = threadLinks({ selfIds: [r.mid], inReplyTo: irt, references: refs, addresses: addrs });
    const dropped = [...new Set([...irt, ...refs])].filter((id) => !links.refs.includes(id));
    return `${k} "${r.subject.slice(0, 50)}" irt=${JSON.stringify(irt)} refs=${refs.length} dropped=${JSON.stringify(dropped)}`;
  };
  for (const [nt, ks] of [...splits].slice(0, 8)) {
    const all = [...theirSets.get(nt)!];
    const groups = new Map<number, string[]>();
    for (const k of all) groups.set(ours.get(k) ?? -1, [...(groups.get(ours.get(k) ?? -1) ?? []), k]);
    console.log(
      `  split: notmuch thread of ${all.length} is ${groups.size} of ours (sizes ${[...groups.values()].map((g) => g.length).join('+')}); e.g. ${ks.length} affected`,
    );
    for (const g of [...groups.values()].slice(0, 3)) console.log(`     ${explainOne(g[0]!)}`);
  }
  for (const [t, nts] of [...merges].slice(0, 8)) {
    console.log(
      `  merge: our thread ${t} (${ourSets.get(t)!.size}) holds ${nts.length} notmuch threads (sizes ${nts.map((x) => theirSets.get(x)!.size).join('+')})`,
    );
    for (const nt of nts.slice(0, 3)) console.log(`     ${explainOne([...theirSets.get(nt)!][0]!)}`);
  }
}

function queries(db: Db, env: NodeJS.ProcessEnv): void {
  console.log('\n(b) message sets per query: ours, notmuch, both, Jaccard overlap');
  const now = Date.now();
  for (const [name, ourQ, nmQ, word] of QUERIES) {
    const ours = new Set(
      searchMessages(db, prepareQuery(ourQ, now).compiled, { sort: 'newest', limit: 0 }).map((h) => h.headerMid ?? h.mid),
    );
    const theirs = new Set(
      sh('notmuch', ['search', '--output=messages', nmQ], env)
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^id:/, '')),
    );
    const both = [...ours].filter((k) => theirs.has(k)).length;
    const union = ours.size + theirs.size - both;
    const onlyOurs = [...ours].filter((k) => !theirs.has(k));
    const onlyTheirs = [...theirs].filter((k) => !ours.has(k));
    console.log(
      `  ${name.padEnd(20)} ${ourQ.padEnd(48)} ours ${String(ours.size).padStart(5)}  notmuch ${String(theirs.size).padStart(5)}  both ${String(both).padStart(5)}  overlap ${union ? ((100 * both) / union).toFixed(1) : '100.0'}%`,
    );
    if (onlyOurs.length)
      console.log(
        `      only ours (${onlyOurs.length}): ${why(db, onlyOurs, word, nmQ.startsWith('subject:'))}; e.g. ${onlyOurs.slice(0, 2).join(' ')}`,
      );
    if (onlyTheirs.length)
      console.log(
        `      only notmuch (${onlyTheirs.length}): ${why(db, onlyTheirs, word, nmQ.startsWith('subject:'))}; e.g. ${onlyTheirs.slice(0, 2).join(' ')}`,
      );
  }
}

/**
 * Sort differing messages by cause, from our stored text: the word appears on its own (a word
 * boundary that is not "_"), only inside identifiers joined by "_" (FTS5's unicode61 splits
 * them, Xapian keeps jbd2_journal_start as one term), only in To/Cc (notmuch's free text covers
 * recipients), or none of these (other: tokenizer/stemmer details, attachments' text).
 */
function why(db: Db, keys: readonly string[], word: string | undefined, subjectOnly: boolean): string {
  if (!word) return '';
  const row = db.prepare<[string, string], { id: number; subject: string; to_json: string; cc_json: string }>(
    'SELECT id, subject, to_json, cc_json FROM messages WHERE header_mid = ? OR mid = ? LIMIT 1',
  );
  // Xapian's term boundaries: "_" and digits are word characters, so jbd2_journal is one term.
  const standalone = new RegExp(`(?<![\\p{L}\\p{N}_])${word}\\p{L}*(?![\\p{N}_])`, 'iu');
  const anywhere = new RegExp(word, 'i');
  const counts = new Map<string, number>();
  for (const k of keys) {
    const r = row.get(k, k);
    let cause = 'not in ours';
    if (r) {
      const raw = readRaw(db, r.id);
      const text = subjectOnly ? r.subject : `${r.subject}\n${raw ? bodyText(raw) : ''}`;
      if (standalone.test(text)) cause = `word on its own in ${subjectOnly ? 'the subject' : 'subject/body'}`;
      else if (anywhere.test(text)) cause = 'only inside a_b identifiers';
      else if (anywhere.test(r.to_json + r.cc_json)) cause = 'only in To/Cc';
      else cause = 'other';
    }
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return [...counts].map(([c, n]) => `${n} ${c}`).join(', ');
}

await main();
