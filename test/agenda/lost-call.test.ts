/**
 * Replies to a call for agenda items the archive does not hold (the mirror or the subscription
 * starts after it): the thread's "Re:" subject still names the call, so explicit proposals in the
 * replies go on the call it names; the opening-sentence guess, which trusts a direct answer to a
 * known call, is not used. Imported through the product path, read back as `agenda list` does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listItems } from '../../src/agenda/items/reader.js';
import { configFromValue } from '../../src/config/load.js';
import { openDb, type Db } from '../../src/store/db.js';
import type { GenerateOptions } from '../helpers/message-generator.js';
import { tempDir } from '../helpers/tmp.js';
import { importListMail } from './store-helpers.js';

const LIST = 'qemu-devel.example.org';
const dir = tempDir();
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

const meetings = configFromValue(
  {
    meetings: [
      {
        id: 'kvm-call',
        name: 'KVM call',
        zone: 'Europe/Berlin',
        schedule: '2023-11-28T15:00/P14D',
        chairs: ['Juan Chair <juan@example.org>'],
        lists: [LIST],
        agenda: { aliases: ['KVM call'], calls: '/conference call for (agenda for )?\\d{4}-\\d{2}-\\d{2}/i' },
      },
    ],
  },
  null,
).meetings;

const load = (mails: GenerateOptions[]): Promise<void> => importListMail(db, dir, LIST, mails, meetings, Date.UTC(2023, 11, 1));

const reply = (body: string, extra: Partial<GenerateOptions> = {}): GenerateOptions => ({
  from: 'Zhao Member <zhao@example.org>',
  subject: 'Re: QEMU developers fortnightly conference call for agenda for 2023-12-12',
  inReplyTo: '<calendar-lost@google.com>',
  date: 'Mon, 11 Dec 2023 21:29:24 +0800',
  body,
  ...extra,
});

describe('replies to a call the archive lacks', () => {
  it('put their explicit proposals on the call the subject names', async () => {
    // qemu-devel 2023-12-11: the calendar invitation that asked for topics is not in the mirror.
    await load([reply('Hi Juan,\n\nI want to talk about the RFC about QOM topology:\nhttps://lore.example.org/1/\n\nThanks,\nZhao\n')]);
    expect(listItems(db, { now: Date.UTC(2023, 11, 1) }).map((i) => [i.occurrenceKey, i.title])).toEqual([
      ['kvm-call/2023-12-12', 'The RFC about QOM topology'],
    ]);
  });

  it('give no topic from an opening sentence, which only a known call makes an answer', async () => {
    await load([reply('Hi Juan,\n\nKVM Forum is on Wednesday, so people will be travelling on Tuesday.\n')]);
    expect(listItems(db, { now: Date.UTC(2023, 11, 1) })).toEqual([]);
  });

  it("read the chair's own copy of the lost call, quoted in a reply that names it without In-Reply-To", async () => {
    // xen-devel 2019-12-03: "Correction: the meeting is this Thursday", the call quoted below it.
    const body =
      'Correction: the call is on Tuesday the 12th\n\nOn 10/12/2023, 20:05, "Juan Chair" <juan@example.org> wrote:\n\n' +
      '    Dear all,\n\n    the agenda so far:\n\n    - QOM topology\n    - Rust bindings\n\n    Juan\n';
    await load([reply(body, { from: 'Juan Chair <juan@example.org>', inReplyTo: undefined, date: 'Sun, 10 Dec 2023 21:29:24 +0100' })]);
    expect(listItems(db, { now: Date.UTC(2023, 11, 1) }).map((i) => [i.occurrenceKey, i.title])).toEqual([
      ['kvm-call/2023-12-12', 'QOM topology'],
      ['kvm-call/2023-12-12', 'Rust bindings'],
    ]);
  });

  it("read a member's mail sent under the call's own subject, its mailer having dropped In-Reply-To and 'Re:'", async () => {
    // ILUGC 2002: "[Ilugc] Agenda?" from a member's webmail, a new thread answering the chair's call.
    const chairCall: GenerateOptions = {
      from: 'Juan Chair <juan@example.org>',
      messageId: 'call-1212@example.org',
      subject: 'QEMU developers fortnightly conference call for agenda for 2023-12-12',
      date: 'Fri, 08 Dec 2023 10:00:00 +0100',
      body: 'Please send your topics.\n',
    };
    const answer = reply('I would like to give some introduction about OpenSSL, OpenCA and PKI.\n', {
      subject: 'QEMU developers fortnightly conference call for agenda for 2023-12-12',
      inReplyTo: undefined,
    });
    await load([chairCall, answer]);
    expect(listItems(db, { now: Date.UTC(2023, 11, 1) }).map((i) => [i.occurrenceKey, i.title])).toEqual([
      ['kvm-call/2023-12-12', 'OpenSSL, OpenCA and PKI'],
    ]);
  });

  it("read a member's mail under the call's subject that quotes the call the archive lacks", async () => {
    // spi-general 2007: "Neil McGovern wrote:" over the quoted reminder, then two numbered requests.
    const body =
      'Juan Chair <juan at example.org> wrote:\n> The agenda for the meeting is open for additions.\n\n' +
      'I would like to discuss the Rust bindings for the block layer.\n';
    const subject = 'QEMU developers fortnightly conference call for agenda for 2023-12-12';
    await load([reply(body, { subject, inReplyTo: undefined })]);
    expect(listItems(db, { now: Date.UTC(2023, 11, 1) }).map((i) => [i.occurrenceKey, i.title])).toEqual([
      ['kvm-call/2023-12-12', 'The Rust bindings for the block layer'],
    ]);
    // Without the quote it is a member's look-alike with no call before it: no one's (issue 8, "Trust").
    db = openDb(':memory:');
    await load([reply('I would like to discuss the Rust bindings for the block layer.\n', { subject, inReplyTo: undefined })]);
    expect(listItems(db, { now: Date.UTC(2023, 11, 1) })).toEqual([]);
  });
});
