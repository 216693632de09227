import type { QueryNode } from '../search/ast.js';
import type { MessageHit } from '../search/run.js';
import { readPreviews } from '../search/preview.js';
import { makeSnippet, renderSnippet, snippetTerms } from '../search/snippet.js';
import type { Db } from '../store/db.js';
import type { CommandContext } from './context.js';
import { styles } from './output.js';
import { fit, shortDate } from './search.js';

/** Rows whose snippets are looked up together. */
const BATCH = 64;

/**
 * Text output of message hits: a line per message and a snippet under it, at most `limit`
 * (0 = all), streamed a batch at a time. Snippets come from the previews the index keeps
 * (search/preview.ts); a message stored before them falls back to its raw bytes.
 * Returns how many were shown and whether more matched.
 */
export async function printText(
  ctx: Pick<CommandContext, 'stdout'>,
  db: Db,
  hits: Iterable<MessageHit>,
  limit: number,
  ast: QueryNode,
  color: boolean,
): Promise<{ shown: number; more: boolean }> {
  const st = styles(color);
  const terms = snippetTerms(ast);
  let shown = 0;
  let batch: MessageHit[] = [];
  const flush = async (): Promise<void> => {
    const previews = readPreviews(
      db,
      batch.map((h) => h.id),
    );
    const missing = batch.filter((h) => !previews.has(h.id)).map((h) => h.id);
    if (missing.length) for (const [id, text] of await rawTexts(db, missing)) previews.set(id, text);
    let out = '';
    for (const h of batch) {
      const text = previews.get(h.id);
      const snippet = text ? renderSnippet(makeSnippet(text, terms), (t) => st.bold(st.yellow(t))) : '';
      out +=
        `${st.dim(shortDate(h.date))}  ${st.cyan(fit(h.fromName || h.fromAddr, 22))}  ${h.subject}  ` +
        `${st.dim(`id:${h.mid} thread:${h.threadId ?? '-'}`)}\n` +
        (snippet ? `    ${snippet}\n` : '');
    }
    ctx.stdout.write(out);
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

/** Body text from the raw bytes, for messages stored before previews were kept (migration 007). */
async function rawTexts(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  // Loaded only for such archives: this MIME walk is the slow path previews replace.
  const { iterateRaw } = await import('../store/raw-reader.js');
  const { bodyText } = await import('../mail/body-text.js');
  const out = new Map<number, string>();
  for (const { id, raw } of iterateRaw(db, ids)) out.set(id, bodyText(raw));
  return out;
}
