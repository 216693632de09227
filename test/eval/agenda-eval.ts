/**
 * `npm run eval:agenda`: precision and recall of agenda extraction per rule and overall, per
 * corpus, against hand labels (test/fixtures/agenda-eval/*.labels.json, keyed by Message-ID).
 * Real corpora are read from /work/shared/corpora/agenda (or $AGENDA_CORPORA); a corpus that is
 * absent is skipped with a message. The synthetic cases and the fixture slice always run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_MEETINGS, CORPORA } from './agenda-corpora.js';
import { runCorpus } from './agenda-run.js';
import { precision, recall, score, type Labels, type Score } from './agenda-score.js';
import { runSynthetic } from './agenda-synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
// dist/test/eval → repo root is three levels up; test/eval (vitest) → two.
const root = [join(here, '..', '..', '..'), join(here, '..', '..')].find((d) => existsSync(join(d, 'test', 'fixtures', 'agenda-eval')))!;
const fixtures = join(root, 'test', 'fixtures', 'agenda-eval');
const corpora = process.env.AGENDA_CORPORA ?? '/work/shared/corpora/agenda';
const verbose = process.argv.includes('--verbose');

function loadLabels(name: string): Labels | null {
  const file = join(fixtures, `${name}.labels.json`);
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { labels: Labels }).labels;
}

function fmt(n: number): string {
  return n.toFixed(3);
}

function report(name: string, s: Score, target: number | null): void {
  const p = precision(s.overall);
  const r = recall(s.overall);
  const verdict = target === null ? '' : p >= target && r >= target ? `  (target ${target}: met)` : `  (target ${target}: NOT met)`;
  console.log(`\n${name}: P=${fmt(p)} R=${fmt(r)}  tp=${s.overall.tp} fp=${s.overall.fp} fn=${s.overall.fn}${verdict}`);
  for (const [rule, t] of Object.entries(s.byRule).sort()) {
    const rp = t.fired ? fmt(t.correct / t.fired) : '  -  ';
    const rr = t.expected ? fmt(t.found / t.expected) : '  -  ';
    console.log(`  ${rule.padEnd(12)} P=${rp} (${t.correct}/${t.fired})  R=${rr} (${t.found}/${t.expected})`);
  }
  if (verbose) {
    for (const { mid, c } of s.falsePositives) console.log(`    FP ${c.rule} [${c.meetingId}] ${c.title}  <${mid}>`);
    for (const { mid, l } of s.falseNegatives) console.log(`    FN ${l.rule} [${l.meeting}] ${l.title}  <${mid}>`);
  }
}

async function main(): Promise<void> {
  const real = { tp: 0, fp: 0, fn: 0 };
  for (const spec of CORPORA) {
    const path = join(corpora, spec.file);
    const labels = loadLabels(spec.name);
    if (!labels) {
      console.log(`\n${spec.name}: no labels, skipped`);
      continue;
    }
    if (!existsSync(path)) {
      console.log(`\n${spec.name}: ${path} not found, skipped (the fixture slice below still runs)`);
      continue;
    }
    const run = await runCorpus(path, spec.meetings);
    const s = score(run.candidates, labels);
    real.tp += s.overall.tp;
    real.fp += s.overall.fp;
    real.fn += s.overall.fn;
    report(`${spec.name} (${run.messages} messages, ${Object.keys(labels).length} labelled)`, s, spec.target);
  }
  console.log(`\nall real mail: P=${fmt(precision(real))} R=${fmt(recall(real))}  tp=${real.tp} fp=${real.fp} fn=${real.fn}`);

  // Unrelated list traffic with one generic meeting configured: every candidate there is a false positive.
  const background = join(corpora, '..', 'usrp-users-first1k.mbox.gz');
  if (existsSync(background)) {
    const run = await runCorpus(background, [
      {
        id: 'dev-call',
        name: 'developer call',
        aliases: ['dev call', 'community call'],
        subjectTags: ['[agenda]'],
        calls: null,
        lists: [],
      },
    ]);
    const n = [...run.candidates.values()].reduce((a, c) => a + c.length, 0);
    console.log(`
background (usrp-users, ${run.messages} messages, no proposals expected): ${n} candidates`);
  }

  const sliceLabels = loadLabels('slice');
  if (sliceLabels) {
    const run = await runCorpus(join(fixtures, 'slice.mbox'), ALL_MEETINGS);
    report(`fixture slice (${run.messages} messages)`, score(run.candidates, sliceLabels), null);
  }
  report('synthetic', runSynthetic(join(fixtures, 'synthetic.json')), null);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
