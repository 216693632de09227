/** Shared meeting types: config → schedule → occurrences (with one-off overrides applied). */

export interface Occurrence {
  readonly meetingId: string;
  /** Start instant, ms UTC. Identifies the occurrence together with meetingId (its ORIGINAL start when moved). */
  readonly key: string; // e.g. "mirage/2015-05-06" — the local date of the original start
  readonly start: number;
  readonly end: number;
  readonly zone: string; // IANA
  readonly status: 'scheduled' | 'cancelled' | 'moved' | 'extra';
  /** For moved occurrences: where it was before; raises the .ics SEQUENCE. */
  readonly originalStart?: number;
  readonly sequence: number;
}
