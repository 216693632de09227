import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingConfig } from '../config/meetings.js';
import type { Occurrence } from '../meetings/types.js';
import { buildNotes } from '../notes/build.js';
import { renderNotes } from '../notes/render.js';
import { settingsOf, type MailingDeps } from './deps.js';
import { agendaSnapshot, meetingInfo, nextOf } from './ports.js';

/** Render the notes skeleton of an occurrence. */
export function notesFor(deps: Pick<MailingDeps, 'db' | 'config'>, meeting: MeetingConfig, occ: Occurrence): string {
  const settings = settingsOf(deps.config, meeting);
  const next = nextOf(deps.db, meeting, occ);
  return renderNotes(
    buildNotes({
      meeting: meetingInfo(meeting),
      occurrence: occ,
      ...(next ? { next } : {}),
      agenda: agendaSnapshot(deps.db, meeting, occ),
    }),
    settings.templates,
  );
}

/** The notes job: write the skeleton to <outbox>/notes/<meeting>-<date>.md. Returns the path. */
export function writeNotes(deps: Pick<MailingDeps, 'db' | 'config'>, meeting: MeetingConfig, occ: Occurrence): string {
  const dir = join(deps.config.outboxDir, 'notes');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${occ.key.replace(/[^A-Za-z0-9.-]+/g, '-')}.md`);
  writeFileSync(path, notesFor(deps, meeting, occ));
  return path;
}
