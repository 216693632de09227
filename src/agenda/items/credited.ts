/**
 * A chair's list that credits a topic to the member who proposed it ("(Curtis)" after Curtis's
 * reply), in words that share nothing with the member's: the same topic, found by who, not what.
 */
import type { MeetingConfig } from '../../config/meetings.js';
import type { Occurrence } from '../../meetings/types.js';
import type { Db } from '../../store/db.js';
import { displayName } from '../../mail/mailbox.js';
import { hasSource, itemsInScope, survivor } from './item-reader.js';
import type { ItemRow } from './item-row.js';
import type { Candidate } from '../extract/types.js';

/**
 * A chair's list crediting a topic to a member, in other words than the member's ("Use case
 * management enhancements (Curtis)" after Curtis's "I am interested in discussing the possibility
 * of upstreaming some of the features we have built into our UCMs", audio miniconference 2019):
 * the member's proposal, restated, when exactly one of the member's proposals for this call is not
 * yet restated by this list and this is the list's last credit to the member ("SOF integration
 * with ACPI and DT (Daniel)" joined Daniel's "ACPI / DT unification" by its words; "SOF support for
 * non-modular drivers (Daniel)" then restates his other one).
 */
export function restatedFor(db: Db, meeting: MeetingConfig, occ: Occurrence | null, cand: Candidate): ItemRow | undefined {
  if (cand.rule !== 'chair-call' || !cand.presenter || !occ) return undefined;
  const start = occ.originalStart ?? occ.start;
  const rows = itemsInScope(db, { meeting: meeting.id, occ: occ.key, lo: start, hi: start });
  const theirs = rows.filter(
    (r) =>
      r.occ_key === occ.key && r.rule !== 'chair-call' && namesPerson(cand.presenter!, r.proposer) && !hasSource(db, r.id, cand.messageId),
  );
  return theirs.length === 1 ? survivor(db, theirs[0]!.id) : undefined;
}

/**
 * True when a presenter note ("Curtis", "Jane Doe") names the person of a From line ("Curtis
 * Malainey <c@example.org>"): their full name, or their first name alone.
 */
export function namesPerson(presenter: string, from: string): boolean {
  const name = displayName(from).toLowerCase();
  const who = presenter.trim().toLowerCase();
  if (who === '' || name === '') return false;
  return who === name || who === name.split(/\s+/)[0];
}
