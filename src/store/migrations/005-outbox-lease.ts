/**
 * A lease on an outbox row in "sending" (the double-send fix): who claimed it and when, so a
 * process resolving interrupted sends can tell a crash leftover from a send another live process
 * is still making (SMTP timeouts allow 30-60 s per step). See src/send/claim-lease.ts.
 * claimed_at: ms UTC on the claimant's clock; claimed_by: "host pid" of the claimant.
 */
export const up = `
ALTER TABLE outbox ADD COLUMN claimed_at INTEGER;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
`;
