/**
 * The convene CLI with faults injected: a test-only entry point (the installed bin has none).
 * Run compiled: `node dist/test/helpers/fault-bin.js ARGS...` (npm run build).
 * - CONVENE_CRASH_AT=queued|sending|accepted: the process SIGKILLs itself at that outbox point,
 *   the way kill -9 would, at a deterministic moment (mailings/fault-injection.ts).
 * - CONVENE_TEST_WORKER=PATH: parse pools run that worker script (crashing-prepare-worker.js: a
 *   worker that dies or hangs on cue), patched in here so that production code has no such switch.
 */
import { armCrashPoints } from '../../src/mailings/fault-injection.js';
import { PreparePool } from '../../src/mail/prepare-pool.js';
import { run } from '../../src/main.js';

const at = process.env.CONVENE_CRASH_AT;
if (at) armCrashPoints((point) => point === at && process.kill(process.pid, 'SIGKILL'));
const script = process.env.CONVENE_TEST_WORKER;
if (script) {
  const create = PreparePool.create.bind(PreparePool);
  PreparePool.create = (size, options = {}) => create(size, { ...options, script });
}
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
