/**
 * A parse worker that dies on cue, for test/mail/prepare-pool.test.ts (injected as the pool's
 * `script`; runs compiled, from dist/test/helpers): the real worker behind a listener that ends
 * the thread when a slice holds a cue (worker-crash-cue.ts). Static imports run in order, so the
 * cue listener is registered first and sees every slice before the real worker starts on it; a
 * dynamic import would let the first slices reach the thread before the real worker listens.
 */
import './worker-crash-cue.js';
import '../../src/mail/prepare-worker.js';
