/**
 * Split a plain-text body into the author's own text and quoted reply lines, and drop the
 * signature (RFC 3676 section 4.3 "-- " separator) and the usual attribution line.
 */
export interface SplitBody {
  readonly own: string;
  readonly quoted: string;
  /** The author wrote between quoted passages (an inline reply): own text with a quote before and after it. */
  readonly inline?: boolean;
}

const QUOTE = /^\s{0,3}(?:>|\|)/;
// Supercite's citation (Emacs Gnus): "    GK> I think Dr.Sriram is the right person", "prabhu> ..." (ILUGC 2002).
const SUPERCITE = /^\s{0,4}[A-Za-z][\w.-]{0,11}>(?=\s|$)/;
const isQuote = (line: string): boolean => QUOTE.test(line) || SUPERCITE.test(line);
/** A quoted line without its citation marks. */
const unquoted = (line: string): string =>
  SUPERCITE.test(line) ? line.replace(SUPERCITE, '').replace(/^\s/, '') : line.replace(/^\s{0,3}(?:[>|]\s?)+/, '');
// Mail clients write it in the sender's language: "Le vendredi 06 mai 2022 à 15:20 +0200, Hans a écrit :" (Evolution).
// Gmail in some locales writes only the date and the name: "2016-03-02 2:01 GMT+01:00 Larry Hastings
// <larry at hastings.org>:" (python-committers 2016); it counts only above a quote, as the others do.
const ATTRIBUTION = new RegExp(
  '^(?:(?:On|Le|Am|El|Il|Op|Em) .{0,200}(?:wrote|writes|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)|' +
    '.{0,120}(?:wrote|writes):\\s*$|-{2,}\\s*Original Message\\s*-{2,}|\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}\\b.{0,160}:\\s*$)',
  'i',
);
// Outlook for Mac quotes the original indented by four spaces under 'On 05/09/2019, 09:33, "Name"
// <addr> wrote:', nested quotes keeping their ">" (xen-devel 2019): the reply follows at the margin.
const OUTLOOK_INDENT = /^ {4}/;
// "[..]", "[...]", "<snip>": the writer cut part of the quote; no words of their own.
const SNIP = /^\s*(?:\[\s*(?:\.{2,}|…|snip(?:ped)?)\s*\]|<\s*snip(?:ped)?\s*>)\s*$/i;

/**
 * `answers`: the message answers another (In-Reply-To or References). A message that answers nothing
 * has nothing to quote line by line: a lone ">" line, the author's text the nearest above and below it,
 * is a marker ("> Talk 1: R (Lighting Talk)" over "Speaker : Bharathi S", ILUGC 2010, the meet's agenda;
 * "> Other Discussions:" a blank line above "* Software Freedom Day", ILUGC 2007).
 */
export function splitQuotes(text: string, answers = true): SplitBody {
  const own: string[] = [];
  const quoted: string[] = [];
  const lines = text.split(/\r?\n/);
  let indented = false; // inside a quote Outlook for Mac indents by four spaces
  // The order of own ('o') and quoted ('q') passages, blank lines ignored: "qoqo" is an inline reply.
  const passages: string[] = [];
  const mark = (kind: string, line: string): void => {
    if (line.trim() !== '' && passages.at(-1) !== kind) passages.push(kind);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '-- ' || line === '--') break; // signature: everything after is not content
    if (indented && (line.trim() === '' || OUTLOOK_INDENT.test(line))) {
      mark('q', line);
      quoted.push(unquoted(line.slice(4)).trimEnd());
      continue;
    }
    indented = false;
    if (ATTRIBUTION.test(line.replace(/^\ufeff/, '').trim()) && OUTLOOK_INDENT.test(nextNonEmpty(lines, i + 1))) {
      indented = true;
      continue;
    }
    // Under "X wrote:" a single quoted line is a quote all the same.
    const above = previousNonEmpty(lines, i - 1);
    const marker =
      !answers && QUOTE.test(line) && !isQuote(above) && !ATTRIBUTION.test(above.trim()) && !isQuote(nextNonEmpty(lines, i + 1));
    if (isQuote(line) && !marker) {
      mark('q', unquoted(line));
      quoted.push(unquoted(line));
      continue;
    }
    if (SNIP.test(line)) continue;
    if (ATTRIBUTION.test(line.trim()) && isQuote(nextNonEmpty(lines, i + 1))) continue;
    mark('o', line);
    own.push(line);
  }
  const inline = /q+o+q/.test(passages.join(''));
  return { own: own.join('\n').trim(), quoted: quoted.join('\n').trim(), ...(inline ? { inline } : {}) };
}

function previousNonEmpty(lines: readonly string[], from: number): string {
  for (let i = from; i >= 0 && i > from - 3; i--) if ((lines[i] ?? '').trim() !== '') return lines[i]!;
  return '';
}

function nextNonEmpty(lines: readonly string[], from: number): string {
  for (let i = from; i < lines.length && i < from + 3; i++) {
    const l = lines[i] ?? '';
    if (l.trim() !== '' && !SNIP.test(l)) return l;
  }
  return '';
}
