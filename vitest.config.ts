import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One private TMPDIR for the run, removed at the end: the tests leave nothing in /tmp.
    globalSetup: ['test/helpers/global-tmp.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Dovecot and SMTP servers bind their own free ports; two workers match the 2-core machine.
    maxWorkers: 2,
  },
});
