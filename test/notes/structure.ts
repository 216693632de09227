/** Read a notes file in the MirageOS format back into its parts, for comparing skeletons with real notes. */
export type SectionKind = 'agenda' | 'attendees' | 'notes' | 'item' | 'aob' | 'next-call';

export interface Section {
  readonly kind: SectionKind;
  readonly level: number; // heading level; 0 for a line (attendees, next call)
  readonly title: string;
}

export interface NoteStructure {
  readonly frontMatterKeys: string[];
  readonly agenda: string[];
  readonly sections: Section[];
}

export function frontMatterKeys(md: string): string[] {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) return [];
  const keys: string[] = [];
  let parent = '';
  for (const line of m[1]!.split('\n')) {
    const k = /^(\s*)([A-Za-z_]+):/.exec(line);
    if (!k) continue;
    if (k[1] === '') {
      parent = k[2]!;
      keys.push(parent);
    } else keys.push(`${parent}.${k[2]}`);
  }
  return keys;
}

export function structureOf(md: string): NoteStructure {
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = body.split('\n');
  const sections: Section[] = [];
  const agenda: string[] = [];
  let inAgenda = false;
  for (const line of lines) {
    const h = /^(#{1,6})\s*(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const level = h[1]!.length;
      const title = h[2]!;
      inAgenda = /^agenda$/i.test(title);
      const kind: SectionKind = inAgenda
        ? 'agenda'
        : /^(notes|minutes)$/i.test(title)
          ? 'notes'
          : /^(aob|any other business)$/i.test(title)
            ? 'aob'
            : /^next (week|call)/i.test(title)
              ? 'next-call'
              : 'item';
      // Topics raised under AoB are part of it, not agenda items.
      if (kind === 'item' && sections.some((x) => x.kind === 'aob')) continue;
      sections.push({ kind, level, title });
      continue;
    }
    if (/^\*?attendees\b/i.test(line.trim())) {
      sections.push({ kind: 'attendees', level: 0, title: '' });
      inAgenda = false;
      continue;
    }
    if (/next (call|meeting) (is|will)/i.test(line)) sections.push({ kind: 'next-call', level: 0, title: '' });
    if (inAgenda) {
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) agenda.push(item[1]!.trim());
      else if (line.trim() && agenda.length && /^\s{2,}\S/.test(line)) agenda[agenda.length - 1] += ' ' + line.trim();
    }
  }
  return { frontMatterKeys: frontMatterKeys(md), agenda, sections };
}

/** The section kinds in order, consecutive items collapsed into one, with heading levels. */
export function shape(s: NoteStructure): string[] {
  const out: string[] = [];
  for (const sec of s.sections) {
    const token = `${sec.kind}${sec.level ? `@${sec.level}` : ''}`;
    if (out.at(-1) !== token) out.push(token);
  }
  return out;
}
