/**
 * The rules docs/ARCHITECTURE.md states, read from its two tables, and the checks that hold
 * scanned files (scan.ts) to them. Pure: the tests feed it the real tree and made-up ones.
 */
import { folderOf, type ScannedFile } from './scan.js';

export interface Architecture {
  /** Folder → the folders it may import ("agenda", "errors.ts"). */
  readonly allowed: ReadonlyMap<string, ReadonlySet<string>>;
  /** File → further folders that file alone may import ("cli/daemon.ts" → daemon). */
  readonly exceptions: ReadonlyMap<string, ReadonlySet<string>>;
  /** Table → its writer and readers (src paths). */
  readonly owners: ReadonlyMap<string, { readonly writer: string; readonly readers: ReadonlySet<string> }>;
  /** Files and folder prefixes that may hold any SQL (schema, pragmas, transactions). */
  readonly schema: readonly string[];
}

const ticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const folder = (name: string): string => name.replace(/\/$/, '');

/** The rows of the markdown table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start === -1) throw new Error(`docs/ARCHITECTURE.md: no section "${heading}"`);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1));
  }
  return rows;
}

/** Read the folder table and the owners table of docs/ARCHITECTURE.md. */
export function parseArchitecture(markdown: string): Architecture {
  const allowed = new Map<string, Set<string>>();
  const exceptions = new Map<string, Set<string>>();
  for (const [name = '', , imports = ''] of tableAfter(markdown, '## Folders and what each may import')) {
    const [plain = '', ...special] = imports.split(';');
    allowed.set(folder(ticked(name)[0]!), new Set(ticked(plain).map(folder)));
    for (const clause of special) {
      const m = /`([^`]+)` from `([^`]+)` only/.exec(clause);
      if (!m) throw new Error(`docs/ARCHITECTURE.md: cannot read "${clause.trim()}"`);
      const set = exceptions.get(m[2]!) ?? new Set<string>();
      exceptions.set(m[2]!, set.add(folder(m[1]!)));
    }
  }
  const owners = new Map<string, { writer: string; readers: Set<string> }>();
  for (const [table = '', writer = '', readers = ''] of tableAfter(markdown, '## Tables and their owners')) {
    owners.set(ticked(table)[0]!, { writer: ticked(writer)[0]!, readers: new Set(ticked(readers)) });
  }
  const schema = ticked(/^Schema modules[^:]*:(.*)$/m.exec(markdown)?.[1] ?? '');
  return { allowed, exceptions, owners, schema };
}

/** Every import from one folder into another that the table does not allow. */
export function importViolations(files: readonly ScannedFile[], arch: Architecture): string[] {
  const out: string[] = [];
  for (const f of files) {
    const from = folderOf(f.path);
    const allowed = arch.allowed.get(from);
    if (!allowed) {
      out.push(`${f.path}: folder ${from} is not in the table of docs/ARCHITECTURE.md`);
      continue;
    }
    for (const i of f.imports) {
      const to = folderOf(i.target);
      if (to === from || allowed.has(to) || arch.exceptions.get(f.path)?.has(to)) continue;
      out.push(`${f.path}:${i.line}: ${from} may not import ${to} (${i.target})`);
    }
  }
  return out;
}

/** Cycles among folders, as "a -> b -> a", from the imports as they are. */
export function folderCycles(files: readonly ScannedFile[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const f of files) {
    for (const i of f.imports) {
      const [a, b] = [folderOf(f.path), folderOf(i.target)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  const cycles = new Set<string>();
  // Iterative depth-first search from every folder; a back edge to the path closes a cycle.
  for (const start of edges.keys()) {
    const stack: { node: string; path: string[] }[] = [{ node: start, path: [start] }];
    while (stack.length) {
      const { node, path } = stack.pop()!;
      for (const next of edges.get(node) ?? []) {
        if (next === start) cycles.add(canonical([...path, start]));
        else if (!path.includes(next)) stack.push({ node: next, path: [...path, next] });
      }
    }
  }
  return [...cycles].sort();
}

/** A cycle written from its smallest folder, so each is reported once. */
function canonical(cycle: string[]): string {
  const ring = cycle.slice(0, -1);
  const at = ring.indexOf([...ring].sort()[0]!);
  const turned = [...ring.slice(at), ...ring.slice(0, at)];
  return [...turned, turned[0]].join(' -> ');
}

/** SQL in a file that is not an owner of the tables it names (or not an owner at all). */
export function sqlViolations(files: readonly ScannedFile[], arch: Architecture): string[] {
  const out: string[] = [];
  const isSchema = (path: string): boolean => arch.schema.some((s) => path === s || (s.endsWith('/') && path.startsWith(s)));
  const roles = new Set([...arch.owners.values()].flatMap((o) => [o.writer, ...o.readers]));
  for (const f of files) {
    if (!f.sql.length || isSchema(f.path)) continue;
    if (!roles.has(f.path)) {
      out.push(`${f.path}:${f.sql[0]!.line}: SQL outside the owner modules: ${f.sql[0]!.text}`);
      continue;
    }
    for (const s of f.sql) {
      for (const t of s.writes) {
        const owner = arch.owners.get(t);
        if (owner?.writer !== f.path) out.push(`${f.path}:${s.line}: writes ${t}, owned by ${owner?.writer ?? '(no owner)'}`);
      }
      for (const t of s.reads) {
        const owner = arch.owners.get(t);
        if (owner?.writer !== f.path && !owner?.readers.has(f.path)) out.push(`${f.path}:${s.line}: reads ${t}, not one of its readers`);
      }
    }
  }
  return out;
}

/** Files over `maxLines` lines and lines over `maxWidth` characters; and the median file length. */
export function sizeReport(files: readonly ScannedFile[], maxLines = 300, maxWidth = 140): { violations: string[]; median: number } {
  const violations = [
    ...files.filter((f) => f.lines > maxLines).map((f) => `${f.path}: ${f.lines} lines (at most ${maxLines})`),
    ...files.flatMap((f) => f.longLines.map((n) => `${f.path}:${n}: over ${maxWidth} characters`)),
  ];
  const lengths = files.map((f) => f.lines).sort((a, b) => a - b);
  const mid = lengths.length >> 1;
  const median = lengths.length % 2 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2;
  return { violations, median };
}
