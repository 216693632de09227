/**
 * The item the chair reviews, as readers return it. States (issue 4): proposed (the inbox),
 * accepted (with a position), rejected (with a reason), deferred (to the next occurrence),
 * merged (into another item), withdrawn, done (after the call). And history (issue 8): a proposal
 * nobody reviewed whose call was over when convene read it, or older than the meeting: stored and
 * searchable, never in a live inbox (stored as state 'proposed' with agenda_items.history set).
 */
import type { RuleName } from '../extract/types.js';

export const ITEM_STATES = ['proposed', 'accepted', 'rejected', 'deferred', 'merged', 'withdrawn', 'done', 'history'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export interface ItemSource {
  readonly mid: string;
  readonly role: 'proposal' | 'support';
  /** "Name <addr>" of the proposer or supporter. */
  readonly person: string;
  readonly rule: RuleName | null;
  readonly date: number | null;
}

export interface AgendaItem {
  readonly id: number;
  readonly meetingId: string;
  /** "mirage/2025-01-22", or null when the meeting had no occurrence left. */
  readonly occurrenceKey: string | null;
  readonly state: ItemState;
  /** 1..n among the occurrence's accepted and done items; null otherwise. */
  readonly position: number | null;
  readonly title: string;
  readonly proposer: string;
  readonly presenter: string | null;
  readonly durationMinutes: number | null;
  readonly links: readonly string[];
  /** The extraction rule that created it; null when the chair added it. */
  readonly rule: RuleName | null;
  readonly confidence: number | null;
  /** Proposed within the cutoff before the call it aimed at, so it went to the next one. */
  readonly late: boolean;
  /** Why it is history (state 'history'), else null. */
  readonly history: string | null;
  readonly carriedOver: boolean;
  readonly chairEdited: boolean;
  readonly reason: string | null;
  readonly mergedInto: number | null;
  readonly deferredFrom: string | null;
  readonly threadId: number | null;
  /** Date of the first source message (ms UTC). */
  readonly sourceDate: number | null;
  /** Message-IDs that proposed it (first first). */
  readonly messageIds: readonly string[];
  /** People who supported it in replies ("+1"), and further proposers of merged duplicates. */
  readonly supporters: readonly string[];
  readonly sources: readonly ItemSource[];
  readonly createdAt: number;
  readonly updatedAt: number;
}
