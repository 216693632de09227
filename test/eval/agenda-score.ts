import { titleOverlap, sameTitle } from '../../src/agenda/wording/title.js';
import type { Candidate, RuleName } from '../../src/agenda/extract/types.js';

/**
 * Scoring for the agenda evaluation. A label is one topic a message proposes, for one meeting.
 * A candidate matches a label of the SAME message and meeting when the titles are the same after
 * normalisation or share at least half of the smaller title's content words (overlap ≥ 0.5),
 * or match one of the label's alternative titles. Each label matches at most one candidate.
 */
export interface Label {
  readonly meeting: string;
  readonly title: string;
  /** The rule a correct extractor should use (for per-rule recall). */
  readonly rule: RuleName;
  readonly alt?: readonly string[];
}

export type Labels = Readonly<Record<string, readonly Label[]>>;

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  readonly overall: Tally;
  /** Precision side per rule that fired, recall side per rule a label expects. */
  readonly byRule: Record<string, { fired: number; correct: number; expected: number; found: number }>;
  readonly falsePositives: { mid: string; c: Candidate }[];
  readonly falseNegatives: { mid: string; l: Label }[];
}

export const MATCH_OVERLAP = 0.5;

/** True when a candidate title names the labelled topic. */
export function titleMatches(candidate: string, label: Label): boolean {
  return [label.title, ...(label.alt ?? [])].some((t) => sameTitle(candidate, t) || titleOverlap(candidate, t) >= MATCH_OVERLAP);
}

/** Score the candidates of every extracted message against the labels (messages absent from labels propose nothing). */
export function score(results: ReadonlyMap<string, readonly Candidate[]>, labels: Labels): Score {
  const overall: Tally = { tp: 0, fp: 0, fn: 0 };
  const byRule: Score['byRule'] = {};
  const rule = (r: string) => (byRule[r] ??= { fired: 0, correct: 0, expected: 0, found: 0 });
  const falsePositives: Score['falsePositives'] = [];
  const falseNegatives: Score['falseNegatives'] = [];
  const mids = new Set([...results.keys(), ...Object.keys(labels)]);
  for (const mid of mids) {
    const cands = results.get(mid) ?? [];
    const want = labels[mid] ?? [];
    const used = new Set<number>();
    for (const c of cands) {
      rule(c.rule).fired++;
      const idx = want.findIndex((l, i) => !used.has(i) && l.meeting === c.meetingId && titleMatches(c.title, l));
      if (idx >= 0) {
        used.add(idx);
        overall.tp++;
        rule(c.rule).correct++;
      } else {
        overall.fp++;
        falsePositives.push({ mid, c });
      }
    }
    want.forEach((l, i) => {
      rule(l.rule).expected++;
      if (used.has(i)) rule(l.rule).found++;
      else {
        overall.fn++;
        falseNegatives.push({ mid, l });
      }
    });
  }
  return { overall, byRule, falsePositives, falseNegatives };
}

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}

export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}
