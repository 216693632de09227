import { digestFor, type DigestSettings } from '../config/digest.js';
import type { MeetingConfig } from '../config/meetings.js';
import type { Config } from '../config/types.js';
import type { OutboxStore } from '../send/outbox-store.js';
import type { Db } from '../store/db.js';

/** What assembling a mail needs: the archive, the config, the outbox, the injected clock. */
export interface MailingDeps {
  readonly db: Db;
  readonly config: Config;
  readonly store: OutboxStore;
  readonly now: () => number;
}

/** The digest settings of one meeting: the global section with the meeting's overrides. */
export function settingsOf(config: Config, meeting: MeetingConfig): DigestSettings {
  return digestFor(config.digest, meeting.id);
}
