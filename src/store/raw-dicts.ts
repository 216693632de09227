import type { Db } from './db.js';

/**
 * The archive's compression dictionaries, to register when a database opens. Apart from
 * raw-reader.ts, whose decoder loads zlib and crypto: opening a database for a search needs
 * neither (CLI start-up, issue 9).
 */
export function rawDictionaries(db: Db): { hash: string; bytes: Buffer }[] {
  return db.prepare<[], { hash: string; bytes: Buffer }>('SELECT hash, bytes FROM raw_dicts').all();
}
