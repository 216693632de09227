import * as m001 from './001-archive.js';
import * as m002 from './002-threads-search.js';
import * as m003 from './003-agenda.js';
import * as m004 from './004-outbox-jobs.js';
import * as m005 from './005-outbox-lease.js';
import * as m006 from './006-thread-summaries.js';
import * as m007 from './007-previews.js';

/** Numbered migrations, applied in order; PRAGMA user_version records the last one applied. */
export const MIGRATIONS: readonly { readonly version: number; readonly up: string }[] = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
  { version: 3, up: m003.up },
  { version: 4, up: m004.up },
  { version: 5, up: m005.up },
  { version: 6, up: m006.up },
  { version: 7, up: m007.up },
];
