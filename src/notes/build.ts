import type { AgendaSnapshot, MeetingInfo } from '../digest/types.js';
import { bareAddress, displayName } from '../mail/mailbox.js';
import { weekdayName } from '../time/plain-date-time.js';
import type { Occurrence } from '../meetings/types.js';
import { localDate, toLocal } from '../time/time-zone.js';

/** What templates/notes.md renders: the minutes skeleton of one call. */
export interface NotesModel {
  readonly date: string;
  readonly author: { readonly name: string; readonly email: string; readonly uri: string };
  readonly chairName: string;
  /** Front-matter values, already YAML single-quoted. */
  readonly subjectYaml: string;
  readonly descriptionYaml: string;
  readonly agenda: readonly { readonly title: string }[];
  /** "Wednesday, 20th May" or '' when no next call is known. */
  readonly nextCall: string;
}

export interface NotesInput {
  readonly meeting: MeetingInfo;
  readonly occurrence: Occurrence;
  readonly next?: Occurrence;
  readonly agenda: AgendaSnapshot;
  /** The notes author's home page, for the front matter's author.uri. */
  readonly authorUri?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Build the notes skeleton model (pure), in the MirageOS notes format: the agenda is the standing
 * items, then the chair's order, then what was carried over; one Notes heading per item.
 */
export function buildNotes(input: NotesInput): NotesModel {
  const { occurrence: occ, meeting } = input;
  const p = toLocal(occ.start, occ.zone);
  const date = localDate(occ.start, occ.zone);
  const chair = meeting.chair ?? '';
  const name = displayName(chair);
  const email = chair.includes('@') ? bareAddress(chair) : '';
  const seen = new Set<string>();
  const agenda = [...input.agenda.standing, ...input.agenda.items, ...input.agenda.carriedOver]
    .map((i) => ({ title: i.title.replace(/\s+/g, ' ').trim() }))
    .filter((i) => i.title && !seen.has(i.title.toLowerCase()) && seen.add(i.title.toLowerCase()));
  const titles = agenda.map((i) => i.title);
  const list = titles.length <= 1 ? titles.join('') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
  let nextCall = '';
  if (input.next) {
    const n = toLocal(input.next.start, input.next.zone);
    nextCall = `${weekdayName(n)}, ${ordinal(n.day)} ${MONTHS[n.month - 1]}`;
  }
  return {
    date,
    author: { name: name || email, email, uri: input.authorUri ?? '' },
    chairName: name || email,
    subjectYaml: yamlQuote(`Weekly Meeting: ${date}`),
    descriptionYaml: yamlQuote(`${ordinal(p.day)} ${MONTHS[p.month - 1]} ${p.year}${list ? `: ${list}` : ''}`),
    agenda,
    nextCall,
  };
}

/** A YAML single-quoted scalar: quotes doubled, line breaks folded to spaces. */
export function yamlQuote(s: string): string {
  return `'${s.replace(/\s*\n\s*/g, ' ').replace(/'/g, "''")}'`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
