import { parentPort } from 'node:worker_threads';
import { prepareMessage } from './prepare.js';
import type { WireMessage, WorkerReply, WorkerResult } from './worker-slot.js';

/** Worker side of prepare-pool.ts: parse, hash and compress messages off the main thread. */
interface Request {
  readonly seq: number;
  readonly messages: readonly WireMessage[];
  readonly dict?: { key: string; bytes: Uint8Array };
}

/**
 * Results go back in runs of about this many input bytes, not once per slice: a whole slice's
 * parsed text held until the end is what filled the 64 MB heap (issue 13, item 1).
 */
const FLUSH_BYTES = 4 * 1024 * 1024;

parentPort?.on('message', (req: Request) => void serve(req));

async function serve(req: Request): Promise<void> {
  try {
    const dict = req.dict ? { key: req.dict.key, bytes: Buffer.from(req.dict.bytes) } : undefined;
    let out: WorkerResult[] = [];
    let transfer: ArrayBuffer[] = [];
    let bytes = 0;
    for (const m of req.messages) {
      const raw = Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength);
      const p = await prepareMessage({ ...m, raw }, dict);
      // Each encoded blob in a buffer of its own, transferred: cloning a view clones its whole
      // underlying ArrayBuffer.
      const encoded = p.encoded ? { codec: p.encoded.codec, bytes: new Uint8Array(p.encoded.bytes) } : undefined;
      if (encoded) transfer.push(encoded.bytes.buffer as ArrayBuffer);
      out.push({ parsed: p.parsed, hash: p.hash, ...(encoded ? { encoded } : {}) });
      bytes += m.raw.byteLength;
      if (bytes >= FLUSH_BYTES) {
        reply({ seq: req.seq, prepared: out, done: false }, transfer);
        out = [];
        transfer = [];
        bytes = 0;
      }
    }
    reply({ seq: req.seq, prepared: out, done: true }, transfer);
  } catch (err) {
    // A throw must answer the slice: an unhandled rejection would end the thread instead.
    reply({ seq: req.seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, []);
  }
}

function reply(r: WorkerReply, transfer: ArrayBuffer[]): void {
  parentPort!.postMessage(r, transfer);
}
