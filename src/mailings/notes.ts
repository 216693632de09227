import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingConfig } from '../config/meetings.js';
import { occurrenceStem } from '../mail/own-message-id.js';
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

/**
 * The notes job: write the skeleton to <outbox>/notes/<meeting>.<date>.md (the name encodes the
 * meeting id injectively: `team_a` and `team-a` get two files, issue 13 item 11). Returns the path.
 */
export function writeNotes(deps: Pick<MailingDeps, 'db' | 'config'>, meeting: MeetingConfig, occ: Occurrence): string {
  const dir = join(deps.config.outboxDir, 'notes');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${occurrenceStem(meeting.id, occ.key)}.md`);
  writeFileSync(path, notesFor(deps, meeting, occ));
  return path;
}
