import { contentHash } from './content-hash.js';
import { encodeRaw, type Encoded } from './raw-codec.js';
import { parseMessage } from './parse.js';
import type { ParsedMessage, RawMessage } from './types.js';

/** A message made ready for the store outside the transaction: parsed, hashed, compressed. */
export interface PreparedMessage {
  readonly raw: Buffer;
  /** null when the bytes were already in the archive: a copy is counted, nothing parsed. */
  readonly parsed: ParsedMessage | null;
  readonly hash: string;
  readonly encoded?: Encoded;
}

/** A raw message whose content hash the caller may already know (ingest hashes to dedupe). */
export type HashedRawMessage = RawMessage & { readonly hash?: string };

/** Everything CPU-bound about one message, in whichever thread runs it. */
export async function prepareMessage(input: HashedRawMessage, dict?: { key: string; bytes: Buffer }): Promise<PreparedMessage> {
  const parsed = await parseMessage(input);
  return { raw: input.raw, parsed, hash: input.hash ?? contentHash(input.raw), encoded: encodeRaw(input.raw, dict) };
}
