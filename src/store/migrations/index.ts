import * as m001 from './001-archive.js';
import * as m002 from './002-threads-search.js';
import * as m003 from './003-agenda.js';
import * as m004 from './004-outbox-jobs.js';
import * as m005 from './005-outbox-lease.js';
import * as m006 from './006-archive-secrets.js';
import * as m007 from './007-agenda-history.js';
import * as m008 from './008-ingest-health.js';
import * as m009 from './009-outbox-delivery.js';
import * as m010 from './010-review-mail.js';
import * as m011 from './011-thread-summaries.js';
import * as m012 from './012-previews.js';

/** Numbered migrations, applied in order; PRAGMA user_version records the last one applied. */
export const MIGRATIONS: readonly { readonly version: number; readonly up: string }[] = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
  { version: 3, up: m003.up },
  { version: 4, up: m004.up },
  { version: 5, up: m005.up },
  { version: 6, up: m006.up },
  { version: 7, up: m007.up },
  { version: 8, up: m008.up },
  { version: 9, up: m009.up },
  { version: 10, up: m010.up },
  { version: 11, up: m011.up },
  { version: 12, up: m012.up },
];
