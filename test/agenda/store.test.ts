import { beforeEach, describe, expect, it } from 'vitest';
import { getItem, listItems } from '../../src/agenda/items/reader.js';
import { readLog } from '../../src/store/audit.js';
import { addCandidate, addSupport, recordExtraction } from '../../src/agenda/items/record.js';
import type { Db } from '../../src/store/db.js';
import { edit } from '../../src/agenda/items/review.js';
import { cand, freshDb, rctx, wctx } from './store-helpers.js';

let db: Db;
beforeEach(() => {
  db = freshDb();
});

describe('addCandidate', () => {
  it('creates an inbox item on the next occurrence with its provenance', () => {
    const r = addCandidate(
      db,
      cand('Unikernel TLS stack', '2025-01-10T12:00', {
        messageId: 'a@x',
        presenter: 'Bob',
        durationMinutes: 15,
        links: ['https://github.com/mirage/ocaml-tls/pull/1'],
      }),
      wctx(),
    );
    expect(r.action).toBe('created');
    const item = getItem(db, r.itemId!)!;
    expect(item).toMatchObject({
      meetingId: 'mirage',
      occurrenceKey: 'mirage/2025-01-22',
      state: 'proposed',
      position: null,
      title: 'Unikernel TLS stack',
      proposer: 'Alice <alice@example.org>',
      presenter: 'Bob',
      durationMinutes: 15,
      rule: 'subject-tag',
      late: false,
      messageIds: ['a@x'],
    });
    expect(readLog(db).map((e) => e.action)).toEqual(['extract.add']);
  });

  it('marks a proposal inside the cutoff late and keeps it on its call (issue 8: the cutoff moves nothing)', () => {
    const r = addCandidate(db, cand('Late topic', '2025-01-21T18:00'), wctx());
    expect(getItem(db, r.itemId!)).toMatchObject({ occurrenceKey: 'mirage/2025-01-22', late: true });
  });

  it('honours a named date', () => {
    const r = addCandidate(
      db,
      cand('Named', '2025-01-10T12:00', { mentions: [{ source: 'text', text: 'Feb 19', dates: ['2025-02-19'] }] }),
      wctx(),
    );
    expect(getItem(db, r.itemId!)!.occurrenceKey).toBe('mirage/2025-02-19');
  });

  it('keeps apart two items of one mail that cite the same page', () => {
    // openbmc security WG 2020-08-05: "Review/create OpenBMC security policy: <url>" and "Make
    // OpenBMC security advisories available under: <url>", the same url.
    const url = 'https://github.com/openbmc/openbmc/security';
    const policy = addCandidate(db, cand('Review OpenBMC security policy', '2025-01-10T12:00', { messageId: 'r@x', links: [url] }), wctx());
    const advisories = addCandidate(db, cand('Make advisories available', '2025-01-10T12:00', { messageId: 'r@x', links: [url] }), wctx());
    expect(advisories.action).toBe('created');
    expect(advisories.itemId).not.toBe(policy.itemId);
  });

  it('keeps apart two tagged proposals of their own threads whose titles only overlap (ksummit 2023)', () => {
    const timing = addCandidate(db, cand('Timing of releases and their impact on maintainer burnout', '2025-01-10T12:00'), wctx());
    const burnout = addCandidate(db, cand('Maintainer burnout', '2025-01-11T12:00'), wctx());
    expect(burnout.action).toBe('created');
    // ... while a chair's list restating the longer one in fewer words still joins it.
    const listed = addCandidate(db, cand('Timing of releases', '2025-01-12T12:00', { rule: 'chair-call' }), wctx());
    expect([listed.action, listed.itemId]).toEqual(['joined', timing.itemId]);
  });

  it('joins a member saying the same wish again in the thread, but not another member or a tagged proposal', () => {
    // git 2015, replies to the contributor summit's announcement: Stefan twice, in other words.
    const reply = { rule: 'call-reply' as const, threadId: 7, proposer: 'Stefan <stefan@example.org>' };
    const first = addCandidate(db, cand('The next git version protocol(s?)', '2025-01-10T12:00', reply), wctx());
    const again = addCandidate(db, cand('The git pack protocol v2', '2025-01-11T12:00', reply), wctx());
    expect([again.action, again.itemId]).toEqual(['joined', first.itemId]);
    // Another member's wish on a word of it is a topic of its own...
    const other = addCandidate(db, cand('Protocol scaling', '2025-01-11T13:00', { ...reply, proposer: 'Ava <ava@example.org>' }), wctx());
    expect(other.action).toBe('created');
    // ... as is the member's next tagged proposal, and a wish sharing no word of substance.
    const tagged = { rule: 'subject-tag' as const, threadId: 8, proposer: 'Tom <tom@example.org>' };
    addCandidate(db, cand('Ensure mainline regressions are fixed in stable', '2025-01-10T12:00', tagged), wctx());
    const second = addCandidate(db, cand('Better prevent backports causing regressions', '2025-01-10T13:00', tagged), wctx());
    expect(second.action).toBe('created');
    const unrelated = addCandidate(db, cand('Reftable backend', '2025-01-11T14:00', reply), wctx());
    expect(unrelated.action).toBe('created');
    // Words the series' other titles say too ("making ... the default") are no common substance (git 2019).
    const avar = { rule: 'call-reply' as const, threadId: 9, proposer: 'Avar <avar@example.org>' };
    addCandidate(
      db,
      cand('Making --merge of rebase the default', '2025-01-10T12:00', { ...avar, proposer: 'Eli <eli@example.org>' }),
      wctx(),
    );
    addCandidate(db, cand('Making commitGraph=true the default', '2025-01-10T13:00', avar), wctx());
    const fsck = addCandidate(db, cand('Making strict fsck checks on clone the default', '2025-01-11T12:00', avar), wctx());
    expect(fsck.action).toBe('created');
  });

  it('joins a restatement months later in the series, not one a year later (a new proposal for the next edition)', () => {
    const first = addCandidate(db, cand('Unikernel TLS stack', '2025-01-10T12:00', { messageId: 'a@x' }), wctx());
    // Six months on, the same topic raised again is still the one item (carried to its new call).
    const later = addCandidate(db, cand('Unikernel TLS stack', '2025-07-10T12:00', { messageId: 'b@x' }), wctx());
    expect([later.action, later.itemId]).toEqual(['joined', first.itemId]);
    // Ten months after that, it is put forward again as a new proposal.
    const nextYear = addCandidate(db, cand('Unikernel TLS stack', '2026-05-10T12:00', { messageId: 'c@x' }), wctx());
    expect(nextYear.action).toBe('created');
    expect(listItems(db)).toHaveLength(2);
  });

  it('merges near-duplicates: same normalised title, a resend, the same link', () => {
    const first = addCandidate(
      db,
      cand('Unikernel TLS stack', '2025-01-10T12:00', { messageId: 'a@x', links: ['https://github.com/mirage/ocaml-tls/pull/1'] }),
      wctx(),
    );
    const sameTitle = addCandidate(
      db,
      cand('unikernel TLS-stack!', '2025-01-11T12:00', { messageId: 'b@x', proposer: 'Carol <carol@example.org>' }),
      wctx(),
    );
    const resend = addCandidate(db, cand('Unikernel TLS stack', '2025-01-12T12:00', { messageId: 'c@x' }), wctx());
    const sameLink = addCandidate(
      db,
      cand('Review ocaml-tls PR', '2025-01-12T13:00', { messageId: 'd@x', links: ['https://github.com/mirage/ocaml-tls/pull/1/'] }),
      wctx(),
    );
    const other = addCandidate(db, cand('Something else', '2025-01-12T13:00', { messageId: 'e@x', links: ['https://github.com'] }), wctx());
    expect([sameTitle, resend, sameLink].map((r) => [r.action, r.itemId])).toEqual([
      ['joined', first.itemId],
      ['joined', first.itemId],
      ['joined', first.itemId],
    ]);
    expect(other.action).toBe('created');
    const item = getItem(db, first.itemId!)!;
    expect(item.messageIds).toEqual(['a@x', 'b@x', 'c@x', 'd@x']);
    expect(item.supporters).toEqual(['Carol <carol@example.org>']);
    expect(item.title).toBe('Unikernel TLS stack'); // the first title stays
    expect(listItems(db)).toHaveLength(2);
  });

  it("joins a chair's list crediting a member to that member's one proposal, in the chair's words", () => {
    // Audio miniconference 2019: Curtis proposed in prose; the chair's agenda lists "Use case
    // management enhancements (Curtis)". Daniel proposed two; the list credits him twice.
    const curtis = addCandidate(
      db,
      cand('The possibility of upstreaming some of the features', '2025-01-10T12:00', {
        rule: 'call-reply',
        proposer: 'Curtis Malainey <c@example.org>',
      }),
      wctx(),
    );
    const daniel = { rule: 'call-reply' as const, proposer: 'Daniel Baluta <d@example.org>' };
    const acpi = addCandidate(db, cand('ACPI and DT integration in the SOF driver', '2025-01-10T13:00', daniel), wctx());
    const builtin = addCandidate(db, cand('SOF driver: handling built-in driver use case', '2025-01-10T14:00', daniel), wctx());
    const chair = { rule: 'chair-call' as const, messageId: 'agenda@example.org', proposer: 'Mark <m@example.org>' };
    const listed = recordExtraction(
      db,
      {
        candidates: [
          cand('Use case management enhancements', '2025-01-11T12:00', { ...chair, presenter: 'Curtis' }),
          cand('SOF integration with ACPI and DT', '2025-01-11T12:00', { ...chair, presenter: 'Daniel' }),
          cand('SOF support for non-modular drivers', '2025-01-11T12:00', { ...chair, presenter: 'Daniel' }),
          cand('Virtualization', '2025-01-11T12:00', { ...chair, presenter: 'Liam' }),
        ],
        supports: [],
      },
      wctx(),
    );
    expect(listed.map((r) => r.itemId)).toEqual([curtis.itemId, acpi.itemId, builtin.itemId, expect.any(Number)]);
    expect(listed[3]!.action).toBe('created'); // Liam proposed nothing: a topic of the chair's own
    expect(getItem(db, curtis.itemId!)).toMatchObject({ title: 'Use case management enhancements', presenter: 'Curtis' });
    expect(getItem(db, builtin.itemId!)!.title).toBe('SOF support for non-modular drivers');
  });

  it("does not join a credit the member's proposals leave ambiguous, nor retitle an item the chair edited", () => {
    const patrick = { rule: 'call-reply' as const, proposer: 'Patrick Lai <p@example.org>' };
    addCandidate(db, cand('Gapless playback', '2025-01-10T12:00', patrick), wctx());
    addCandidate(db, cand('Buffer timestamps', '2025-01-10T13:00', patrick), wctx());
    const chair = { rule: 'chair-call' as const, proposer: 'Mark <m@example.org>' };
    const pcm = addCandidate(db, cand('PCM issues', '2025-01-11T12:00', { ...chair, presenter: 'Patrick' }), wctx(), true);
    expect(pcm.action).toBe('created');
    // The chair's own edit stands: a later list crediting the member joins, and the title stays.
    const jerome = addCandidate(
      db,
      cand('Amlogic use cases', '2025-01-10T12:00', { rule: 'call-reply', proposer: 'Jerome B <j@example.org>' }),
      wctx(),
    );
    edit(db, jerome.itemId!, { title: 'ASoC on Amlogic' }, rctx());
    const listed = addCandidate(db, cand('User experiences', '2025-01-11T12:00', { ...chair, presenter: 'Jerome' }), wctx(), true);
    expect([listed.action, listed.itemId]).toEqual(['joined', jerome.itemId]);
    expect(getItem(db, jerome.itemId!)!.title).toBe('ASoC on Amlogic');
  });

  it('is idempotent: the same candidate again changes nothing', () => {
    const c = cand('Unikernel TLS stack', '2025-01-10T12:00', { messageId: 'a@x' });
    const first = addCandidate(db, c, wctx());
    expect(addCandidate(db, c, wctx(Date.UTC(2025, 5, 1)))).toEqual({ action: 'unchanged', itemId: first.itemId });
    expect(listItems(db)).toHaveLength(1);
    expect(getItem(db, first.itemId!)!.sources).toHaveLength(1);
  });

  it('ignores candidates for unknown meetings', () => {
    expect(addCandidate(db, cand('X topic', '2025-01-10T12:00', { meetingId: 'nope' }), wctx()).action).toBe('ignored');
  });

  it('uses an explicit occurrenceStart', () => {
    const start = Date.UTC(2025, 1, 19, 16, 0);
    const r = addCandidate(db, cand('Pinned', '2025-01-10T12:00', { occurrenceStart: start }), wctx());
    expect(getItem(db, r.itemId!)!.occurrenceKey).toBe('mirage/2025-02-19');
  });
});

describe('addSupport', () => {
  it('adds a supporter to the item the parent proposed, once', () => {
    const r = addCandidate(db, cand('Unikernel TLS stack', '2025-01-10T12:00', { messageId: 'a@x', threadId: 7 }), wctx());
    const s = { meetingId: 'mirage', threadId: 7, parentMid: 'a@x', messageId: 'plus1@x', supporter: 'Dave <dave@example.org>' };
    expect(addSupport(db, s, wctx())).toEqual({ action: 'joined', itemId: r.itemId });
    expect(addSupport(db, s, wctx())).toEqual({ action: 'unchanged', itemId: r.itemId });
    expect(getItem(db, r.itemId!)).toMatchObject({ supporters: ['Dave <dave@example.org>'], messageIds: ['a@x'] });
  });

  it('falls back to the thread, and ignores support with no item', () => {
    const r = addCandidate(db, cand('Topic', '2025-01-10T12:00', { messageId: 'a@x', threadId: 9 }), wctx());
    // the thread is looked up through the stored source message's current thread id
    db.prepare(
      "INSERT INTO messages (mid, mid_source, hash, size, date_source, thread_id, added_at) VALUES ('a@x', 'header', 'h1', 1, 'none', 9, 0)",
    ).run();
    expect(
      addSupport(db, { meetingId: 'mirage', threadId: 9, parentMid: 'unknown@x', messageId: 's@x', supporter: 'E <e@x>' }, wctx()).itemId,
    ).toBe(r.itemId);
    expect(
      addSupport(db, { meetingId: 'mirage', threadId: 10, parentMid: null, messageId: 't@x', supporter: 'E <e@x>' }, wctx()).action,
    ).toBe('ignored');
  });

  it('recordExtraction writes candidates and supports together', () => {
    const results = recordExtraction(
      db,
      {
        candidates: [cand('One', '2025-01-10T12:00', { messageId: 'p@x', threadId: 3 })],
        supports: [{ meetingId: 'mirage', threadId: 3, parentMid: 'p@x', messageId: 'q@x', supporter: 'F <f@x>' }],
      },
      wctx(),
    );
    expect(results.map((r) => r.action)).toEqual(['created', 'joined']);
  });
});
