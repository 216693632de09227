import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DigestTemplates } from '../config/digest.js';
import { ConveneError } from '../errors.js';
import { inlineCss } from './inline-css.js';
import { escapeHtml, renderTemplate, TemplateError } from './template.js';

export type TemplateName =
  | 'digest.txt'
  | 'digest.html'
  | 'call-for-items.txt'
  | 'chair-copy.txt'
  | 'chair-reminder.txt'
  | 'cancel-proposal.txt'
  | 'review-confirmation.txt'
  | 'cancellation.txt'
  | 'notes.md';

const OVERRIDE_KEY: Record<TemplateName, keyof DigestTemplates> = {
  'digest.txt': 'text',
  'digest.html': 'html',
  'call-for-items.txt': 'callForItems',
  'chair-reminder.txt': 'chairReminder',
  'cancel-proposal.txt': 'cancelProposal',
  'review-confirmation.txt': 'reviewConfirmation',
  'cancellation.txt': 'cancellation',
  'chair-copy.txt': 'chairCopy',
  'notes.md': 'notes',
};

let bundledDir: string | undefined;

/** The bundled templates/ folder: found upwards from this file (src/ under vitest, dist/src/ when built). */
export function templatesDir(): string {
  if (bundledDir) return bundledDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'templates', 'digest.txt'))) return (bundledDir = join(dir, 'templates'));
    dir = dirname(dir);
  }
  throw new ConveneError('INTERNAL', 'cannot find the bundled templates/ folder');
}

/** The template's text: the configured override (a path) if any, else the bundled one. */
export function loadTemplate(name: TemplateName, overrides: DigestTemplates = {}): { text: string; source: string } {
  const custom = overrides[OVERRIDE_KEY[name]];
  const path = custom ? resolve(custom) : join(templatesDir(), name);
  try {
    return { text: readFileSync(path, 'utf8'), source: path };
  } catch (err) {
    throw new ConveneError(
      'CONFIG',
      `config: digest.templates.${OVERRIDE_KEY[name]}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/** Render a plain-text (or Markdown) template: values as they are. */
export function renderText(name: TemplateName, model: unknown, overrides?: DigestTemplates): string {
  const { text, source } = loadTemplate(name, overrides);
  return wrap(() => renderTemplate(text, model, (s) => s, source)).replace(/\n{3,}/g, '\n\n');
}

/** Render an HTML template: every value HTML-escaped, then the CSS inlined. */
export function renderHtml(name: TemplateName, model: unknown, overrides?: DigestTemplates): string {
  const { text, source } = loadTemplate(name, overrides);
  return wrap(() => inlineCss(renderTemplate(text, model, escapeHtml, source), source));
}

function wrap(fn: () => string): string {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TemplateError) throw new ConveneError('CONFIG', err.message);
    throw err;
  }
}
