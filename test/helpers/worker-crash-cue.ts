import { parentPort } from 'node:worker_threads';

/**
 * A message with the header `X-Test-Worker: oom` fills the heap until the thread hits its limit,
 * as the mails of issue 13 did ('error', then 'exit'); `X-Test-Worker: exit` ends the thread
 * quietly ('exit' only); `X-Test-Worker: hang` never answers (a parse that loops forever: the
 * thread stays alive, so nothing tells the pool). See crashing-prepare-worker.ts.
 */
const CUE = /^X-Test-Worker: (oom|exit|hang)$/m;

parentPort?.on('message', (req: { messages: readonly { raw: Uint8Array }[] }) => {
  for (const m of req.messages) {
    const head = Buffer.from(m.raw.buffer, m.raw.byteOffset, Math.min(m.raw.byteLength, 4096)).toString('latin1');
    const cue = CUE.exec(head)?.[1];
    if (cue === 'exit') process.exit(9);
    if (cue === 'hang') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    if (cue === 'oom') {
      const hog: number[][] = [];
      for (;;) hog.push(new Array<number>(100_000).fill(hog.length));
    }
  }
});
