/**
 * Text from mail made safe for a terminal (issue 13, item 3; repro 03). List mail carried ESC
 * sequences into the chair's terminal: OSC 52 (writes the clipboard), OSC 0 (the window title),
 * CSI erase + CR (a line shows another title than the one accepted). Every control character is
 * shown visibly instead, one UTF-16 unit for one (so offsets into the text, such as a snippet's
 * marks, stay right):
 * - C0 controls (ESC, BEL, CR, ...) become their Control Pictures, U+2400 + code (ESC → ␛, CR → ␍),
 *   and DEL becomes ␡ (U+2421). Tab stays; line feed stays in multi-line text only.
 * - C1 controls (U+0080-U+009F; U+009B is a one-byte CSI to some terminals), the bidirectional
 *   overrides and isolates that reorder what is shown (CVE-2021-42574, "Trojan Source"), line and
 *   paragraph separators, and lone surrogates (half of a pair cut apart) become U+FFFD.
 */

const PICTURE_BASE = 0x2400;
const DEL_PICTURE = '\u2421';
const REPLACEMENT = '\ufffd';

// One class for everything replaced; \n is handled by the `multiline` flag.
const CONTROLS = String.raw`\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
const LONE_SURROGATE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const UNSAFE = new RegExp(`[${CONTROLS}]|${LONE_SURROGATE}`, 'g');

function visible(c: string, keepNewline: boolean): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return keepNewline ? c : String.fromCharCode(PICTURE_BASE + code);
  if (code < 0x20) return String.fromCharCode(PICTURE_BASE + code);
  if (code === 0x7f) return DEL_PICTURE;
  return REPLACEMENT;
}

/**
 * `s` with every control character shown visibly (see above). `multiline`: line feeds are kept
 * (a message body); otherwise they are shown as ␊ too (a field printed on one line, where a line
 * feed would fake a row of output).
 */
export function safeText(s: string, multiline = true): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, (c) => visible(c, multiline)) : s;
}

/** Values nest no deeper than this in what commands print (rows, documents); deeper is a bug. */
const MAX_NESTING = 32;

/**
 * A copy of a record or document with every string in it passed through safeText: what the
 * printer hands to a command's text formatter, so the formatter never sees raw mail text.
 */
export function safeDeep<T>(value: T, multiline = true, depth = 0): T {
  if (typeof value === 'string') return safeText(value, multiline) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_NESTING) throw new Error('internal: output nested too deeply to make safe');
  if (Array.isArray(value)) return value.map((v: unknown) => safeDeep(v, multiline, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // Dates, Buffers: not text
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = safeDeep(v, multiline, depth + 1);
  return out as T;
}

/** Our own SGR styles (output.ts `styles`): the only escape sequences the printer lets through. */
const OWN_STYLE = /\x1b\[(?:0|1|2|31|32|33|36)m/y;

/**
 * The last line of defence, over the whole text a command prints: control characters made
 * visible as safeText does, except (with `styled`) the printer's own colour sequences.
 */
export function screenText(s: string, styled: boolean): string {
  if (!styled) return safeText(s, true);
  let out = '';
  let at = 0;
  for (let i = s.indexOf('\x1b'); i !== -1; i = s.indexOf('\x1b', i + 1)) {
    OWN_STYLE.lastIndex = i;
    const m = OWN_STYLE.exec(s);
    if (!m) continue;
    out += safeText(s.slice(at, i), true) + m[0];
    at = i + m[0].length;
    i = at - 1;
  }
  return out + safeText(s.slice(at), true);
}

/**
 * `s` cut or padded to `width` characters (code points, so a surrogate pair is never cut in
 * two), with … where it was cut.
 */
export function fit(s: string, width: number): string {
  const chars = [...s];
  if (chars.length > width) return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
  return s + ' '.repeat(width - chars.length);
}

// JSON.stringify escapes C0 controls and lone surrogates but passes C1 controls, DEL, the
// bidirectional controls and U+2028/2029 through as they are; \u escapes keep the data intact.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the characters a terminal may act on written as \u escapes (same data). */
export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
