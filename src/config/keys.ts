/**
 * Every key convene.yaml may hold, by section: the validators accept exactly these (onlyKeys),
 * and test/config/reference.test.ts checks that templates/convene.example.yaml, which
 * `convene help config` prints, documents each one with a comment. One list, so a key cannot be
 * accepted without being documented.
 */
export const CONFIG_KEYS = {
  top: ['db', 'imap', 'source', 'smtp', 'transport', 'outbox', 'meetings', 'digest', 'sentMailbox'],
  imap: [
    'account',
    'host',
    'port',
    'secure',
    'user',
    'password',
    'oauth2Token',
    'mailbox',
    'mailboxes',
    'tls',
    'batchSize',
    'idle',
    'pollSeconds',
  ],
  smtp: ['host', 'port', 'secure', 'user', 'password', 'tls'],
  tls: ['insecureSkipVerify', 'ca', 'allowPlaintext'],
  source: ['path'],
  outbox: ['dir'],
  meeting: ['id', 'name', 'zone', 'schedule', 'dates', 'duration', 'chair', 'chairs', 'lists', 'standingItems', 'agenda', 'jobs', 'digest'],
  schedule: ['start', 'rrule', 'exdate'],
  agenda: ['subjectTags', 'aliases', 'calls', 'cutoff'],
  jobs: ['callForItems', 'chairReminder', 'digest'],
  digest: ['from', 'to', 'listId', 'unsubscribe', 'archiveUrl', 'zones', 'join', 'holdUnreviewed', 'templates', 'timing'],
  templates: ['text', 'html', 'callForItems', 'chairReminder', 'cancelProposal', 'notes'],
  timing: ['callForItems', 'chairReminder', 'digest'],
  secret: ['env', 'file', 'command'],
} as const;

/**
 * Every documented key path: "imap.tls.ca", "meetings[].agenda.cutoff". A secret reference
 * (password, oauth2Token) and a meeting's digest overrides (any digest key) are leaves.
 */
export function configKeyPaths(): string[] {
  const K = CONFIG_KEYS;
  const under = (prefix: string, keys: readonly string[]) => keys.map((k) => `${prefix}.${k}`);
  return [
    ...K.top,
    ...under('imap', K.imap),
    ...under('imap.tls', K.tls),
    ...under('smtp', K.smtp),
    ...under('smtp.tls', K.tls),
    ...under('source', K.source),
    ...under('outbox', K.outbox),
    ...under('meetings[]', K.meeting),
    ...under('meetings[].schedule', K.schedule),
    ...under('meetings[].agenda', K.agenda),
    ...under('meetings[].jobs', K.jobs),
    ...under('digest', K.digest),
    ...under('digest.templates', K.templates),
    ...under('digest.timing', K.timing),
  ];
}
