import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgendaSnapshot, MeetingInfo } from '../../src/digest/types.js';
import type { Occurrence } from '../../src/meetings/types.js';
import { fromLocal } from '../../src/time/time-zone.js';
import { buildNotes } from '../../src/notes/build.js';
import { renderNotes } from '../../src/notes/render.js';
import { shape, structureOf } from './structure.js';

const DIR = join(import.meta.dirname, '../fixtures/notes');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();

const meeting: MeetingInfo = {
  id: 'mirage',
  name: 'MirageOS call',
  zone: 'Europe/London',
  chair: 'Amir Chaudhry <amirmc@gmail.com>',
  durationMs: 3_600_000,
  lists: [],
  standingItems: [],
  subjectTags: [],
};

function occurrenceOn(date: string): Occurrence {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = fromLocal({ year: y, month: m, day: d, hour: 16, minute: 0, second: 0 }, 'Europe/London');
  return {
    meetingId: 'mirage',
    key: `mirage/${date}`,
    start,
    end: start + 3_600_000,
    zone: 'Europe/London',
    status: 'scheduled',
    sequence: 0,
  };
}

function skeletonFor(date: string, titles: string[]): string {
  const agenda: AgendaSnapshot = {
    standing: [],
    carriedOver: [],
    awaitingReview: [],
    items: titles.map((title, i) => ({ id: String(i), title, messageIds: [] })),
  };
  const occ = occurrenceOn(date);
  const next = { ...occ, key: 'next', start: occ.start + 14 * 86_400_000 };
  return renderNotes(buildNotes({ meeting, occurrence: occ, next, agenda, authorUri: 'http://amirchaudhry.com' }));
}

const withAgenda = files.filter((f) => structureOf(readFileSync(join(DIR, f), 'utf8')).agenda.length > 0);

describe('notes skeleton in the mirage-weekly format', () => {
  it('the corpus slice is here: 51 notes, 49 with an agenda', () => {
    expect(files).toHaveLength(51);
    expect(withAgenda).toHaveLength(49);
  });

  it('renders the 2015-05-06 skeleton exactly', () => {
    const md = skeletonFor('2015-05-06', ['Quality and Test', 'TLS support', 'IndexedDB / Irmin-in-the-browser', 'MirageOS Q&A hangout?']);
    expect(md).toBe(readFileSync(join(import.meta.dirname, 'expected-2015-05-06.md'), 'utf8'));
  });

  for (const file of withAgenda) {
    it(`matches the front matter keys and section structure of ${file}`, () => {
      const real = structureOf(readFileSync(join(DIR, file), 'utf8'));
      const skeleton = structureOf(skeletonFor(file.replace(/\.md$/, ''), real.agenda));
      expect(skeleton.frontMatterKeys).toEqual(real.frontMatterKeys);
      expect(skeleton.agenda).toEqual(real.agenda);
      // Every kind of section the real note has appears in the skeleton in the same order,
      // and the Agenda heading sits at the same level.
      const realShape = shape(real).map((t) => t.replace(/@\d$/, ''));
      const skelShape = shape(skeleton).map((t) => t.replace(/@\d$/, ''));
      let at = 0;
      for (const kind of realShape) {
        const found = skelShape.indexOf(kind, at);
        expect(found, `${kind} in ${skelShape.join(',')}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
      expect(skeleton.sections.find((s) => s.kind === 'agenda')?.level).toBe(real.sections.find((s) => s.kind === 'agenda')?.level);
      // One heading per agenda item.
      expect(skeleton.sections.filter((s) => s.kind === 'item').map((s) => s.title)).toEqual(real.agenda);
    });
  }

  it('has exactly the structure, heading levels included, of every note in the regular 2014-2016 format', () => {
    let regular = 0;
    for (const file of withAgenda) {
      const real = structureOf(readFileSync(join(DIR, file), 'utf8'));
      const s = shape(real);
      if (s.join(',') !== 'agenda@3,attendees,notes@3,item@4,aob@4,next-call' && s.join(',') !== 'agenda@3,attendees,notes@3,item@4,aob@4')
        continue;
      regular++;
      const skel = shape(structureOf(skeletonFor(file.replace(/\.md$/, ''), real.agenda)));
      expect(skel.slice(0, s.length), file).toEqual(s);
    }
    expect(regular).toBeGreaterThanOrEqual(30);
  });
});
