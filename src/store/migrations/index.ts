import * as m001 from './001-archive.js';
import * as m002 from './002-threads-search.js';

/** Numbered migrations, applied in order; PRAGMA user_version records the last one applied. */
export const MIGRATIONS: readonly { readonly version: number; readonly up: string }[] = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
];
