import { parentPort } from 'node:worker_threads';
import { prepareMessage } from './prepare.js';
import type { RawMessage } from './types.js';

/** Worker side of prepare-pool.ts: parse, hash and compress messages off the main thread. */
interface Request {
  readonly seq: number;
  readonly messages: readonly RawMessage[];
  readonly dict?: { key: string; bytes: Uint8Array };
}

parentPort?.on('message', async (req: Request) => {
  const dict = req.dict ? { key: req.dict.key, bytes: Buffer.from(req.dict.bytes) } : undefined;
  const out = [];
  for (const m of req.messages) {
    const raw = Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength);
    const p = await prepareMessage({ ...m, raw }, dict);
    // Send back only what the main thread lacks, each in a buffer of its own: cloning a view
    // clones its whole underlying ArrayBuffer.
    out.push({
      parsed: p.parsed,
      hash: p.hash,
      encoded: p.encoded ? { codec: p.encoded.codec, bytes: new Uint8Array(p.encoded.bytes) } : undefined,
    });
  }
  parentPort!.postMessage({ seq: req.seq, prepared: out });
});
