/**
 * A title a chair would print in the digest, from the words someone used to propose a topic
 * (issue 8, "Titles from sentence fragments"): the request around it goes ("I'd like to discuss",
 * "Discuss", "Per Alexander:"), so do status and presenter notes ("(in review)", "(Jane Doe)"),
 * and the topic is cut at its first clause boundary ("…, which …", "… because …", a sentence
 * end) and kept to a short noun phrase. Annotations (presenter, duration, links) are returned
 * beside it so nothing the proposer wrote is lost.
 */
import { annotate, type Annotated } from '../reading/annotations.js';
import { regex } from '../extract/patterns.js';
import { cleanTitle } from './title.js';
import { withoutRequest } from './topic-request.js';

/** Notes in parentheses that say where a topic stands, not what it is. */
const STATUS = regex(
  'gi',
  String.raw`\s*\((?:in\s+review|under\s+review|if\s+(?:ready|time(?:\s+permits)?|there\s+is\s+time)|`,
  String.raw`time\s+permitting|tbd|tba|wip|draft|done|merged|ongoing|continued|carried\s+over|`,
  String.raw`cont(?:'d|inued)?|new|optional|maybe|tentative|postponed|deferred|from\s+last\s+(?:time|`,
  String.raw`week|meeting)|[^()]{0,30}\bvia\s+e-?mail|e-?mail)\)\s*`,
);
/** A presenter in parentheses at the end: "(Jane Doe)", "(Jane Doe, et. al)", "(Jane / Joe)", "(Liam?)" (not yet sure). */
const TRAILING_PERSON = regex(
  'u',
  String.raw`\s*\(\s*([\p{Lu}][\p{L}'’.-]+(?:[ -](?:van|von|de|da|del|der|le|la|[\p{Lu}][\p{L}'’.-]*)){0,3}(?:\s*(?:,|`,
  String.raw`\/|&|and)\s*(?:et\.?\s*al\.?|[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,2}))*)\s*\??\s*\)\s*$`,
);
/** True when a line ends by naming who brings it: "... (Tomasz)", "(Jane / Joe)". */
export function endsWithPresenter(text: string): boolean {
  return TRAILING_PERSON.test(text);
}

// A sentence end: the next word starts with a capital. Case-sensitive on purpose: under the "i"
// flag \p{Lu} matches lower case too, and "shared vs. private conversion" was cut at "vs.".
const SENTENCE_END = /(?<!\b(?:vs|cf|etc|approx|e\.g|i\.e))[.?!](?=\s+[\p{Lu}"“(])/gu;
// "Unifying KVM's uAPI for protected VMs, courtesy of Isaku": who brings it, after the topic.
// "Talk on OpenSSL/Crypto by Venki" (ILUGC 2002): a plain "by" before a name that is a word in
// capitals and small letters, not "Reduce memory use by THP" (an acronym) or "by default".
const COURTESY_OF = regex(
  'u',
  String.raw`,?\s+(?:courtesy\s+of|presented\s+by|led\s+by|by(?=\s+\p{Lu}\p{Ll}))\s+`,
  // "by Venki (A.Venkatesh?)": a guess at the full name after it.
  String.raw`([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2})(?:\s*\([^()]{1,40}\))?\s*[:.]?\s*$`,
);
// "Introduction to *BSD by <identify yourself>" (ILUGC 2002): a speaker still to be found.
const BY_NOBODY_YET = /\s+by\s+<[^<>]{1,40}>\s*$/i;
// Where a topic stops: a semicolon, a clause that explains or justifies it.
const CLAUSE_END = regex(
  'iu',
  String.raw`(?:;\s|\s+[-–—]{1,2}\s+(?=\S)|,\s+(?:which|where|`,
  String.raw`so\s+that|so|because|since|as\s+(?:it|we|this|they)|but|and\s+(?:i|we)\b|`,
  String.raw`if\s+(?:you|we|there|anyone|anybody)|please|thanks?)\b|,\s+(?:i\.e|e\.g)\.?(?=\s|$)|:\s+and\b|`,
  // "pKVM if the right people log on": a condition on the topic, after it.
  String.raw`\s+if\s+(?:the\s+right|time\s+(?:permits|allows)|(?:anyone|anybody|someone|people)\s)|`,
  // "progress since the UTK meeting on moving the BTLs down to OPAL" (Open MPI 2013): "since" before a
  // time is a preposition inside the topic, not the clause that explains it.
  String.raw`\s+(?:because|since(?!\s+(?:the|last|our|then|\d))|so\s+that|in\s+order\s+to|in\s+spite\s+of|despite|`,
  String.raw`which\s+(?:either|might|may|can|could)|which\s+(?:is|are|was|were|would|`,
  String.raw`will|has|have|should)|(?:that\s+)?(?:we|i|you)\s+(?:have|had|need|should|`,
  // "... that I've been thinking about": the writer's clause in short form too.
  String.raw`could|can|would|are|were|see|saw)\b|(?:that\s+)?(?:we|i|you)'(?:ve|d|re)\b)\b)`,
);

// A day and time of day before the topic: "Tuesday at 2pm US Central for", "Thu 9:00 UTC -".
const SLOT_LEAD = regex(
  'i',
  String.raw`^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:at\s+)?\d{1,2}(?::\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)`,
  String.raw`(?:\s+(?:US\s+\w+|[A-Z]{2,5}|\w+\s+time))?\s+(?:for\s+(?:the\s+)?|on\s+|[-–—:]\s+)(?=\S)`,
);

// A patch or issue named by its number: "D66210", "#1234", "r365432", "PR 42".
const PATCH_ID = String.raw`(?:[A-Z]{1,3}\d{3,}|#\d+|r[A-Z]?\d{4,}|(?:bug|issue|pr)\s*#?\d+)`;
const PATCH_SUBJECT = new RegExp(`^${PATCH_ID}?\\s*\\(([^()]{3,80})\\)\\s*$`, 'i');
const PATCHES_THEN_WHAT = new RegExp(`^${PATCH_ID}(?:\\s*(?:,|and|&)\\s*${PATCH_ID})*\\s+[-–—]{1,2}\\s+(?=\\p{L})`, 'iu');
const MAX_WORDS = 14;
const ANY_TOPIC = /^(?:whatever|anything|something|everything)(?:\s+(?:else|we|you|people|folks|that|which|comes|is|may)\b.*)?\W*$/i;
// A title that opens with what, how or why, and the "we would ..." that is its own clause.
const WH_LEAD = /^(?:what|how|why|where|which|whether)(?:\s+(?:and|or)\s+(?:what|how|why|where|which|when))?\s+(?:we|i|you)\s/i;
const OWN_CLAUSE = /^\s+(?:that\s+)?(?:we|i|you)\s/i;
const DASH = /^\s+[-–—]/;

/**
 * "Data Object Exchange (DOE)", "Security Protocol and Data Model (SPDM)": capitals spelling the
 * initials of the words before them are the topic's acronym, not who presents it ("(IBM)" is).
 */
export function acronymOf(words: string, caps: string): boolean {
  if (!/^\p{Lu}{2,}$/u.test(caps)) return false;
  const initials = words
    .split(/[\s/-]+/)
    .filter((w) => w !== '' && !/^(?:and|or|of|for|the|a|an|in|on|to)$/i.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return initials.endsWith(caps);
}

/** A parenthesised note that names no presenter: "(TBD)", "(RFC)", or the topic's own acronym. */
function notAPresenter(note: string, before: string): boolean {
  return /^(?:TBD|TBA|WIP|RFC|FYI|Q&A|AOB)$/i.test(note) || acronymOf(before, note);
}

/**
 * Where the topic stops: the first clause end at least 8 characters in (a short lead is no clause).
 * A topic asked as a question keeps its own clause: "What and how we would like to achieve with
 * software ISP" (libcamera 2024), "How we handle X", not "What and how".
 */
function firstCut(t: string, subject: boolean): number | null {
  const asked = WH_LEAD.test(t);
  const cuts = [SENTENCE_END, CLAUSE_END].map((pattern) => {
    const re = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    for (const m of t.matchAll(re)) if (m.index >= 8 && !(asked && OWN_CLAUSE.test(m[0])) && !(subject && DASH.test(m[0]))) return m.index;
    return null;
  });
  const found = cuts.filter((c): c is number => c !== null);
  return found.length ? Math.min(...found) : null;
}

export interface TopicTitle extends Annotated {
  /** The words as written before shaping (for the audit trail). */
  readonly raw: string;
}

/**
 * Shape proposal text into a title; null when no title-like words remain. A tagged proposal's subject
 * (`subject`) is a title its writer chose: a dash in it joins two parts of the title ("Resource provider
 * - request group mapping", OpenStack's PTG topics 2019), where in a list line or a sentence it starts
 * the clause that explains the topic.
 */
export function topicTitle(raw: string, { subject = false }: { subject?: boolean } = {}): TopicTitle | null {
  const a = annotate(raw);
  // A list marker ("2. ", "- ") is no part of the topic, nor a sentence end to cut at.
  let t = a.title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-*•+·o]|\(?\d{1,2}[.)/]|\(?[a-zA-Z][.)])\s+/, '')
    // "Tuesday at 2pm US Central for the git discussion" (Open MPI 2014, the chair's webex slots): when, then what.
    .replace(SLOT_LEAD, '')
    // "(gerrit review) IPMI over DTLS": a note on what kind of item it is, before the topic; "(or
    // start to discuss) how we handle X": an aside on the request.
    .replace(/^\((?:[\w-]+\s?){1,3}\)\s+(?=\S)|^\((?:or|and|maybe|perhaps)\s[^()]{1,40}\)\s+(?=\S)/i, '')
    // "the 'fault tolerance' topic again if I can": the quoted name is the topic.
    .replace(/^(?:the|a|an|my|our)\s+['"“‘]([^'"”’]{3,60})['"”’]\s+(?:topic|item|discussion|session)\b.*$/i, '$1')
    // '"setting up a CTDB-cluster with GLusterFS" The tutorial-language will be english.' (sambaXP 2020):
    // a quoted name with the next sentence run on after it, its full stop lost.
    .replace(/^["“]([^"”]{3,120})["”]\s+(?:The|This|It|That|There|We|I|My|Our|They)\s.*$/u, '$1')
    // "I don't remember who mentioned "3 phase reset and KVM", maybe ...": the quoted words name it.
    .replace(
      /^(?:[^'"“‘]|(?<=\w)'(?=\w)){0,60}\b(?:mentioned|suggested|proposed|raised|brought\s+up)\s+['"“‘]([^'"”’]{3,80})['"”’].*$/i,
      '$1',
    );
  // "D66210 (Machine Outliner)", "<url> (better errors in MC layer)" (the LLVM RISC-V sync-up's agendas):
  // a patch or issue named by its number, its subject in parentheses.
  t = t.replace(PATCH_SUBJECT, '$1');
  // "D116677 and D11678 - improvements to branch target analysis" (the same sync-up, 2022): the numbers
  // name the patches, the words after the dash what they do.
  t = t.replace(PATCHES_THEN_WHAT, '');
  let presenter = a.presenter;
  t = t.replace(BY_NOBODY_YET, '');
  const courtesy = COURTESY_OF.exec(t);
  if (courtesy) {
    presenter ??= courtesy[1]!.trim();
    t = t.slice(0, courtesy.index).trim();
  }
  const person = TRAILING_PERSON.exec(t);
  if (person && person[1]!.length > 2 && !notAPresenter(person[1]!, t.slice(0, person.index))) {
    presenter ??= person[1]!.trim();
    t = t.slice(0, person.index).trim();
  }
  t = t.replace(STATUS, ' ').trim();
  t = withoutRequest(t);
  const cut = firstCut(t, subject);
  // "We need to decide how often to meet (last year had weekly meetings, which worked ..." (the XMPP Council,
  // 2009): a cut inside an aside leaves it open; the aside goes.
  if (cut !== null) t = t.slice(0, cut).replace(/\s*\([^()]*$/, '');
  t = withoutRemark(t);
  // "(e.g., folio_put() callback)": an example of the topic, not part of its name.
  t = t.replace(/\s*\((?:e\.\s?g\.|i\.\s?e\.|for\s+example|such\s+as)[^()]*(?:\([^()]*\)[^()]*)*\)(?=\s|$)/gi, '').trim();
  t = shorten(t);
  t = cleanTitle(t);
  // A title starts with a capital, as a chair prints it ("the audit log format" → "The audit log
  // format"), unless its first word is a name written in lower case on purpose ("ocaml-tls", ".reboots").
  if (/^\p{Ll}+(?:\s|$)/u.test(t)) t = t.charAt(0).toUpperCase() + t.slice(1);
  // "Whatever we find interesting on the day" (the VM/FS meetup's organiser, 2007), "anything that comes up":
  // whatever else, no topic.
  if (ANY_TOPIC.test(t)) return null;
  // Words, or a release named by its version ("2) 0.4.2.6" in I2P's weekly index, 2005).
  if (t.length < 2 || !(/\p{L}{2}/u.test(t) || /^v?\d+(?:\.\d+){2,3}$/.test(t))) return null;
  return { ...a, title: t, raw, ...(presenter !== undefined ? { presenter } : {}) };
}

const PREPOSITION = /^(?:for|with|in|on|of|to|from|by|at|about|between|into|like)$/i;

/** Keep at most MAX_WORDS words, cut at a comma or colon, else before the last preposition that leaves five words. */
function shorten(t: string): string {
  const words = t.split(' ');
  if (words.length <= MAX_WORDS) return t;
  const head = words.slice(0, MAX_WORDS);
  const text = head.join(' ');
  const comma = Math.max(text.lastIndexOf(', '), text.lastIndexOf(': '));
  if (comma >= 15) return text.slice(0, comma);
  // Cut inside a parenthesis ("RADOS progress module (better events in 'ceph -s' to show ..."):
  // the explanation goes, the name before it stays.
  const open = text.lastIndexOf(' (');
  if (open >= 8 && !text.slice(open).includes(')')) return text.slice(0, open);
  for (let k = head.length - 1; k >= 5; k--) if (PREPOSITION.test(head[k]!)) return head.slice(0, k).join(' ');
  return text;
}

/**
 * A conversational aside in parentheses after the topic, a clause of five words or more that
 * speaks of us or you or smiles ("direct-map-removal support (folio_free callback making our life
 * harder than it should :) )"): the writer's remark, not the topic's name. A subtitle stays
 * ("Hidden commits from next (aka why maintainers hoard them in backpack)"), as do short notes
 * ("(stage 2)").
 */
function withoutRemark(t: string): string {
  const open = t.indexOf(' (');
  if (open < 8 || !t.trimEnd().endsWith(')')) return t;
  const inside = t.slice(open + 2, t.trimEnd().length - 1);
  const clause = inside.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 5;
  const aside = /\b(?:we|our|us|i|my|you|your)\b|[:;]-?[()DP]/i.test(inside);
  return clause && aside ? t.slice(0, open).trim() : t;
}
