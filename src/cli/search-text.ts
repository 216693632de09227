import type { QueryNode } from '../search/ast.js';
import type { MessageHit } from '../search/run.js';
import { readPreviews } from '../search/preview.js';
import { makeSnippet, renderSnippet, snippetTerms, type Snippet } from '../search/snippet.js';
import type { Db } from '../store/db.js';
import type { CommandContext } from './context.js';
import { styles, type Printer } from './output.js';
import { shortDate } from './search.js';
import { fit, safeText } from './terminal-text.js';
import { userZone } from './when.js';

/** Rows whose snippets are looked up together (and printed together: about one 16 KB chunk). */
const BATCH = 64;

interface Row {
  readonly hit: MessageHit;
  readonly snippet: Snippet | null;
}

/**
 * Text output of message hits: a line per message and a snippet under it, at most `limit`
 * (0 = all), streamed a batch at a time. Snippets come from the previews the index keeps
 * (search/preview.ts); a message stored before them falls back to its raw bytes. Each row goes
 * through the printer as a record (hit and snippet), so the formatter only sees text made safe
 * for the terminal; the snippet's marks are offsets that stay valid (terminal-text.ts replaces
 * one unit for one). Returns how many were shown and whether more matched.
 */
export async function printText(
  ctx: Pick<CommandContext, 'db' | 'stderr' | 'env'>,
  printer: Printer,
  hits: Iterable<MessageHit>,
  limit: number,
  ast: QueryNode,
): Promise<{ shown: number; more: boolean }> {
  const st = styles(printer.color);
  const zone = userZone(ctx.env);
  const terms = snippetTerms(ast);
  const db = ctx.db();
  const format = ({ hit: h, snippet }: Row): string => {
    const shown = snippet ? renderSnippet(snippet, (t) => st.bold(st.yellow(t))) : '';
    return (
      `${st.dim(shortDate(h.date, zone))}  ${st.cyan(fit(h.fromName || h.fromAddr, 22))}  ${h.subject}  ` +
      `${st.dim(`id:${h.mid} thread:${h.threadId ?? '-'}`)}` +
      (shown ? `\n    ${shown}` : '')
    );
  };
  let shown = 0;
  let batch: MessageHit[] = [];
  const flush = async (): Promise<void> => {
    const previews = readPreviews(
      db,
      batch.map((h) => h.id),
    );
    const missing = batch.filter((h) => !previews.has(h.id)).map((h) => h.id);
    if (missing.length) for (const [id, text] of await rawTexts(ctx, db, missing)) previews.set(id, text);
    printer.records(
      batch.map((hit): Row => {
        const text = previews.get(hit.id);
        return { hit, snippet: text ? makeSnippet(text, terms) : null };
      }),
      format,
    );
    batch = [];
  };
  let more = false;
  for (const h of hits) {
    if (limit > 0 && shown === limit) {
      more = true;
      break;
    }
    batch.push(h);
    shown++;
    if (batch.length === BATCH) await flush();
  }
  if (batch.length) await flush();
  return { shown, more };
}

/** Body text from the raw bytes, for messages stored before previews were kept (migration 012). */
async function rawTexts(ctx: Pick<CommandContext, 'stderr'>, db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  // Loaded only for such archives: this MIME walk is the slow path previews replace.
  const { iterateRaw } = await import('../store/raw-reader.js');
  const { bodyText } = await import('../mail/body-text.js');
  const out = new Map<number, string>();
  // A corrupt message is still listed (its header row is sound), without a snippet.
  const corrupt = (err: Error): void => void ctx.stderr.write(`convene: ${safeText(err.message, false)}\n`);
  for (const { id, raw } of iterateRaw(db, ids, corrupt)) out.set(id, bodyText(raw));
  return out;
}
