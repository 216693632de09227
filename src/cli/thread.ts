import { ConveneError } from '../errors.js';
import { args, wantsJson, type Command } from './context.js';
import { THREAD } from './specs/archive.js';
import { makePrinter, styles } from './output.js';
import { safeJson, safeText } from './terminal-text.js';
import { shortDate } from './search.js';
import { labelIn, userZone } from './when.js';
import type { ThreadMessage } from '../thread/reader.js';
import type { TreeNode } from '../thread/tree.js';

/** Deeper levels are drawn at this indent with their depth written out, to keep lines readable. */
const MAX_INDENT = 30;

export const command: Command = {
  async run(ctx) {
    const { values, positionals } = args(ctx, THREAD);
    const ref = positionals[0]!;
    const json = wantsJson(ctx, values);
    const { loadThread, resolveThreadId } = await import('../thread/reader.js');
    const db = ctx.db();
    const threadId = resolveThreadId(db, ref);
    if (threadId === null) throw new ConveneError('NOT_FOUND', `no thread or message "${ref}" in the archive`);
    const messages = loadThread(db, threadId);
    const printer = makePrinter(ctx.stdout, json ? 'json' : 'text', ctx.env);
    const st = styles(printer.color);
    const zone = userZone(ctx.env);

    if (values.flat) {
      const { CorruptMessage, readRaw } = await import('../store/raw-reader.js');
      const { bodyText } = await import('../mail/body-text.js');
      const body = (m: ThreadMessage): string => {
        try {
          const raw = readRaw(db, m.id);
          return raw ? bodyText(raw) : '';
        } catch (err) {
          if (!(err instanceof CorruptMessage)) throw err;
          ctx.stderr.write(`convene: ${safeText(err.message, false)}\n`);
          return '[not shown: the stored bytes are corrupt]';
        }
      };
      if (json) {
        ctx.stdout.write(
          safeJson(JSON.stringify({ threadId, messages: messages.map((m) => ({ ...messageJson(m), parent: m.parent, body: body(m) })) })) +
            '\n',
        );
        return 0;
      }
      // Each message is one document for the printer, which makes its text safe for the terminal.
      for (const m of messages) {
        printer.object(
          { ...m, who: who(m), body: body(m) },
          (d) =>
            `${st.bold(`From: ${d.who}`)}\nDate: ${d.date === null ? '(no date)' : labelIn(d.date, zone)}\n` +
            `Subject: ${d.subject}\nMessage-ID: <${d.headerMid ?? d.mid}>\n` +
            (d.parent ? `In-Reply-To: <${d.parent}>\n` : '') +
            `\n${d.body.replace(/\s+$/, '')}\n\n${'-'.repeat(72)}`,
        );
      }
      return 0;
    }

    const { buildThreadTree, flattenTree } = await import('../thread/tree.js');
    const roots = buildThreadTree(messages);
    if (json) {
      ctx.stdout.write(`{"threadId":${threadId},"messages":${safeJson(treeJson(roots))}}\n`);
      return 0;
    }
    printer.write(st.bold(`thread ${threadId}: ${messages.length} message${messages.length === 1 ? '' : 's'} (times in ${zone})`) + '\n');
    const rows = flattenTree(roots).map(({ node, depth }) => ({
      depth,
      id: node.id,
      message: node.message ? { ...node.message, who: who(node.message) } : null,
    }));
    printer.records(rows, ({ depth, id, message: m }) => {
      const indent = depth > MAX_INDENT ? '  '.repeat(MAX_INDENT) + `[${depth}] ` : '  '.repeat(depth);
      return m
        ? `${indent}${st.dim(shortDate(m.date, zone))}  ${st.cyan(m.who)}  ${m.subject}  ${st.dim(`<${m.headerMid ?? m.mid}>`)}`
        : `${indent}${st.dim(`(not in the archive) <${id}>`)}`;
    });
    return 0;
  },
};

function who(m: ThreadMessage): string {
  return m.fromName ? `${m.fromName} <${m.fromAddr}>` : m.fromAddr || '(unknown)';
}

function messageJson(m: ThreadMessage) {
  return {
    messageId: m.headerMid ?? m.mid,
    ...(m.headerMid !== m.mid ? { storedId: m.mid } : {}),
    date: m.date === null ? null : new Date(m.date).toISOString(),
    from: { name: m.fromName, address: m.fromAddr },
    subject: m.subject,
  };
}

/**
 * Nested JSON for the tree, written iteratively: JSON.stringify recurses natively and a
 * long reply chain could exhaust the stack.
 */
export function treeJson(roots: readonly TreeNode<ThreadMessage>[]): string {
  const parts: string[] = ['['];
  type Step = { node: TreeNode<ThreadMessage>; first: boolean } | string;
  const stack: Step[] = [']'];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, first: i === 0 });
  while (stack.length) {
    const step = stack.pop()!;
    if (typeof step === 'string') {
      parts.push(step);
      continue;
    }
    const { node, first } = step;
    const head = node.message ? messageJson(node.message) : { messageId: node.id, ghost: true };
    parts.push(`${first ? '' : ','}${JSON.stringify(head).slice(0, -1)},"children":[`);
    stack.push(']}');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, first: i === 0 });
  }
  return parts.join('');
}
