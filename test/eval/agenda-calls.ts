/**
 * Per-call labels and scoring for the agenda evaluation (issue 8: "scored per call").
 *
 * A label file names, per (meeting, occurrence), the topics put to that call, each once per
 * meeting series (on the call where it was first put forward). An extracted item is right when
 * it is on that call (or was carried over from it: `deferredFrom`) and its title names the topic.
 * Items and labels are matched one to one; an unmatched item is a false positive, an unmatched
 * topic a false negative. Each corpus is split by date into a development part (read while
 * writing rules) and a test part (left alone); both are scored, apart.
 */
import { sameTitle, titleOverlap } from '../../src/agenda/wording/title.js';

export interface LabelTopic {
  readonly title: string;
  readonly alt?: readonly string[];
  readonly mids: readonly string[];
  readonly why?: string;
}

export interface LabelCall {
  readonly meeting: string;
  /** Local date YYYY-MM-DD of the occurrence, in the meeting's zone. */
  readonly occurrence: string;
  readonly announcedBy?: readonly string[];
  readonly topics: readonly LabelTopic[];
}

export interface CallLabels {
  readonly corpus: string;
  readonly file: string;
  readonly group: 'summit' | 'working-group' | 'calls';
  /** Occurrences on or after this local date (or proposals, with splitBy "proposalDate") are the test part. */
  readonly split: string;
  readonly splitBy?: 'occurrence' | 'proposalDate';
  readonly notes?: string;
  readonly calls: readonly LabelCall[];
}

/** The fields of `convene agenda list --json` the scorer reads. */
export interface ListedItem {
  readonly id: number;
  readonly meeting: string;
  readonly occurrence: string | null;
  readonly occurrenceDate: string | null;
  readonly state: string;
  readonly title: string;
  readonly deferredFrom: string | null;
  readonly messageIds: readonly string[];
}

export type Part = 'dev' | 'test';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  readonly part: Part;
  readonly meeting: string;
  readonly occurrence: string | null;
  readonly title: string;
  readonly mids: readonly string[];
  /** For a false positive: the labelled call where a topic of that title was expected (a wrong call). */
  readonly wrongCallOf?: string;
}

export interface CallScore {
  readonly parts: Record<Part, Tally>;
  readonly falsePositives: Miss[];
  readonly falseNegatives: Miss[];
}

export const MATCH_OVERLAP = 0.5;

/** True when an item's title names a labelled topic: same normal form, or half the content words shared. */
export function titleNames(itemTitle: string, topic: LabelTopic): boolean {
  return [topic.title, ...(topic.alt ?? [])].some((t) => sameTitle(itemTitle, t) || titleOverlap(itemTitle, t) >= MATCH_OVERLAP);
}

/** How closely an item's title names a topic (0..1): the best of its title and alternatives. */
function bestOverlap(itemTitle: string, topic: LabelTopic): number {
  return Math.max(...[topic.title, ...(topic.alt ?? [])].map((t) => (sameTitle(itemTitle, t) ? 1 : titleOverlap(itemTitle, t))));
}

/** "meeting/2020-01-15" or "meeting/2020-01-15T1000" → "2020-01-15". */
export function dateOfKey(key: string | null): string | null {
  if (!key) return null;
  return /\/(\d{4}-\d{2}-\d{2})/.exec(key)?.[1] ?? null;
}

/** Items that take part in scoring: merged items are folded into their survivor by the chair, never counted. */
export function scoredItems(items: readonly ListedItem[], meetings: ReadonlySet<string>): ListedItem[] {
  return items.filter((i) => i.state !== 'merged' && meetings.has(i.meeting));
}

/**
 * Score items against labels, per call. Matching prefers an item that shares a source message with
 * the topic, then any item on the call whose title names it.
 */
export function scoreCalls(
  labels: CallLabels,
  items: readonly ListedItem[],
  meetings: ReadonlySet<string>,
  /** The Date (UTC, YYYY-MM-DD) of a source message, for corpora split by proposal date. */
  dateOfMid: (mid: string) => string | null = () => null,
): CallScore {
  const matched = new Map<LabelTopic, ListedItem>();
  const partOfDate = (d: string | null): Part => (d !== null && d >= labels.split ? 'test' : 'dev');
  const byProposal = labels.splitBy === 'proposalDate';
  const parts: Record<Part, Tally> = { dev: { tp: 0, fp: 0, fn: 0 }, test: { tp: 0, fp: 0, fn: 0 } };
  const pool = scoredItems(items, meetings);
  const used = new Set<number>();
  const falseNegatives: Miss[] = [];
  const topics = labels.calls.filter((c) => meetings.has(c.meeting)).flatMap((c) => c.topics.map((t) => ({ call: c, topic: t })));
  const firstDate = (mids: readonly string[]): string | null =>
    mids
      .map(dateOfMid)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  const topicPart = (call: LabelCall, topic: LabelTopic): Part =>
    partOfDate(byProposal ? (firstDate(topic.mids) ?? call.occurrence) : call.occurrence);

  const onCall = (item: ListedItem, call: LabelCall): boolean =>
    item.meeting === call.meeting && (item.occurrenceDate === call.occurrence || dateOfKey(item.deferredFrom) === call.occurrence);
  // Every acceptable (item, topic) pair, best first: a shared source message, then the closer
  // title; then one to one, greedily (a weak pair never takes a topic a strong one names).
  const pairs: { item: ListedItem; call: LabelCall; topic: LabelTopic; score: number }[] = [];
  for (const { call, topic } of topics) {
    for (const item of pool) {
      if (!onCall(item, call) || !titleNames(item.title, topic)) continue;
      const shared = item.messageIds.some((m) => topic.mids.includes(m)) ? 1 : 0;
      pairs.push({ item, call, topic, score: shared + bestOverlap(item.title, topic) / 2 });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  for (const { item, call, topic } of pairs) {
    if (used.has(item.id) || matched.has(topic)) continue;
    used.add(item.id);
    matched.set(topic, item);
    parts[topicPart(call, topic)].tp++;
  }
  for (const { call, topic } of topics) {
    if (matched.has(topic)) continue;
    const part = topicPart(call, topic);
    parts[part].fn++;
    falseNegatives.push({ part, meeting: call.meeting, occurrence: call.occurrence, title: topic.title, mids: topic.mids });
  }
  const falsePositives: Miss[] = [];
  for (const item of pool) {
    if (used.has(item.id)) continue;
    const part = partOfDate(byProposal ? (firstDate(item.messageIds) ?? item.occurrenceDate) : item.occurrenceDate);
    parts[part].fp++;
    const elsewhere = topics.find(({ call, topic }) => call.meeting === item.meeting && titleNames(item.title, topic));
    falsePositives.push({
      part,
      meeting: item.meeting,
      occurrence: item.occurrenceDate,
      title: item.title,
      mids: item.messageIds,
      ...(elsewhere ? { wrongCallOf: `${elsewhere.call.occurrence}: ${elsewhere.topic.title}` } : {}),
    });
  }
  return { parts, falsePositives, falseNegatives };
}

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}

export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}

export function addTally(into: Tally, from: Tally): Tally {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
  return into;
}
