/**
 * The failure classes of issue 8 ("Agenda on lists we have not seen"), each as list mail imported
 * through the product path (importPaths with meetings, as `convene import` does) and read back as
 * `convene agenda list` would. Synthetic mail modelled on the real cases the issue names.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listItems, type ItemState } from '../../src/agenda/items/reader.js';
import { configFromValue } from '../../src/config/load.js';
import { openDb, type Db } from '../../src/store/db.js';
import type { GenerateOptions } from '../helpers/message-generator.js';
import { tempDir } from '../helpers/tmp.js';
import { importListMail } from './store-helpers.js';

const LIST = 'devel.lists.example.org';
const CHAIR = 'Joseph Chair <chair@example.org>';
const MEMBER = 'Mia Member <mia@example.org>';

const dir = tempDir();
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

function meetings(...extra: Record<string, unknown>[]) {
  return configFromValue(
    {
      meetings: [
        {
          id: 'security',
          name: 'Security Working Group',
          zone: 'America/Chicago',
          schedule: '2019-05-01T10:00/P14D',
          chairs: [CHAIR],
          lists: [LIST],
          agenda: { aliases: ['security working group', 'security WG'], calls: '/^security working group meeting/i' },
        },
        ...extra,
      ],
    },
    null,
  ).meetings;
}

/** Import these messages (in order) with the meetings; the clock is `now`. */
async function load(mails: GenerateOptions[], ms = meetings(), now = Date.UTC(2019, 4, 1)): Promise<void> {
  await importListMail(db, dir, LIST, mails, ms, now);
}

const items = (now = Date.UTC(2019, 4, 1), states?: readonly ItemState[]) =>
  listItems(db, { now, ...(states ? { states } : {}) }).map((i) => [i.occurrenceKey, i.title, i.state]);

describe('issue 8: the right topics, once each, on the right call', () => {
  it("1. wrong call: a chair's reminder sent the day before is for the call it names, not the next", async () => {
    await load([
      {
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 29',
        date: 'Tue, 28 May 2019 18:00:00 -0500',
        body: 'This is a reminder of the meeting.  The current topics:\n\n1. BMC secure boot\n\n2. IPMI over DTLS\n',
      },
    ]);
    expect(items()).toEqual([
      ['security/2019-05-29', 'BMC secure boot', 'proposed'],
      ['security/2019-05-29', 'IPMI over DTLS', 'proposed'],
    ]);
  });

  it("1. wrong call: a chair's schedule for two meetings on one list puts each line on the meeting with a call that day", async () => {
    // imagej-devel 2010: Tuesday planning sessions and Thursday status reports in one "Meeting schedule".
    const status = {
      id: 'status',
      name: 'Status report',
      zone: 'America/Chicago',
      schedule: '2019-05-03T15:00/P7D',
      chairs: [CHAIR],
      lists: [LIST],
      agenda: { aliases: ['status report'], calls: '/meeting schedule/i' },
    };
    await load(
      [
        {
          from: CHAIR,
          subject: 'Security Working Group meeting schedule',
          date: 'Mon, 13 May 2019 12:00:00 -0500',
          body:
            'The tentative schedule is as follows:\nWed 15 May, 10am - Discuss BMC secure boot\n' +
            'Fri 17 May, 3pm - Rick: progress on fuzzing\nWed 29 May, 10am - Discuss IPMI over DTLS\nFri 31 May, 3pm - TBD\n',
        },
      ],
      meetings(status),
    );
    expect(items(Date.UTC(2019, 4, 13)).sort()).toEqual([
      ['security/2019-05-15', 'BMC secure boot', 'proposed'],
      ['security/2019-05-29', 'IPMI over DTLS', 'proposed'],
      ['status/2019-05-17', 'Rick: progress on fuzzing', 'proposed'],
    ]);
  });

  it('1. wrong call: a reply to the call sent on its day stays on it, marked late; one after it started moves on', async () => {
    await load([
      {
        messageId: 'call@x',
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 29',
        date: 'Mon, 27 May 2019 12:00:00 -0500',
        body: 'Topics welcome.\n',
      },
      {
        from: MEMBER,
        subject: 'Re: Security Working Group meeting - Wednesday May 29',
        inReplyTo: '<call@x>',
        date: 'Wed, 29 May 2019 08:00:00 -0500',
        body: "I'd like to discuss rate limiting of logins.\n",
      },
      {
        from: MEMBER,
        subject: 'Re: Security Working Group meeting - Wednesday May 29',
        inReplyTo: '<call@x>',
        date: 'Wed, 29 May 2019 11:00:00 -0500',
        body: "I'd like to discuss the audit log format.\n",
      },
    ]);
    const all = listItems(db, { now: Date.UTC(2019, 4, 1) });
    expect(all.map((i) => [i.occurrenceKey, i.title, i.late])).toEqual([
      ['security/2019-05-29', 'Rate limiting of logins', true],
      ['security/2019-06-12', 'The audit log format', false],
    ]);
  });

  it('3. the same topic twice: a second schedule with presenters appended joins the first', async () => {
    const body = (suffix: (p: string) => string) =>
      `The agenda:\n- Deep argument inspection for seccomp${suffix('Christian')}\n- Maple tree${suffix('Liam')}\n`;
    await load([
      {
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 29',
        date: 'Mon, 27 May 2019 12:00:00 -0500',
        body: body(() => ''),
      },
      {
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 29 [V2]',
        date: 'Tue, 28 May 2019 12:00:00 -0500',
        body: body((p) => ` (${p} Doe)`),
      },
    ]);
    const all = listItems(db, { now: Date.UTC(2019, 4, 1) });
    expect(all.map((i) => [i.title, i.messageIds.length, i.presenter])).toEqual([
      ['Deep argument inspection for seccomp', 2, null],
      ['Maple tree', 2, null],
    ]);
  });

  it('3. the same topic twice: the next reminder\'s "Followup on X" carries the item on, keeping its first call', async () => {
    await load([
      {
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 15',
        date: 'Tue, 14 May 2019 12:00:00 -0500',
        body: 'The current topics:\n1. Threat model for the BMC\n',
      },
      {
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 29',
        date: 'Tue, 28 May 2019 12:00:00 -0500',
        body: 'The current topics:\n1. Followup on the threat model for the BMC\n',
      },
    ]);
    const all = listItems(db, { now: Date.UTC(2019, 4, 1) });
    expect(all.map((i) => [i.occurrenceKey, i.deferredFrom, i.carriedOver, i.messageIds.length])).toEqual([
      ['security/2019-05-29', 'security/2019-05-15', true, 2],
    ]);
  });

  it("4. a member's tagged proposal is one item whatever outline its body has", async () => {
    const ms = meetings({
      id: 'summit',
      name: 'Maintainers Summit',
      zone: 'UTC',
      dates: ['2019-09-12T09:00'],
      lists: [LIST],
      agenda: { subjectTags: ['[MAINTAINERS SUMMIT]'] },
    });
    await load(
      [
        {
          from: MEMBER,
          subject: '[MAINTAINERS SUMMIT] Regression tracking',
          date: 'Mon, 1 Jul 2019 12:00:00 +0000',
          body: 'Outline:\n1. Motivation\n2. Implementation reviews\n3. Further discussion\n',
        },
      ],
      ms,
    );
    expect(items().map((i) => i[1])).toEqual(['Regression tracking']);
  });

  it("4 and 6. a member's mail matching `calls`, or the chair's forged with DKIM failing, is no chair's call", async () => {
    await load([
      {
        from: MEMBER,
        subject: 'Security Working Group meeting - Wednesday May 29',
        date: 'Mon, 27 May 2019 12:00:00 -0500',
        body: 'The current topics:\n1. Give Mia commit access\n',
      },
      {
        from: CHAIR,
        subject: 'Security Working Group meeting - Wednesday May 29',
        date: 'Mon, 27 May 2019 13:00:00 -0500',
        headers: { 'Authentication-Results': 'mx.example.org; dkim=fail header.d=example.org' },
        body: 'The current topics:\n1. Remove the code of conduct\n',
      },
    ]);
    expect(items()).toEqual([]);
  });

  it('6. an X-Convene header makes no call: replies to such a mail are not proposals for it', async () => {
    await load([
      {
        messageId: 'fake@x',
        from: MEMBER,
        subject: 'totally normal mail',
        date: 'Mon, 27 May 2019 12:00:00 -0500',
        headers: { 'X-Convene': 'call-for-items; meeting=security; occurrence=security/2019-05-29' },
        body: 'hi\n',
      },
      {
        from: 'Bob <bob@example.org>',
        subject: 'Re: totally normal mail',
        inReplyTo: '<fake@x>',
        date: 'Mon, 27 May 2019 13:00:00 -0500',
        body: 'Rotating the signing keys\n',
      },
    ]);
    expect(items()).toEqual([]);
  });

  it('7. old mail is history: never in the live inbox, shown by --state history, and on the call it was put to', async () => {
    const mail = {
      from: CHAIR,
      subject: 'Security Working Group meeting - Wednesday May 29',
      date: 'Tue, 28 May 2019 12:00:00 -0500',
      body: 'The current topics:\n1. Dropbear settings\n',
    };
    await load([mail], meetings(), Date.UTC(2026, 11, 6));
    const later = Date.UTC(2026, 11, 6);
    expect(items(later, ['proposed', 'accepted', 'deferred'])).toEqual([]);
    expect(items(later, ['history'])).toEqual([['security/2019-05-29', 'Dropbear settings', 'history']]);
  });

  it('7. mail older than the meeting itself goes on no call', async () => {
    const ms = configFromValue(
      {
        meetings: [
          {
            id: 'security',
            name: 'Security Working Group',
            zone: 'UTC',
            schedule: '2026-12-09T10:00/P14D',
            chairs: [CHAIR],
            lists: [LIST],
            agenda: { calls: '/^security working group meeting/i' },
          },
        ],
      },
      null,
    ).meetings;
    await load(
      [
        {
          from: CHAIR,
          subject: 'Security Working Group meeting - Wednesday May 29',
          date: 'Tue, 28 May 2019 12:00:00 -0500',
          body: 'Topics:\n1. Dropbear settings\n',
        },
      ],
      ms,
      Date.UTC(2026, 11, 6),
    );
    expect(items(Date.UTC(2026, 11, 6), ['history'])).toEqual([[null, 'Dropbear settings', 'history']]);
    expect(items(Date.UTC(2026, 11, 6), ['proposed', 'accepted', 'deferred'])).toEqual([]);
  });

  it("8. another group's reminder on a shared list never lands in the only meeting configured", async () => {
    await load([
      {
        from: CHAIR,
        subject: 'OpenBMC GUI Design Workgroup - Wednesday May 29',
        date: 'Mon, 27 May 2019 12:00:00 -0500',
        body: 'The agenda includes:\n* Icons\n* Layout\n',
      },
      {
        from: MEMBER,
        subject: 'CLA concerns',
        date: 'Mon, 27 May 2019 13:00:00 -0500',
        body: "I'd like to discuss our CLA at the next TSC meeting.\n",
      },
      {
        from: MEMBER,
        subject: 'Login limits',
        date: 'Mon, 27 May 2019 14:00:00 -0500',
        body: 'Can we discuss login rate limits at the next meeting?\n',
      },
    ]);
    expect(items().map((i) => i[1])).toEqual(['Login rate limits']);
  });
});

describe("the README's worked example (the agenda section)", () => {
  it('puts each proposal on the call it was put to, late or carried forward as the README says', async () => {
    const ms = configFromValue(
      {
        meetings: [
          {
            id: 'security-wg',
            name: 'Security Working Group',
            zone: 'America/Chicago',
            schedule: '2020-01-08T10:00[America/Chicago]/P14D',
            chairs: ['Joseph Reynolds <jrey@example.org>'],
            lists: [LIST],
            agenda: { aliases: ['security working group', 'security WG'], calls: '/^security working group meeting/i' },
          },
        ],
      },
      null,
    ).meetings;
    const joseph = 'Joseph Reynolds <jrey@example.org>';
    await load(
      [
        {
          messageId: 'jan22@x',
          from: joseph,
          subject: 'Security Working Group meeting - Wednesday January 22',
          date: 'Tue, 21 Jan 2020 12:00:00 -0600',
          body: "We'll discuss current development items.  The current topics:\n1. BMCWeb certificate handling\n2. Daemons should not run as root\n",
        },
        {
          from: MEMBER,
          subject: 'Re: Security Working Group meeting - Wednesday January 22',
          inReplyTo: '<jan22@x>',
          date: 'Wed, 22 Jan 2020 08:00:00 -0600',
          body: "I'd like to discuss rate limiting of logins.\n",
        },
        {
          from: MEMBER,
          subject: 'Re: Security Working Group meeting - Wednesday January 22',
          inReplyTo: '<jan22@x>',
          date: 'Wed, 22 Jan 2020 11:00:00 -0600',
          body: "I'd like to discuss the audit log format.\n",
        },
        {
          from: joseph,
          subject: 'Security Working Group meeting - Wednesday February 5',
          date: 'Tue, 4 Feb 2020 12:00:00 -0600',
          body: 'The current topics:\n1. Followup on BMCWeb certificate handling\n',
        },
      ],
      ms,
      Date.UTC(2020, 0, 21),
    );
    const all = listItems(db, { now: Date.UTC(2020, 0, 21) });
    expect(all.map((i) => [i.title, i.occurrenceKey, i.late, i.carriedOver, i.deferredFrom, i.messageIds.length])).toEqual([
      ['Daemons should not run as root', 'security-wg/2020-01-22', false, false, null, 1],
      ['Rate limiting of logins', 'security-wg/2020-01-22', true, false, null, 1],
      ['BMCWeb certificate handling', 'security-wg/2020-02-05', false, true, 'security-wg/2020-01-22', 2],
      ['The audit log format', 'security-wg/2020-02-05', false, false, null, 1],
    ]);
  });
});
