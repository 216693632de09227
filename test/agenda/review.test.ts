import { beforeEach, describe, expect, it } from 'vitest';
import { agendaFor, getItem, listItems } from '../../src/agenda/items/reader.js';
import { readLog } from '../../src/store/audit.js';
import { accept, addItem, canMove, defer, edit, markDone, merge, move, reject, withdraw } from '../../src/agenda/items/review.js';
import { addCandidate, addSupport } from '../../src/agenda/items/record.js';
import { findOccurrence } from '../../src/meetings/occurrences.js';
import { cancelOccurrence } from '../../src/meetings/overrides.js';
import type { Db } from '../../src/store/db.js';
import { cand, freshDb, mirage, rctx, wctx } from './store-helpers.js';

let db: Db;
beforeEach(() => {
  db = freshDb();
});
const add = (title: string, date = '2025-01-10T12:00', extra = {}) => addCandidate(db, cand(title, date, extra), wctx()).itemId!;
const occ = (d: string) => findOccurrence(db, mirage, d)!;
const titles = (items: readonly { title: string }[]) => items.map((i) => i.title);

describe('state machine', () => {
  it('allows the documented moves only', () => {
    expect(canMove('proposed', 'accepted')).toBe(true);
    expect(canMove('accepted', 'done')).toBe(true);
    expect(canMove('proposed', 'done')).toBe(false);
    expect(canMove('done', 'accepted')).toBe(false);
    expect(canMove('merged', 'accepted')).toBe(false);
    expect(canMove('rejected', 'accepted')).toBe(true);
  });

  it('refuses an illegal action with a clear message', () => {
    const a = add('Topic A');
    expect(() => markDone(db, a, rctx())).toThrow('agenda: item 1 is proposed; cannot mark done it');
    reject(db, a, 'off topic', rctx());
    expect(() => withdraw(db, a, null, rctx())).toThrow(/item 1 is rejected; cannot withdraw/);
    expect(() => accept(db, 99, rctx())).toThrow('agenda: no item 99');
  });
});

describe('review actions', () => {
  it('accepts in order, moves, and closes gaps', () => {
    const [a, b, c] = [add('Topic A'), add('Topic B'), add('Topic C')];
    accept(db, a, rctx());
    accept(db, b, rctx());
    accept(db, c, rctx(), { position: 1 });
    expect(titles(agendaFor(db, mirage, occ('2025-01-22')).agenda)).toEqual(['Topic C', 'Topic A', 'Topic B']);
    move(db, b, 1, rctx());
    expect(agendaFor(db, mirage, occ('2025-01-22')).agenda.map((i) => [i.title, i.position])).toEqual([
      ['Topic B', 1],
      ['Topic C', 2],
      ['Topic A', 3],
    ]);
    reject(db, c, 'covered elsewhere', rctx());
    expect(agendaFor(db, mirage, occ('2025-01-22')).agenda.map((i) => [i.title, i.position])).toEqual([
      ['Topic B', 1],
      ['Topic A', 2],
    ]);
    expect(getItem(db, c)).toMatchObject({ state: 'rejected', reason: 'covered elsewhere', position: null });
    expect(() => move(db, c, 1, rctx())).toThrow(/only accepted items have a position/);
  });

  it('defers to the next occurrence, where it shows as carried over', () => {
    const a = add('Topic A');
    const d = defer(db, a, rctx());
    expect(d).toMatchObject({ state: 'deferred', occurrenceKey: 'mirage/2025-02-05', deferredFrom: 'mirage/2025-01-22' });
    expect(agendaFor(db, mirage, occ('2025-01-22')).awaiting).toEqual([]);
    const next = agendaFor(db, mirage, occ('2025-02-05'));
    expect(titles(next.carriedOver)).toEqual(['Topic A']);
    accept(db, a, rctx());
    expect(titles(agendaFor(db, mirage, occ('2025-02-05')).agenda)).toEqual(['Topic A']);
  });

  it('rolls accepted-not-done items over to the next call, past cancelled ones, one call at a time', () => {
    const [a, b] = [add('Topic A'), add('Topic B')];
    accept(db, a, rctx());
    accept(db, b, rctx());
    markDone(db, a, rctx());
    cancelOccurrence(db, mirage, occ('2025-02-05'), { actor: 'chair', now: 0 });
    expect(titles(agendaFor(db, mirage, occ('2025-02-19')).carriedOver)).toEqual(['Topic B']); // 02-05 was cancelled
    expect(titles(agendaFor(db, mirage, occ('2025-03-05')).carriedOver)).toEqual([]); // 02-19 was held
  });

  it('accepted-not-done items are carried until placed or done', () => {
    const [a, b] = [add('Topic A'), add('Topic B')];
    accept(db, a, rctx());
    accept(db, b, rctx());
    markDone(db, a, rctx());
    const next = agendaFor(db, mirage, occ('2025-02-05'));
    expect(titles(next.carriedOver)).toEqual(['Topic B']);
    expect(titles(agendaFor(db, mirage, occ('2025-01-22')).agenda)).toEqual(['Topic A', 'Topic B']); // the call's record
    accept(db, b, rctx(), { occurrenceKey: 'mirage/2025-02-05' });
    expect(titles(agendaFor(db, mirage, occ('2025-02-05')).agenda)).toEqual(['Topic B']);
    expect(agendaFor(db, mirage, occ('2025-02-05')).carriedOver).toEqual([]);
    expect(agendaFor(db, mirage, occ('2025-01-22')).agenda.map((i) => [i.title, i.position])).toEqual([['Topic A', 1]]);
  });

  it('agendaFor gives standing items and the inbox, late ones flagged', () => {
    add('Early');
    add('Late one', '2025-01-21T20:00'); // within 24h of 2025-01-22: stays on it, marked late (issue 8)
    const view = agendaFor(db, mirage, occ('2025-01-22'));
    expect(view.standing).toEqual([{ title: 'Quality and Test', standing: true }]);
    expect(view.awaiting.map((i) => [i.title, i.late])).toEqual([
      ['Early', false],
      ['Late one', true],
    ]);
    expect(view).toMatchObject({ meetingId: 'mirage', meetingName: 'MirageOS call' });
  });

  it('edits mark the item chair-edited and are logged with before and after', () => {
    const a = add('Topc A');
    edit(db, a, { title: 'Topic A, fixed', presenter: 'Bob', durationMinutes: 20 }, rctx());
    expect(getItem(db, a)).toMatchObject({
      title: 'Topic A, fixed',
      presenter: 'Bob',
      durationMinutes: 20,
      chairEdited: true,
      state: 'proposed',
    });
    const log = readLog(db, { itemId: a, includeExtraction: false });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: 'chair',
      action: 'edit',
      before: { title: 'Topc A' },
      after: { title: 'Topic A, fixed', presenter: 'Bob' },
    });
    expect(() => edit(db, a, {}, rctx())).toThrow(/edit needs/);
  });

  it('merges: sources move, the other item is merged and later duplicates join the kept one', () => {
    const a = add('TLS stack', '2025-01-10T12:00', { messageId: 'a@x' });
    const b = add('Transport layer security work', '2025-01-10T13:00', { messageId: 'b@x' });
    addSupport(db, { meetingId: 'mirage', threadId: null, parentMid: 'b@x', messageId: 'plus@x', supporter: 'P <p@x>' }, wctx());
    const kept = merge(db, a, [b], rctx());
    expect(kept.messageIds).toEqual(['a@x', 'b@x']);
    expect(kept.supporters).toContain('P <p@x>');
    expect(getItem(db, b)).toMatchObject({ state: 'merged', mergedInto: a });
    expect(addCandidate(db, cand('Transport layer security work', '2025-01-11T12:00', { messageId: 'c@x' }), wctx()).itemId).toBe(a);
    expect(() => merge(db, a, [a], rctx())).toThrow(/into itself/);
  });

  it('withdraw and the chair adding an item nobody mailed', () => {
    const a = add('Topic A');
    withdraw(db, a, 'proposer dropped it', rctx());
    const added = addItem(db, mirage, occ('2025-01-22'), { title: 'Release planning', presenter: 'Chair' }, rctx());
    expect(added).toMatchObject({ state: 'accepted', position: 1, rule: null, proposer: 'chair', messageIds: [] });
    const inbox = addItem(db, mirage, occ('2025-01-22'), { title: 'Maybe later', proposed: true }, rctx());
    expect(inbox.state).toBe('proposed');
    expect(readLog(db, { includeExtraction: false }).map((e) => e.action)).toEqual(['withdraw', 'add', 'add']);
  });
});

describe('the extraction invariant', () => {
  it('re-extraction, with new mail, changes no reviewed item', () => {
    const ids = {
      accepted: add('Accepted topic', '2025-01-10T12:00', { messageId: 'acc@x', threadId: 1 }),
      edited: add('Edited topc', '2025-01-10T12:00', { messageId: 'ed@x', threadId: 2 }),
      rejected: add('Rejected topic', '2025-01-10T12:00', { messageId: 'rej@x', threadId: 3 }),
      deferred: add('Deferred topic', '2025-01-10T12:00', { messageId: 'def@x', threadId: 4 }),
    };
    accept(db, ids.accepted, rctx());
    edit(db, ids.edited, { title: 'Edited topic (fixed)' }, rctx());
    accept(db, ids.edited, rctx(), { position: 1 });
    reject(db, ids.rejected, 'no', rctx());
    defer(db, ids.deferred, rctx());
    const snapshot = () => db.prepare('SELECT * FROM agenda_items ORDER BY id').all();
    const before = snapshot();

    // Re-run: the same candidates again, resends and link duplicates of reviewed items, support
    // replies, and brand new mail.
    const again = [
      cand('Accepted topic', '2025-01-10T12:00', { messageId: 'acc@x', threadId: 1 }),
      cand('Edited topc', '2025-01-10T12:00', { messageId: 'ed@x', threadId: 2 }),
      cand('Rejected topic', '2025-01-10T12:00', { messageId: 'rej@x', threadId: 3 }),
      cand('Deferred topic', '2025-01-10T12:00', { messageId: 'def@x', threadId: 4 }),
      cand('ACCEPTED topic!', '2025-01-12T12:00', { messageId: 'resend@x', threadId: 5, proposer: 'Zed <z@x>' }),
      cand('Edited topc', '2025-01-12T12:00', {
        messageId: 'resend2@x',
        threadId: 6,
        title: 'Edited topc',
        presenter: 'Someone',
        durationMinutes: 99,
      }),
      cand('Brand new topic', '2025-01-13T12:00', { messageId: 'new@x', threadId: 7 }),
    ];
    const results = again.map((c) => addCandidate(db, c, wctx(Date.UTC(2025, 0, 20))));
    addSupport(db, { meetingId: 'mirage', threadId: 1, parentMid: 'acc@x', messageId: 'plus@x', supporter: 'Y <y@x>' }, wctx());

    expect(results.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'joined', 'joined', 'created']);
    const after = snapshot();
    expect(after.slice(0, before.length)).toEqual(before); // every column of every reviewed item, byte for byte
    expect(after).toHaveLength(before.length + 1);
    expect(getItem(db, results[6]!.itemId!)).toMatchObject({ state: 'proposed', title: 'Brand new topic' });
    expect(getItem(db, ids.accepted)!.supporters).toEqual(['Zed <z@x>', 'Y <y@x>']);
    expect(listItems(db, { states: ['proposed'] })).toHaveLength(1);
  });
});
