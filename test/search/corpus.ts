/** A small generated corpus where each prefix and operator has a known answer. */
import { generateMessage } from '../helpers/message-generator.js';

const LIST = 'Devel list <devel.lists.example.org>';

export const CORPUS: Readonly<Record<string, Buffer>> = {
  m1: generateMessage({
    messageId: 'm1@example.org',
    from: 'Alice Example <alice@example.org>',
    to: 'devel@lists.example.org',
    cc: 'Bob Builder <bob@example.org>',
    subject: 'Journal replay fails on mount',
    date: 'Wed, 10 Jan 2024 10:00:00 +0000',
    listId: LIST,
    body: 'The journal replay fails when mounting the volume.\n',
  }),
  m2: generateMessage({
    messageId: 'm2@example.org',
    from: 'Bob Builder <bob@example.org>',
    to: 'Alice Example <alice@example.org>',
    subject: 'Re: Journal replay fails on mount',
    date: 'Thu, 11 Jan 2024 09:00:00 +0000',
    inReplyTo: '<m1@example.org>',
    references: '<m1@example.org>',
    listId: LIST,
    body: 'Alice Example wrote:\n> The journal replay fails when mounting the volume.\n\nTry running fsck first.\n',
  }),
  m3: generateMessage({
    messageId: 'm3@example.net',
    from: 'Carol Singer <carol@example.net>',
    to: 'devel@lists.example.org',
    subject: 'Release notes draft',
    date: 'Thu, 01 Feb 2024 08:00:00 +0000',
    listId: LIST,
    contentType: 'multipart/mixed; boundary="XX"',
    body:
      '--XX\nContent-Type: text/plain; charset=utf-8\n\nDraft of the release notes is attached.\n' +
      '--XX\nContent-Type: text/plain; name="notes-v2.txt"\nContent-Disposition: attachment; filename="notes-v2.txt"\n\nsecret attachment words\n--XX--\n',
  }),
  m4: generateMessage({
    messageId: 'm4@example.org',
    from: 'Dave Chair <dave@example.org>',
    to: 'devel@lists.example.org',
    cc: 'alice@example.org',
    subject: 'Weekly call agenda',
    date: 'Tue, 05 Mar 2024 16:00:00 +0000',
    listId: LIST,
    body: 'Items: barrier removal, journaling modes.\n',
  }),
  m5: generateMessage({
    messageId: 'm5@example.com',
    from: '"Pat O\'Brien" <pat@example.com>',
    to: 'someone@example.com',
    subject: 'Quote "test" case',
    date: 'Sun, 31 Dec 2023 23:30:00 +0000',
    body: 'Literal operators AND OR NOT and {body}: NEAR(x y) and a "quote".\n',
  }),
};

export const ALL = Object.keys(CORPUS).sort();
