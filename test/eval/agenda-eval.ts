/**
 * `npm run eval:agenda`: the agenda on real list mail, through the product path, scored per call
 * (issue 8). For every labelled corpus in test/fixtures/agenda-eval/calls/ it imports the mbox with
 * the operator-style config beside the labels, lists the agenda, and reports precision and recall
 * for the development part and the test part apart, per corpus and per kind of list:
 *  - "all": every meeting of the list configured;
 *  - "alone": each meeting configured on its own (the operator who runs one working group on a
 *    shared list), summed: another group's agenda must not land in it.
 * The mbox is read beside its labels when it is there (the small fresh held-out corpora), else from
 * $CONVENE_CORPORA/agenda (default: ../shared/corpora beside the repository);
 * a corpus that is absent is skipped with a message.
 *
 *   --verbose     print the development part's misses (false positives and negatives)
 *   --show-test   also print the test part's misses (only once the rules are final)
 *   --corpus NAME only that corpus
 *   --robust      also run every corpus with the `calls` patterns removed, and with the `chairs`
 *                 removed: the extractor must not hang on one part of an operator's config
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addTally,
  precision,
  recall,
  scoreCalls,
  type CallLabels,
  type CallScore,
  type Miss,
  type Part,
  type Tally,
} from './agenda-calls.js';
import { meetingsOf, runProduct } from './agenda-product.js';

const here = dirname(fileURLToPath(import.meta.url));
// dist/test/eval → the repository is three levels up; test/eval (tsx, vitest) → two.
const root = [join(here, '..', '..', '..'), join(here, '..', '..')].find((d) => existsSync(join(d, 'test', 'fixtures', 'agenda-eval')))!;
const labelDir = join(root, 'test', 'fixtures', 'agenda-eval', 'calls');
const corpora = join(process.env.CONVENE_CORPORA ?? resolve(root, '..', 'shared', 'corpora'), 'agenda');
const bin = join(root, 'dist', 'bin', 'main.js');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('--show-test');
const showTest = args.includes('--show-test');
const only = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
const robust = args.includes('--robust');

/** A config's meetings without one agenda key (`calls`) or one meeting key (`chairs`). */
function without(meetings: Record<string, unknown>[], key: 'calls' | 'chairs'): Record<string, unknown>[] {
  return meetings.map((m) => {
    const copy: Record<string, unknown> = { ...m };
    if (key === 'chairs') delete copy.chairs;
    else copy.agenda = { ...(m.agenda as Record<string, unknown>), calls: [] };
    return copy;
  });
}

const TARGET: Record<CallLabels['group'], number> = { summit: 0.97, 'working-group': 0.85, calls: 0.85 };

const fmt = (n: number): string => n.toFixed(2);
const cell = (t: Tally): string => `P=${fmt(precision(t))} R=${fmt(recall(t))} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
const empty = (): Record<Part, Tally> => ({ dev: { tp: 0, fp: 0, fn: 0 }, test: { tp: 0, fp: 0, fn: 0 } });

function printMisses(score: CallScore): void {
  const show = (m: Miss) => showTest || m.part === 'dev';
  const line = (kind: string, m: Miss) =>
    `    ${kind} ${m.part} [${m.meeting} ${m.occurrence ?? 'no call'}] ${m.title}${m.wrongCallOf ? `  (labelled on ${m.wrongCallOf})` : ''}  <${m.mids[0] ?? ''}>`;
  for (const m of score.falsePositives.filter(show)) console.log(line('FP', m));
  for (const m of score.falseNegatives.filter(show)) console.log(line('FN', m));
}

interface Row {
  corpus: string;
  group: CallLabels['group'];
  variant: string;
  parts: Record<Part, Tally>;
}

function main(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const rows: Row[] = [];
  const files = readdirSync(labelDir).filter((f) => f.endsWith('.labels.json'));
  for (const file of files.sort()) {
    const labels = JSON.parse(readFileSync(join(labelDir, file), 'utf8')) as CallLabels;
    if (only && labels.corpus !== only) continue;
    // Small held-out corpora travel with their labels; the large ones stay in the shared corpora.
    const local = join(labelDir, labels.file);
    const mbox = existsSync(local) ? local : join(corpora, labels.file);
    if (!existsSync(mbox)) {
      console.log(`\n${labels.corpus}: ${mbox} not found, skipped (set CONVENE_CORPORA)`);
      continue;
    }
    const configYaml = readFileSync(join(labelDir, `${labels.corpus}.config.yaml`), 'utf8');
    const meetings = meetingsOf(configYaml);
    const ids = meetings.map((m) => String(m.id));
    const variants: [string, string[][]][] = [['all', [ids]]];
    if (ids.length > 1) variants.push(['alone', ids.map((id) => [id])]);
    if (robust) variants.push(['no-calls', [ids]], ['no-chairs', [ids]]);
    for (const [variant, sets] of variants) {
      const parts = empty();
      const misses: CallScore[] = [];
      let messages = 0;
      let ms = 0;
      for (const set of sets) {
        const chosen = meetingsOf(configYaml, set);
        const run = runProduct(
          bin,
          mbox,
          variant === 'no-calls' ? without(chosen, 'calls') : variant === 'no-chairs' ? without(chosen, 'chairs') : chosen,
        );
        const score = scoreCalls(labels, run.items, new Set(set), (mid) => run.midDates.get(mid) ?? null);
        addTally(parts.dev, score.parts.dev);
        addTally(parts.test, score.parts.test);
        misses.push(score);
        messages = run.messages;
        ms += run.importMs;
        // A message whose extraction threw is a silent miss: say so, and fail the run.
        for (const e of run.extractErrors) console.log(`  EXTRACTION ERROR ${labels.corpus} [${variant}]: ${e}`);
        if (run.extractErrors.length) process.exitCode = 1;
      }
      rows.push({ corpus: labels.corpus, group: labels.group, variant, parts });
      console.log(`\n${labels.corpus} [${variant}] (${messages} messages, import ${(ms / 1000).toFixed(1)} s)`);
      console.log(`  dev   ${cell(parts.dev)}`);
      console.log(`  test  ${cell(parts.test)}`);
      // "alone" runs each meeting by itself: its false negatives repeat "all"'s, its false positives are news.
      if (verbose && variant !== 'alone') misses.forEach(printMisses);
      if (verbose && variant === 'alone') for (const s of misses) printMisses({ ...s, falseNegatives: [] });
    }
  }

  console.log('\nBy kind of list (target P and R):');
  const totals: Record<string, unknown> = {};
  for (const group of ['summit', 'working-group', 'calls'] as const) {
    for (const variant of ['all', 'alone', 'no-calls', 'no-chairs']) {
      const sum = empty();
      for (const r of rows.filter((x) => x.group === group && x.variant === variant)) {
        addTally(sum.dev, r.parts.dev);
        addTally(sum.test, r.parts.test);
      }
      if (sum.dev.tp + sum.dev.fp + sum.dev.fn + sum.test.tp + sum.test.fp + sum.test.fn === 0) continue;
      const met = (t: Tally) => (precision(t) >= TARGET[group] && recall(t) >= TARGET[group] ? 'met' : 'NOT met');
      console.log(`  ${group.padEnd(13)} ${variant.padEnd(5)} dev  ${cell(sum.dev)} ${met(sum.dev)}`);
      console.log(`  ${''.padEnd(13)} ${''.padEnd(5)} test ${cell(sum.test)} ${met(sum.test)}  (target ${TARGET[group]})`);
      totals[`${group}/${variant}`] = sum;
    }
  }
  const out = join(root, '.tmp');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'agenda-eval.json'), JSON.stringify({ rows, totals }, null, 2));
  console.log(`\n(results: ${join(out, 'agenda-eval.json')})`);
}

main();
