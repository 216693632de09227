/**
 * Reads src/ the way the architecture check needs it: the modules each file imports (static,
 * dynamic and `import('...')` types) and the SQL it holds (string literals that are statements,
 * and prepare/exec/pragma calls), with the tables each statement reads and writes. Uses the
 * TypeScript parser, so comments and regular expressions are never mistaken for either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

export interface SqlSite {
  readonly line: number;
  readonly text: string;
  readonly reads: readonly string[];
  readonly writes: readonly string[];
}

export interface ScannedFile {
  /** Path under src/, with forward slashes ("ingest/feed.ts"). */
  readonly path: string;
  readonly lines: number;
  readonly longLines: readonly number[];
  /** Imported files under src/ ("store/db.ts"), with the line of the import. */
  readonly imports: readonly { readonly target: string; readonly line: number }[];
  readonly sql: readonly SqlSite[];
}

const STATEMENT =
  /\b(?:SELECT\b[\s\S]*\bFROM\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+(?:OR\s+\w+\s+)?\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX)\b|ALTER\s+TABLE\b|DROP\s+(?:TABLE|INDEX)\b)|^\s*(?:BEGIN(?:\s+(?:IMMEDIATE|DEFERRED|EXCLUSIVE))?|COMMIT|ROLLBACK|PRAGMA\b[^:]*)\s*;?\s*$/;
const READ = /\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/g;
const WRITE =
  /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|DELETE\s+FROM|CREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX\s+\w+\s+ON)|ALTER\s+TABLE)\s+([a-z_][a-z0-9_]*)|\bUPDATE\s+(?:OR\s+\w+\s+)?([a-z_][a-z0-9_]*)\s+SET\b/g;
const CTE = /\b([a-z_]\w*)\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/g;
/** Methods that run SQL on a better-sqlite3 handle. */
const SQL_METHODS = new Set(['prepare', 'exec', 'pragma']);

/** True when a string holds an SQL statement (or a fragment of one with its verb). */
export function isSql(text: string): boolean {
  return STATEMENT.test(text);
}

/** The tables a statement reads and writes (CTE names left out). */
export function tablesOf(text: string): { reads: string[]; writes: string[] } {
  const local = new Set([...text.matchAll(CTE)].map((m) => m[1]!));
  const pick = (re: RegExp): string[] => [...new Set([...text.matchAll(re)].map((m) => (m[1] ?? m[2])!).filter((t) => !local.has(t)))];
  return { reads: pick(READ), writes: pick(WRITE) };
}

/** Scan one source text; `path` is relative to src/. */
export function scanText(path: string, text: string): ScannedFile {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const imports: { target: string; line: number }[] = [];
  const sql: SqlSite[] = [];
  const lineOf = (n: ts.Node): number => file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1;
  const addImport = (spec: string, node: ts.Node): void => {
    if (!spec.startsWith('.')) return;
    const target = posix.normalize(posix.join(posix.dirname(path), spec)).replace(/\.js$/, '.ts');
    imports.push({ target, line: lineOf(node) });
  };
  const addSql = (literal: string, node: ts.Node): void => {
    sql.push({ line: lineOf(node), text: literal.replace(/\s+/g, ' ').trim().slice(0, 120), ...tablesOf(literal) });
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      addImport(node.moduleSpecifier.text, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      addImport(node.argument.literal.text, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) addImport(arg.text, node);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isSql(node.text)) addSql(node.text, node);
    } else if (ts.isTemplateExpression(node)) {
      const whole = node.head.text + node.templateSpans.map((s) => ` ? ${s.literal.text}`).join('');
      if (isSql(whole)) addSql(whole, node);
      // Spans may hold further strings; the literal parts are covered by the joined text.
      for (const s of node.templateSpans) visit(s.expression);
      return;
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const arg = node.arguments[0];
      const stringy =
        arg && (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg) || (ts.isIdentifier(arg) && /sql/i.test(arg.text)));
      if (SQL_METHODS.has(name) && stringy && !(name === 'exec' && ts.isRegularExpressionLiteral(node.expression.expression))) {
        // Caught by the literal rule when the SQL is written inline; this catches `db.prepare(sql)`.
        if (ts.isIdentifier(arg)) addSql(`${name}(${arg.text})`, node);
        else if (ts.isStringLiteralLike(arg) && !isSql(arg.text)) addSql(`${name}('${arg.text}')`, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const longLines = lines.flatMap((l, i) => (l.length > 140 ? [i + 1] : []));
  return { path, lines: lines.length, longLines, imports, sql };
}

/** Every .ts file under `srcDir`, scanned. */
export function scanTree(srcDir: string): ScannedFile[] {
  const out: ScannedFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(scanText(relative(srcDir, p).split(sep).join('/'), readFileSync(p, 'utf8')));
    }
  };
  walk(srcDir);
  return out;
}

/** The folder a src path belongs to: its first directory, or the file itself at the top ("errors.ts"). */
export function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}

export { dirname };
