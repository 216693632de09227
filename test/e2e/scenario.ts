/**
 * The call the end-to-end tests follow: a working group meeting Thursdays 11:00 New York,
 * fortnightly from 2026-05-28. The call is 2026-06-11 11:00 EDT (15:00Z); its jobs are due at the
 * same local time 7 days (call for items), 2 days (chair reminder) and 1 calendar day (digest)
 * before. The list's mail is delivered into FOLDER of the test Dovecot.
 */
export const OCC = 'wg/2026-06-11';
export const T = {
  callForItems: Date.UTC(2026, 5, 4, 15),
  replies: Date.UTC(2026, 5, 5, 12),
  reminder: Date.UTC(2026, 5, 9, 15),
  chair: Date.UTC(2026, 5, 9, 17),
  digest: Date.UTC(2026, 5, 10, 15),
  after: Date.UTC(2026, 5, 10, 16),
};
export const LIST = 'devel@lists.example.org';
export const LIST_ID = 'devel.lists.example.org';
export const FOLDER = 'devel';

/** The meeting's config entry as both end-to-end tests write it (each adds its own chairs). */
export const WG_MEETING = {
  id: 'wg',
  name: 'Infra WG call',
  zone: 'America/New_York',
  schedule: '2026-05-28T11:00[America/New_York]/P14D',
  chair: 'Chair Person <chair@example.org>',
  lists: [LIST_ID],
  standingItems: ['Open pull requests'],
};
