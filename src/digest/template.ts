/**
 * A tiny logic-less template language, enough for templates/*: `{{path}}` (escaped in HTML mode),
 * `{{#each list}}..{{/each}}` (with `{{this}}`, `{{@number}}` 1-based, `{{@first}}`, `{{@last}}`),
 * `{{#if path}}..{{else}}..{{/if}}`, `{{#unless path}}..{{/unless}}` and `{{! comment }}`.
 * A block tag alone on its line takes the whole line with it (the mustache "standalone" rule), so
 * text templates read naturally. Values are looked up in the innermost scope first, then outwards.
 * There is deliberately no raw-output syntax: a template cannot turn escaping off.
 */

type Node =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'var'; readonly path: string }
  | { readonly t: 'block'; readonly kind: 'each' | 'if' | 'unless'; readonly path: string; readonly body: Node[]; readonly alt: Node[] };

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type Escape = (s: string) => string;

/** Escape for HTML text and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const TAG = /\{\{\s*([#/!]?)\s*([^}]*?)\s*\}\}/g;

/** Parse a template (iteratively, with an explicit stack of open blocks). */
export function parseTemplate(src: string, name = 'template'): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { t: 'block' }>; inAlt: boolean }[] = [];
  const out = (): Node[] => {
    const top = stack.at(-1);
    return top ? (top.inAlt ? top.node.alt : top.node.body) : root;
  };
  let last = 0;
  for (const m of src.matchAll(TAG)) {
    const [whole, sigil = '', body = ''] = m;
    let start = m.index;
    let end = start + whole.length;
    const isBlockTag = sigil === '#' || sigil === '/' || sigil === '!' || body === 'else';
    if (isBlockTag) {
      // Standalone: only whitespace between the previous newline and the tag, and after it to the next.
      const lineStart = src.lastIndexOf('\n', start - 1) + 1;
      const nl = src.indexOf('\n', end);
      const lineEnd = nl === -1 ? src.length : nl + 1;
      if (lineStart >= last && /^[ \t]*$/.test(src.slice(lineStart, start)) && /^[ \t]*\r?\n?$/.test(src.slice(end, lineEnd))) {
        start = lineStart;
        end = lineEnd;
      }
    }
    if (start > last) out().push({ t: 'text', v: src.slice(last, start) });
    last = end;
    if (sigil === '!') continue;
    if (sigil === '#') {
      const [word = '', path = ''] = body.split(/\s+/, 2);
      if (word !== 'each' && word !== 'if' && word !== 'unless') throw new TemplateError(`${name}: unknown block {{#${word}}}`);
      const kind: 'each' | 'if' | 'unless' = word;
      if (!path) throw new TemplateError(`${name}: {{#${kind}}} needs a name`);
      const node = { t: 'block' as const, kind, path, body: [] as Node[], alt: [] as Node[] };
      out().push(node);
      stack.push({ node, inAlt: false });
    } else if (sigil === '/') {
      const top = stack.pop();
      if (!top || top.node.kind !== body) throw new TemplateError(`${name}: {{/${body}}} does not close an open block`);
    } else if (body === 'else') {
      const top = stack.at(-1);
      if (!top || top.inAlt) throw new TemplateError(`${name}: {{else}} outside a block`);
      top.inAlt = true;
    } else {
      if (!/^(@?[\w.]+|this)$/.test(body)) throw new TemplateError(`${name}: bad tag {{${body}}}`);
      out().push({ t: 'var', path: body });
    }
  }
  if (stack.length) throw new TemplateError(`${name}: {{#${stack.at(-1)!.node.kind}}} is never closed`);
  if (last < src.length) root.push({ t: 'text', v: src.slice(last) });
  return root;
}

/** Render a template against a model. `escape` is applied to every value (identity for text). */
export function renderTemplate(src: string, model: unknown, escape: Escape, name = 'template'): string {
  return renderNodes(parseTemplate(src, name), [model], escape, 0);
}

function renderNodes(nodes: readonly Node[], scopes: readonly unknown[], escape: Escape, depth: number): string {
  if (depth > 32) throw new TemplateError('template: blocks nested too deeply');
  let s = '';
  for (const n of nodes) {
    if (n.t === 'text') s += n.v;
    else if (n.t === 'var') s += escape(display(lookup(scopes, n.path)));
    else {
      const v = lookup(scopes, n.path);
      if (n.kind === 'each') {
        const list = Array.isArray(v) ? v : [];
        if (list.length === 0) s += renderNodes(n.alt, scopes, escape, depth + 1);
        list.forEach((item, i) => {
          const meta = { '@index': i, '@number': i + 1, '@first': i === 0, '@last': i === list.length - 1 };
          s += renderNodes(n.body, [...scopes, meta, item], escape, depth + 1);
        });
      } else {
        const on = truthy(v) === (n.kind === 'if');
        s += renderNodes(on ? n.body : n.alt, scopes, escape, depth + 1);
      }
    }
  }
  return s;
}

function lookup(scopes: readonly unknown[], path: string): unknown {
  if (path === 'this') return scopes.at(-1);
  const [head = '', ...rest] = path.split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (scope !== null && typeof scope === 'object' && Object.prototype.hasOwnProperty.call(scope, head)) {
      let v: unknown = (scope as Record<string, unknown>)[head];
      for (const k of rest) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
      return v;
    }
  }
  return undefined;
}

function truthy(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : Boolean(v);
}

function display(v: unknown): string {
  if (v === undefined || v === null || v === false) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new TemplateError('template: a tag names a list or object, not a value');
}
