import { digestFor, type DigestSettings } from '../config/digest.js';
import type { MeetingConfig } from '../config/meetings.js';
import type { Config } from '../config/types.js';
import type { OutboxStore } from '../send/outbox-store.js';
import type { Stamp } from '../digest/headers.js';
import type { Db } from '../store/db.js';
import { messageIdSecret } from '../store/secrets.js';

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

/** The clock's instant and the archive's Message-ID secret (made on first use) for the mail builders. */
export function stampOf(deps: Pick<MailingDeps, 'db' | 'now'>): Stamp {
  return { now: deps.now(), secret: messageIdSecret(deps.db) };
}
