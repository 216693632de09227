import { ConveneError } from '../errors.js';
import { args, wantsJson, type Command } from './context.js';
import { THREAD } from './specs/archive.js';
import { styles } from './output.js';
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
    const st = styles(ctx.stdout.isTTY === true && !ctx.env.NO_COLOR && !json);
    const zone = userZone(ctx.env);

    if (values.flat) {
      const { readRaw } = await import('../store/raw-reader.js');
      const { bodyText } = await import('../mail/body-text.js');
      const body = (m: ThreadMessage): string => {
        const raw = readRaw(db, m.id);
        return raw ? bodyText(raw) : '';
      };
      if (json) {
        ctx.stdout.write(
          JSON.stringify({ threadId, messages: messages.map((m) => ({ ...messageJson(m), parent: m.parent, body: body(m) })) }) + '\n',
        );
        return 0;
      }
      for (const m of messages) {
        ctx.stdout.write(
          `${st.bold(`From: ${who(m)}`)}\nDate: ${m.date === null ? '(no date)' : labelIn(m.date, zone)}\n` +
            `Subject: ${m.subject}\nMessage-ID: <${m.headerMid ?? m.mid}>\n` +
            (m.parent ? `In-Reply-To: <${m.parent}>\n` : '') +
            `\n${body(m).replace(/\s+$/, '')}\n\n${'-'.repeat(72)}\n`,
        );
      }
      return 0;
    }

    const { buildThreadTree, flattenTree } = await import('../thread/tree.js');
    const roots = buildThreadTree(messages);
    if (json) {
      ctx.stdout.write(`{"threadId":${threadId},"messages":${treeJson(roots)}}\n`);
      return 0;
    }
    ctx.stdout.write(
      st.bold(`thread ${threadId}: ${messages.length} message${messages.length === 1 ? '' : 's'} (times in ${zone})`) + '\n',
    );
    for (const { node, depth } of flattenTree(roots)) {
      const indent = depth > MAX_INDENT ? '  '.repeat(MAX_INDENT) + `[${depth}] ` : '  '.repeat(depth);
      const m = node.message;
      ctx.stdout.write(
        m
          ? `${indent}${st.dim(shortDate(m.date, zone))}  ${st.cyan(who(m))}  ${m.subject}  ${st.dim(`<${m.headerMid ?? m.mid}>`)}\n`
          : `${indent}${st.dim(`(not in the archive) <${node.id}>`)}\n`,
      );
    }
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
