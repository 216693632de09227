import { beforeEach, describe, expect, it } from 'vitest';
import { afterStoreHooks } from '../../src/agenda/items/hooks.js';
import { getItem, listItems } from '../../src/agenda/items/reader.js';
import { reextract } from '../../src/agenda/items/reextract.js';
import { accept, edit, reject } from '../../src/agenda/items/review.js';
import { configFromValue } from '../../src/config/load.js';
import { openDb, type Db } from '../../src/store/db.js';
import { generateMessage, generateReply } from '../helpers/message-generator.js';
import { ingestWithHooks } from './store-helpers.js';

const config = configFromValue(
  {
    meetings: [
      {
        id: 'mirage',
        name: 'MirageOS call',
        zone: 'Europe/London',
        schedule: '2025-01-08T16:00/P14D',
        lists: ['devel.lists.example.org'],
        agenda: { subjectTags: ['[agenda]'] },
      },
    ],
  },
  null,
);
const LIST = '<devel.lists.example.org>';
const NOW = Date.UTC(2025, 0, 15);
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

const ingest = (raws: Buffer[]): Promise<void> => ingestWithHooks(db, config, raws, NOW);

const topic = (
  id: string,
  subject: string,
  date: string,
  from = 'Alice <alice@example.org>',
  body = 'I would like to talk about this on the next call.\n',
) => generateMessage({ messageId: id, subject, date, from, listId: LIST, body });

describe('extraction at ingest', () => {
  it('adds items for tagged topics and supporters for +1 replies, and nothing without meetings', async () => {
    await ingest([
      topic('t1@x', '[agenda] TLS stack update', 'Fri, 10 Jan 2025 12:00:00 +0000'),
      generateReply('r1@x', ['t1@x'], {
        subject: 'Re: [agenda] TLS stack update',
        date: 'Fri, 10 Jan 2025 13:00:00 +0000',
        from: 'Bob <bob@example.org>',
        listId: LIST,
        body: '+1\n\n> I would like to talk about this\n',
      }),
      topic('t2@x', '[agenda] Xen 4.20 support', 'Fri, 10 Jan 2025 14:00:00 +0000'),
      topic(
        'n1@x',
        'Build failure on arm64',
        'Fri, 10 Jan 2025 15:00:00 +0000',
        'Alice <alice@example.org>',
        'The build fails on arm64 since yesterday; log attached.\n',
      ),
    ]);
    const items = listItems(db);
    expect(items.map((i) => [i.title, i.occurrenceKey, i.messageIds])).toEqual([
      ['TLS stack update', 'mirage/2025-01-22', ['t1@x']],
      ['Xen 4.20 support', 'mirage/2025-01-22', ['t2@x']],
    ]);
    expect(items[0]!.supporters).toEqual(['Bob <bob@example.org>']);

    const bare = openDb(':memory:');
    expect(await afterStoreHooks(configFromValue({}, null), bare)).toEqual([]);
    bare.close();
  });

  it('a re-extraction over a reviewed agenda, with new mail, changes no reviewed item', async () => {
    await ingest([
      topic('t1@x', '[agenda] TLS stack update', 'Fri, 10 Jan 2025 12:00:00 +0000'),
      topic('t2@x', '[agenda] Xen 4.20 support', 'Fri, 10 Jan 2025 14:00:00 +0000'),
      topic('t3@x', '[agenda] Website redesign', 'Fri, 10 Jan 2025 15:00:00 +0000'),
    ]);
    const [tls, xen, web] = listItems(db).map((i) => i.id);
    const c = { actor: 'amir', now: NOW, meetings: config.meetings };
    accept(db, tls!, c);
    edit(db, xen!, { title: 'Xen 4.20', presenter: 'Anil' }, c);
    accept(db, xen!, c, { position: 1 });
    reject(db, web!, 'not this time', c);
    const reviewed = () => db.prepare('SELECT * FROM agenda_items WHERE id IN (?, ?, ?) ORDER BY id').all(tls, xen, web);
    const before = reviewed();

    // New mail: a resend of a reviewed topic, a +1 on one, a topic with the edited item's
    // original title from someone else, and a brand new topic.
    await ingest([
      topic('t1-resend@x', '[agenda] TLS stack update', 'Sat, 11 Jan 2025 09:00:00 +0000', 'Carol <carol@example.org>'),
      generateReply('r2@x', ['t2@x'], {
        subject: 'Re: [agenda] Xen 4.20 support',
        date: 'Sat, 11 Jan 2025 10:00:00 +0000',
        from: 'Dave <dave@example.org>',
        listId: LIST,
        body: '+1\n',
      }),
      topic('t2-again@x', '[agenda] Xen 4.20 support', 'Sat, 11 Jan 2025 11:00:00 +0000', 'Eve <eve@example.org>'),
      topic('t4@x', '[agenda] Solo5 release', 'Sat, 11 Jan 2025 12:00:00 +0000'),
    ]);
    const summary = await reextract(db, { meetings: config.meetings, now: () => NOW + 1000 });
    expect(summary).toMatchObject({ messages: 7, created: 0, failed: 0 });

    expect(reviewed()).toEqual(before); // every column of every reviewed item
    expect(getItem(db, tls!)!.supporters).toContain('Carol <carol@example.org>');
    expect(getItem(db, xen!)!.supporters).toEqual(expect.arrayContaining(['Dave <dave@example.org>', 'Eve <eve@example.org>']));
    const inbox = listItems(db, { states: ['proposed'] });
    expect(inbox.map((i) => i.title)).toEqual(['Solo5 release']);
  });
});
