import { beforeEach, describe, expect, it } from 'vitest';
import { listItems } from '../../src/agenda/items/reader.js';
import { reextract } from '../../src/agenda/items/reextract.js';
import { configFromValue } from '../../src/config/load.js';
import { occurrencesBetween } from '../../src/meetings/occurrences.js';
import { moveOccurrence } from '../../src/meetings/overrides.js';
import { readLog } from '../../src/store/audit.js';
import { openDb, type Db } from '../../src/store/db.js';
import { generateMessage, generateReply } from '../helpers/message-generator.js';
import { ingestWithHooks } from './store-helpers.js';

// A weekly call whose chair posts "[ANNOUNCE] PUCK Agenda - <date>" and, when it is off,
// "[ANNOUNCE] PUCK Agenda - <date> - CANCELED" (kvm@vger 2025, the shape of the real notices).
const config = configFromValue(
  {
    meetings: [
      {
        id: 'puck',
        name: 'PUCK',
        zone: 'America/Los_Angeles',
        schedule: '2025-03-12T06:00/P7D',
        chairs: ['Sean Christopherson <seanjc@google.com>'],
        lists: ['kvm.vger.kernel.org'],
        agenda: { aliases: ['PUCK'], calls: '/\\[ANNOUNCE\\] PUCK Agenda/i' },
      },
    ],
  },
  null,
);
const puck = config.meetings[0]!;
const LIST = '<kvm.vger.kernel.org>';
const CHAIR = 'Sean Christopherson <seanjc@google.com>';
const NOW = Date.UTC(2025, 3, 10);
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

const ingest = (raws: Buffer[]): Promise<void> => ingestWithHooks(db, config, raws, NOW);

const notice = (id: string, subject: string, date: string, from = CHAIR, body = 'PUCK is canceled this week.\n') =>
  generateMessage({ messageId: id, subject, date, from, listId: LIST, body });
const reply = (id: string, parent: string, subject: string, date: string, body: string) =>
  generateReply(id, [parent], { subject, date, from: 'Vishal <vannapurve@google.com>', listId: LIST, body });

const keys = () => occurrencesBetween(db, puck, Date.UTC(2025, 2, 10), Date.UTC(2025, 3, 10)).map((o) => o.key);

describe("a chair's cancellation notice", () => {
  it('cancels the call it names, and a topic put in answer to it goes to the next call held', async () => {
    await ingest([
      notice('c19@x', '[ANNOUNCE] PUCK Agenda - 2025.03.19 - CANCELED', 'Wed, 19 Mar 2025 00:23:00 +0000'),
      reply(
        'v@x',
        'c19@x',
        'Re: [ANNOUNCE] PUCK Agenda - 2025.03.19 - CANCELED',
        'Wed, 19 Mar 2025 01:56:00 +0000',
        'We would like to discuss base TDX KVM support readiness for the 6.15 merge window in the next available session.\n',
      ),
      notice('c26@x', '[ANNOUNCE] PUCK Agenda - 2025.03.26 - CANCELED', 'Tue, 25 Mar 2025 23:00:00 +0000'),
    ]);
    expect(keys()).toEqual(['puck/2025-03-12', 'puck/2025-04-02', 'puck/2025-04-09']);
    const [item] = listItems(db);
    // Put to the cancelled 03.19 call, it went to 03.26; cancelled in turn, on to 04.02.
    expect(item?.title).toMatch(/TDX KVM support readiness/);
    expect(item?.occurrenceKey).toBe('puck/2025-04-02');
    const cancels = readLog(db, { meetingId: 'puck' }).filter((e) => e.action === 'meeting.cancel');
    expect(cancels.map((e) => [e.occurrenceKey, e.actor])).toEqual([
      ['puck/2025-03-19', 'mail <c19@x>'],
      ['puck/2025-03-26', 'mail <c26@x>'],
    ]);
  });

  it('moves what the notice itself lists on to the next call, keeping the cancelled one as where it was put', async () => {
    await ingest([
      notice(
        'c28@x',
        '[ANNOUNCE] PUCK Agenda - 2025.03.19 - CANCELED',
        'Tue, 18 Mar 2025 23:06:54 +0000',
        CHAIR,
        'No topic this week.\n\nFor future topics, a few things on my radar:\n\n - Overhauling the gfn_to_pfn() APIs.\n\n - KVM + UFFD scalability.\n',
      ),
    ]);
    const items = listItems(db);
    expect(items.map((i) => [i.occurrenceKey, i.deferredFrom])).toEqual([
      ['puck/2025-03-26', 'puck/2025-03-19'],
      ['puck/2025-03-26', 'puck/2025-03-19'],
    ]);
  });

  it('is not taken from a member, from a reply, or for a whole series; a decision already taken stands', async () => {
    await ingest([
      notice('m@x', '[ANNOUNCE] PUCK Agenda - 2025.03.19 - CANCELED', 'Wed, 19 Mar 2025 00:23:00 +0000', 'Mallory <m@evil.example>'),
      notice('r@x', 'Re: [ANNOUNCE] PUCK Agenda - 2025.03.26 - CANCELED', 'Tue, 25 Mar 2025 23:00:00 +0000'),
      notice(
        's@x',
        '[ANNOUNCE] PUCK Agenda - 2025.04.02 - CANCELED',
        'Tue, 01 Apr 2025 23:00:00 +0000',
        CHAIR,
        'Cancelling the recurring PUCK series.\n',
      ),
    ]);
    expect(keys()).toEqual(['puck/2025-03-12', 'puck/2025-03-19', 'puck/2025-03-26', 'puck/2025-04-02', 'puck/2025-04-09']);

    // The operator reinstated 04.09 by hand (moved it back to its own time): the chair's later
    // notice does not undo that, and re-running extraction changes nothing.
    const apr9 = occurrencesBetween(db, puck, Date.UTC(2025, 3, 9), Date.UTC(2025, 3, 10))[0]!;
    moveOccurrence(db, puck, apr9, apr9.start + 3_600_000, { actor: 'operator', now: NOW });
    await ingest([notice('c9@x', '[ANNOUNCE] PUCK Agenda - 2025.04.09 - CANCELED', 'Tue, 08 Apr 2025 23:00:00 +0000')]);
    expect(keys()).toContain('puck/2025-04-09');
    await reextract(db, { meetings: config.meetings, now: () => NOW });
    expect(keys()).toContain('puck/2025-04-09');
  });
});
