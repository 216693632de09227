import { describe, expect, it } from 'vitest';
import { inlineCss } from '../../src/digest/inline-css.js';
import { escapeHtml, renderTemplate, TemplateError } from '../../src/digest/template.js';

const text = (t: string, m: unknown): string => renderTemplate(t, m, (s) => s);
const html = (t: string, m: unknown): string => renderTemplate(t, m, escapeHtml);

describe('template', () => {
  it('substitutes values and nested paths', () => {
    expect(text('Hi {{name}}, {{a.b}}!', { name: 'Amir', a: { b: 2 } })).toBe('Hi Amir, 2!');
  });

  it('escapes every value in HTML mode, attributes included', () => {
    const out = html('<a href="{{url}}">{{title}}</a>', { url: 'x" onclick="evil()', title: '<script>alert(1)</script>' });
    expect(out).toBe('<a href="x&quot; onclick=&quot;evil()">&lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(out).not.toContain('<script>');
  });

  it('has no syntax that turns escaping off', () => {
    expect(() => html('{{{raw}}}', { raw: '<b>' })).toThrow(TemplateError);
    expect(() => html('{{& raw}}', { raw: '<b>' })).toThrow(TemplateError);
  });

  it('loops with @number and outer scope lookups, and removes standalone block lines', () => {
    const t = 'Agenda for {{day}}\n{{#each items}}\n{{@number}}. {{title}} ({{day}})\n{{/each}}\nend\n';
    expect(text(t, { day: 'Wed', items: [{ title: 'A' }, { title: 'B' }] })).toBe('Agenda for Wed\n1. A (Wed)\n2. B (Wed)\nend\n');
  });

  it('renders else branches for empty lists and false conditions', () => {
    expect(text('{{#each xs}}x{{else}}none{{/each}}', { xs: [] })).toBe('none');
    expect(text('{{#if a}}yes{{else}}no{{/if}}|{{#unless a}}U{{/unless}}', { a: false })).toBe('no|U');
    expect(text('{{#if xs}}some{{/if}}', { xs: [] })).toBe('');
  });

  it('reports unbalanced blocks', () => {
    expect(() => text('{{#each xs}}', {})).toThrow(/never closed/);
    expect(() => text('{{/if}}', {})).toThrow(/does not close/);
    expect(() => text('{{#each xs}}{{/if}}', {})).toThrow(/does not close/);
  });

  it('refuses to print an object', () => {
    expect(() => text('{{a}}', { a: { b: 1 } })).toThrow(TemplateError);
  });
});

describe('CSS inlining', () => {
  it('inlines tag, .class and tag.class rules, an element’s own style last', () => {
    const out = inlineCss(
      '<style>p { color: red; } .x { margin: 0 } p.x { padding: 1px }</style><p class="x" style="top: 0">a</p><p>b</p>',
    );
    expect(out).toBe('<p class="x" style="color: red; margin: 0; padding: 1px; top: 0">a</p><p style="color: red">b</p>');
  });

  it('refuses a template it cannot inline, naming the selector or at-rule', () => {
    expect(() => inlineCss('<style>div p { color: red }</style><p>x</p>', 'mine.html')).toThrow(
      'mine.html: the CSS selector "div p" cannot be inlined into the mail (templates may use tag, .class and tag.class selectors)',
    );
    expect(() => inlineCss('<style>a:hover { color: red }</style>', 'mine.html')).toThrow('"a:hover"');
    expect(() => inlineCss('<style>@media (max-width: 600px) { p { margin: 0 } }</style>', 'mine.html')).toThrow(
      'mine.html: the CSS rule @media cannot be inlined',
    );
    expect(() => inlineCss('<style>#top { color: red }</style>')).toThrow(TemplateError);
  });
});
