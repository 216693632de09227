/**
 * What the digest needs from the meetings and agenda modules, as small local interfaces:
 * mailings/ports.ts fills them from those modules' readers, tests fill them by hand.
 */
export interface MeetingInfo {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  /** "Name <addr>", the chair's address for reminders, cancel proposals and failure reports. */
  readonly chair?: string;
  readonly durationMs: number;
  /** List-Ids this meeting listens to; empty: the whole archive. */
  readonly lists: readonly string[];
  readonly standingItems: readonly string[];
  /** A project's tag for proposals, shown in the call for items ("[agenda]"). */
  readonly subjectTags: readonly string[];
}

/** One agenda entry as the digest shows it. */
export interface AgendaEntry {
  readonly id: string;
  readonly title: string;
  readonly proposer?: string;
  readonly presenter?: string;
  readonly durationMinutes?: number;
  /** Source message ids (without angle brackets), first one linked. */
  readonly messageIds: readonly string[];
  readonly late?: boolean;
  /** The chair added it (no extraction rule found it): "added by the chair", whatever the proposer field says. */
  readonly byChair?: boolean;
  /** The thread it was proposed in: the digest leaves that thread out of "on the list". */
  readonly threadId?: number | null;
}

/** The agenda of one occurrence: the chair's final order, and the other lists the digest shows. */
export interface AgendaSnapshot {
  readonly items: readonly AgendaEntry[];
  readonly standing: readonly AgendaEntry[];
  readonly carriedOver: readonly AgendaEntry[];
  readonly awaitingReview: readonly AgendaEntry[];
  /** When the first of these items was proposed (ms UTC): "since the last call" for a first call. */
  readonly firstProposedAt?: number;
}

/**
 * A thread seen on the list in a window, for "since the last call" (thread/activity.ts reads
 * these from the archive; the digest keeps its own copy of the shape, like the types above).
 */
export interface ThreadActivity {
  readonly threadId: number;
  readonly subject: string;
  readonly rootMid: string | null;
  readonly starter: string;
  readonly messages: number;
  /** Distinct senders in the window. */
  readonly participants: number;
  readonly firstDate: number;
  readonly isNew: boolean;
}
