#!/usr/bin/env node
/**
 * A realistic synthetic list archive as an mboxrd stream, for the scale bench:
 *   node dist/test/bench/generate-archive.js --n 100000 [--seed 1] [--years 12] [--corpus FILE] [--out FILE]
 * Threads carry In-Reply-To and References (trimmed the way mailers trim them), authors follow a
 * power law (Zipf over the real slice's authors ranked by message count, so the busiest real
 * author is the busiest here too), subjects and body lines come from the real slice, dates advance
 * with exponential gaps over the given years (default 2008..2020, so the real slice's 2019-2020
 * dates fall inside too). Deterministic for a seed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ArchiveModel, loadArchiveModel } from './archive-model.js';
import { CORPUS_NAME, corporaDir } from './corpus.js';
import { prng } from '../helpers/prng.js';

export interface GenerateOptions {
  readonly n: number;
  readonly seed?: number;
  /** First message's date, ms since the epoch (default 2008-01-01 UTC). */
  readonly startMs?: number;
  readonly years?: number;
}

/** The list every generated message is posted to. */
export const GENERATED_LIST = { id: 'bench.lists.convene.example', address: 'bench@lists.convene.example' };

/** 2008-01-01 + 13 years: the query classes' 2020 date range falls inside. */
const DEFAULT_YEARS = 13;
const P_NEW_THREAD = 0.3;
const ACTIVE_THREADS = 3000;
const KEPT_PER_THREAD = 30;
const MAX_REFS = 12;
const ZIPF_S = 1.05;
const ZONES = [-480, -420, -300, -240, 0, 0, 60, 60, 120, 330, 480, 540];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface GenMessage {
  readonly id: string;
  readonly refs: readonly string[];
  readonly author: string;
  readonly date: number;
}
interface GenThread {
  readonly subject: string;
  readonly msgs: GenMessage[];
}

/** Yield `n` mboxrd blocks ("From " line, headers, body, blank separator line). */
export function* generateArchive(model: ArchiveModel, options: GenerateOptions): Generator<string> {
  const rand = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const zipf = zipfSampler(model.authors.length, ZIPF_S, rand);
  const start = options.startMs ?? Date.UTC(2008, 0, 1);
  const meanGap = ((options.years ?? DEFAULT_YEARS) * 365.25 * 86_400_000) / options.n;
  const active: GenThread[] = [];
  let now = start;
  for (let i = 0; i < options.n; i++) {
    now += Math.max(1000, Math.round(-Math.log(1 - rand()) * meanGap));
    const author = model.authors[zipf()]!;
    let thread: GenThread;
    let parent: GenMessage | undefined;
    if (active.length === 0 || rand() < P_NEW_THREAD) {
      thread = { subject: pick(model.subjects), msgs: [] };
      active.push(thread);
      if (active.length > ACTIVE_THREADS) active.shift();
    } else {
      // Recent threads are the busy ones: u^3 leans hard towards the end of the list.
      thread = active[active.length - 1 - Math.floor(rand() ** 3 * active.length)]!;
      parent = rand() < 0.6 ? thread.msgs.at(-1) : pick(thread.msgs);
    }
    const id = `${stamp(now)}.${i.toString(36)}.${Math.floor(rand() * 1e9).toString(36)}@${domainOf(author)}`;
    const refs = parent ? trimRefs([...parent.refs, parent.id]) : [];
    const msg: GenMessage = { id, refs, author, date: now };
    thread.msgs.push(msg);
    if (thread.msgs.length > KEPT_PER_THREAD) thread.msgs.shift();
    yield render(model, msg, thread.subject, parent, rand, zipf);
  }
}

/** Keep the first id and the last few, as mailers do when References grows long (RFC 5322 §3.6.4). */
function trimRefs(refs: string[]): string[] {
  return refs.length <= MAX_REFS ? refs : [refs[0]!, ...refs.slice(-(MAX_REFS - 1))];
}

function render(
  model: ArchiveModel,
  msg: GenMessage,
  subject: string,
  parent: GenMessage | undefined,
  rand: () => number,
  zipf: () => number,
): string {
  const zone = ZONES[Math.floor(rand() * ZONES.length)]!;
  const cc = new Set<string>();
  if (parent && parent.author !== msg.author) cc.add(parent.author);
  for (let k = Math.floor(rand() * 3); k > 0; k--) cc.add(model.authors[zipf()]!);
  cc.delete(msg.author);
  const head = [
    `From: ${msg.author}`,
    `To: ${GENERATED_LIST.address}`,
    ...(cc.size ? [`Cc: ${[...cc].join(',\n    ')}`] : []),
    `Subject: ${parent ? 'Re: ' : ''}${subject}`,
    `Date: ${rfc5322Date(msg.date, zone)}`,
    `Message-ID: <${msg.id}>`,
    ...(parent ? [`In-Reply-To: <${parent.id}>`, `References: ${msg.refs.map((r) => `<${r}>`).join('\n    ')}`] : []),
    `List-Id: Bench list <${GENERATED_LIST.id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body: string[] = [];
  if (parent) {
    body.push(`On ${new Date(parent.date).toUTCString()}, ${nameOf(parent.author)} wrote:`);
    for (const line of textRun(model, 2 + Math.floor(rand() * 8), rand)) body.push(line ? `> ${line}` : '>');
    body.push('');
  }
  // Own text: log-normal line count (median ~12), in runs of consecutive real lines.
  const own = Math.min(400, Math.max(1, Math.round(Math.exp(Math.log(12) + gaussian(rand)))));
  for (let done = 0; done < own;) {
    const run = Math.min(own - done, 3 + Math.floor(rand() * 12));
    body.push(...textRun(model, run, rand), '');
    done += run;
  }
  if (rand() < 0.3) body.push('-- ', nameOf(msg.author));
  const escaped = body.map((l) => (/^>*From /.test(l) ? `>${l}` : l));
  return `From ${addrOf(msg.author)} ${asctime(msg.date)}\n${head.join('\n')}\n\n${escaped.join('\n')}\n\n`;
}

function textRun(model: ArchiveModel, count: number, rand: () => number): string[] {
  const at = Math.floor(rand() * Math.max(1, model.lines.length - count));
  return model.lines.slice(at, at + count) as string[];
}

/** Standard normal deviate (Box-Muller). */
function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Sample ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s, by binary search in the cumulative weights. */
function zipfSampler(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cdf[k] = total += 1 / (k + 1) ** s;
  return () => {
    const u = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function addrOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
function nameOf(from: string): string {
  const name = from
    .replace(/<[^>]*>/, '')
    .replace(/"/g, '')
    .trim();
  return name || addrOf(from);
}
function domainOf(from: string): string {
  return addrOf(from).split('@')[1] ?? 'gen.example';
}
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}
function rfc5322Date(ms: number, zoneMin: number): string {
  const d = new Date(ms + zoneMin * 60_000);
  const sign = zoneMin < 0 ? '-' : '+';
  const z = Math.abs(zoneMin);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(z / 60))}${pad(z % 60)}`;
}
function asctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Write a generated archive to a stream (backpressure respected). Returns the bytes written. */
export async function writeArchive(model: ArchiveModel, options: GenerateOptions, out: NodeJS.WritableStream): Promise<number> {
  let bytes = 0;
  let pending: string[] = [];
  let pendingLen = 0;
  const flush = async (): Promise<void> => {
    const chunk = Buffer.from(pending.join(''), 'utf8');
    bytes += chunk.length;
    pending = [];
    pendingLen = 0;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  for (const block of generateArchive(model, options)) {
    pending.push(block);
    pendingLen += block.length;
    if (pendingLen >= 1 << 20) await flush();
  }
  if (pendingLen) await flush();
  return bytes;
}

async function cli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      seed: { type: 'string' },
      years: { type: 'string' },
      corpus: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..');
  const corpus = values.corpus ?? join(corporaDir(root), CORPUS_NAME);
  const model = await loadArchiveModel(corpus);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  await writeArchive(
    model,
    { n: Number(values.n ?? 1000), seed: Number(values.seed ?? 1), years: Number(values.years ?? DEFAULT_YEARS) },
    out,
  );
  if (values.out) {
    out.end();
    await once(out, 'finish');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`generate-archive: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
