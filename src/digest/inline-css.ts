import { TemplateError } from './template.js';

/**
 * Inline the <style> rules of an HTML template into style="" attributes, because many mail
 * clients (Gmail among them) drop <style> blocks. Deliberately small, and strict about it:
 * selectors are a tag, a .class or tag.class, comma-separated (what templates/digest.html uses;
 * templates/README.md documents the dialect). A template with anything else (an at-rule such as
 * @media, a combinator, an id, a pseudo-class) is refused with the selector named, rather than
 * sent with that rule silently gone. Rules apply in order of specificity then source order, and an
 * element's own style="" wins. The <style> block is removed.
 */
interface Rule {
  readonly tag?: string;
  readonly cls?: string;
  readonly specificity: number;
  readonly order: number;
  readonly decls: string;
}

const SUPPORTED = 'tag, .class and tag.class selectors';

export function inlineCss(html: string, name = 'template'): string {
  const rules: Rule[] = [];
  let order = 0;
  const withoutStyle = html.replace(/<style[^>]*>([\s\S]*?)<\/style>\s*/gi, (_m, block: string) => {
    const css = block.replace(/\/\*[\s\S]*?\*\//g, '');
    const at = /@[a-z-]+/i.exec(css);
    if (at) throw new TemplateError(`${name}: the CSS rule ${at[0]} cannot be inlined into the mail (templates may use ${SUPPORTED})`);
    for (const ruleText of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const decls = (ruleText[2] ?? '').trim().replace(/\s*;\s*$/, '');
      for (const sel of (ruleText[1] ?? '').split(',')) {
        const m = /^\s*([a-z][a-z0-9]*)?(?:\.([\w-]+))?\s*$/i.exec(sel);
        if (!m || (!m[1] && !m[2])) {
          throw new TemplateError(
            `${name}: the CSS selector "${sel.trim()}" cannot be inlined into the mail (templates may use ${SUPPORTED})`,
          );
        }
        rules.push({
          ...(m[1] ? { tag: m[1].toLowerCase() } : {}),
          ...(m[2] ? { cls: m[2] } : {}),
          specificity: (m[1] ? 1 : 0) + (m[2] ? 10 : 0),
          order: order++,
          decls,
        });
      }
    }
    return '';
  });
  if (!rules.length) return withoutStyle;
  rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  return withoutStyle.replace(
    /<([a-z][a-z0-9]*)(\s[^<>]*?)?(\/?)>/gi,
    (whole, tagName: string, attrs: string | undefined, selfClose: string) => {
      const tag = tagName.toLowerCase();
      if (tag === 'html' || tag === 'head' || tag === 'meta' || tag === 'title') return whole;
      const a = attrs ?? '';
      const classes = (/\sclass="([^"]*)"/i.exec(a)?.[1] ?? '').split(/\s+/).filter(Boolean);
      const decls = rules.filter((r) => (!r.tag || r.tag === tag) && (!r.cls || classes.includes(r.cls))).map((r) => r.decls);
      if (!decls.length) return whole;
      const own = /\sstyle="([^"]*)"/i.exec(a)?.[1];
      const style = [...decls, ...(own ? [own.replace(/\s*;\s*$/, '')] : [])].join('; ');
      const rest = a.replace(/\sstyle="[^"]*"/i, '');
      return `<${tagName}${rest} style="${style}"${selfClose}>`;
    },
  );
}
