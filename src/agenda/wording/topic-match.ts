/**
 * When two titles name the same topic (issue 8, "The same topic twice"): a second schedule that
 * repeats the first with "(Presenter Name)" appended, a chair's list restating a member's
 * proposal, "Followup on X" in the next reminder. Titles are compared after removing presenter,
 * duration and status notes (topic-title.ts already did for extracted ones) and the words that
 * say what to do with a topic rather than what it is ("discuss", "update on", "follow-up"), by
 * their content words: the same normal form, or most content words of the shorter shared and a
 * fair part of the longer. Used within one meeting series only.
 */
import { acronymOf, topicTitle } from './topic-title.js';
import { normaliseTitle, withDottedNumbersWhole } from './title.js';

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));
const STOP = words(`a an the and or of to for in on at by with from about into is are be we our i my this that it as how
  what why when new its their any some more next via per vs last time their them they off over`);
// Words about handling a topic, not naming it.
const GENERIC = words(`discuss discussion discussions review reviews reviewing update updates status follow followup followups
  up continue continued continuing revisit topic topics proposal proposals talk presentation overview item items session
  sessions progress recap quick short brief talk talking state current challenges preparations effort efforts work plan plans
  idea ideas thoughts steps step forward`);

/** The content words of a title: normalised, stop and generic words dropped, plurals folded. */
export function topicWords(title: string): Set<string> {
  // "Rule 18.1" and "Rule 18.2" (MISRA C rules, xen-devel 2022), "4.13 release" and "4.14 release":
  // a dotted number is one word, or every rule of a chapter would be one topic.
  const shaped = withDottedNumbersWhole(topicTitle(title)?.title ?? title);
  return new Set(
    normaliseTitle(shaped)
      .split(' ')
      .filter((w) => w.length > 1 && !STOP.has(w) && !GENERIC.has(w))
      .map(stem),
  );
}

/**
 * "Unified Boot Log (UBL)" without "(UBL)": letters in brackets that only spell out the words before
 * them (the Boot-Time SIG 2025). Letters that spell nothing before them ("(TDX)" after
 * "confidential computing") stay.
 */
export function withoutAcronymGloss(title: string): string {
  return title.replace(/((?:[\p{L}\d][\p{L}\d'-]*\s+){2,8})\((\p{Lu}{2,8})\)/gu, (whole, before: string, letters: string) =>
    acronymOf(before.trim(), letters) ? before.trimEnd() : whole,
  );
}

function stem(word: string): string {
  // "Audio Virtualisation" (a member's proposal) and "Virtualization" (the chair's agenda): British
  // and American spelling of one word.
  const w = word.replace(/is(ation|ations|ing|ed|e|es)$/, 'iz$1');
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  // "unified" and "unifying" name the same thing.
  if (w.length > 5 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 6 && w.endsWith('ying')) return w.slice(0, -3);
  if (w.length > 6 && w.endsWith('ing')) return w.slice(0, -3);
  const one = w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
  // "Stateless encoders" and "Stateless encoding" name the same work: the doer and the doing.
  if (one.length > 6 && one.endsWith('er')) return one.slice(0, -2);
  return one;
}

/** What a meeting series' titles say about words: how many titles hold each (document frequency). */
export interface TitleStats {
  /** An IDF weight: rare words in the series' titles say more. */
  readonly weight: (word: string) => number;
  /** How many titles hold the word. */
  readonly df: (word: string) => number;
}

/** Word statistics over a meeting series' titles, the candidate's among them. */
export function statsOf(titles: readonly string[]): TitleStats {
  const df = new Map<string, number>();
  for (const t of titles) for (const w of topicWords(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(titles.length, 1);
  return { weight: (w) => Math.log(1 + n / (df.get(w) ?? 1)), df: (w) => df.get(w) ?? 0 };
}

const FLAT: TitleStats = { weight: () => 1, df: () => 2 };

/**
 * True when the two titles name the same topic: the same normal form, or their shared content
 * words carry most of the weight of the shorter title and a fair part of the longer one, and
 * there are at least two of them (a one-word title needs its word and at most one more).
 */
export function sameTopic(a: string, b: string, stats: TitleStats = FLAT, sameCall = false): boolean {
  if (sameTopicAsWritten(a, b, stats, sameCall)) return true;
  // "Unified Boot Log (UBL)" and "Report on Unified Boot Log discussion": the same once the letters
  // that only spell out the words before them are set aside ("SVSM" alone still joins "(SVSM)").
  const [plainA, plainB] = [withoutAcronymGloss(a), withoutAcronymGloss(b)];
  return (plainA !== a || plainB !== b) && sameTopicAsWritten(plainA, plainB, stats, sameCall);
}

function sameTopicAsWritten(a: string, b: string, stats: TitleStats, sameCall: boolean): boolean {
  const { weight } = stats;
  const na = normaliseTitle(a);
  if (na !== '' && na === normaliseTitle(b)) return true;
  const A = topicWords(a);
  const B = topicWords(b);
  if (A.size === 0 || B.size === 0) return false;
  const [small, large] = A.size <= B.size ? [A, B] : [B, A];
  const common = [...small].filter((w) => large.has(w));
  const sum = (ws: Iterable<string>) => [...ws].reduce((s, w) => s + weight(w), 0);
  // A one-word title ("seccomp") is the same topic as a longer one holding it when the word is
  // short of company (at most two words) or no other title of the series holds it.
  // The shorter title must really be that short ("seccomp"), not one left after its handling words
  // went ("Design Reviews in progress").
  if (small.size === 1) {
    const short = normaliseTitle(small === A ? a : b).split(' ').length <= 2;
    return common.length === 1 && (large.size <= 2 || (short && stats.df(common[0]!) <= 2));
  }
  if (common.length < 2) return false;
  // On one call, every word of the shorter title in the longer one ("HW security update" and
  // "Process around handling of HW security issues: update"): the longer one says more about the
  // same topic. Across calls that is too little ("VFIO migration" in August, "VFIO and
  // migration: device state size" in October are two topics).
  if (sameCall && common.length === small.size) return true;
  const shared = sum(common);
  return shared / sum(small) >= 0.7 && shared / sum(large) >= 0.35;
}

/**
 * True when two titles share a word of substance: one that is not the meeting's own name ("git" at
 * a Git summit) and that no other title of the series holds ("protocol"; not "making ... the
 * default", which other titles say too).
 */
export function sharesSubstance(a: string, b: string, meetingNames: readonly string[], stats: TitleStats = FLAT): boolean {
  const own = new Set(meetingNames.flatMap((n) => [...topicWords(n)]));
  const B = topicWords(b);
  return [...topicWords(a)].some((w) => B.has(w) && !own.has(w) && stats.df(w) <= 2);
}
