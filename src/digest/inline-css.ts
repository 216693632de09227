/**
 * Inline the <style> rules of a template into style="" attributes, because many mail clients
 * (Gmail among them) drop <style> blocks. Deliberately small: selectors are a tag, a .class or
 * tag.class, comma-separated; that is what templates/digest.html uses. Rules apply in order of
 * specificity then source order, and an element's own style="" wins. The <style> block is removed.
 */
interface Rule {
  readonly tag?: string;
  readonly cls?: string;
  readonly specificity: number;
  readonly order: number;
  readonly decls: string;
}

export function inlineCss(html: string): string {
  const rules: Rule[] = [];
  let order = 0;
  const withoutStyle = html.replace(/<style[^>]*>([\s\S]*?)<\/style>\s*/gi, (_m, css: string) => {
    for (const block of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const decls = (block[2] ?? '').trim().replace(/\s*;\s*$/, '');
      for (const sel of (block[1] ?? '').split(',')) {
        const m = /^\s*([a-z][a-z0-9]*)?(?:\.([\w-]+))?\s*$/i.exec(sel);
        if (!m || (!m[1] && !m[2])) continue; // unsupported selector: left out rather than misapplied
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
