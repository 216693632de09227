/**
 * The process-wide registry of raw-compression dictionaries, keyed by content hash. Kept apart
 * from raw-codec.ts so that opening a database loads neither zlib nor crypto (CLI start-up).
 */
const dictionaries = new Map<string, Buffer>();

export function registerDictionary(key: string, dict: Buffer): void {
  dictionaries.set(key, dict);
}

export function getDictionary(key: string): Buffer | undefined {
  return dictionaries.get(key);
}
