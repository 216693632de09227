import { beforeEach, describe, expect, it } from 'vitest';
import { findOccurrence, nextOccurrence, occurrencesBetween } from '../../src/meetings/occurrences.js';
import { addOccurrence, cancelOccurrence, moveOccurrence } from '../../src/meetings/overrides.js';
import { openDb, type Db } from '../../src/store/db.js';
import { at, local, meeting } from './helpers.js';

const Z = 'Europe/London';
const mirage = meeting({ id: 'mirage', zone: Z, schedule: '2025-01-08T16:00/P14D', agenda: { cutoff: 'PT24H' } });
const c = { actor: 'tester', now: Date.UTC(2025, 0, 1) };
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

const keys = (from: string, to: string, includeCancelled = false) =>
  occurrencesBetween(db, mirage, at(from, Z), at(to, Z), { includeCancelled }).map(
    (o) => `${o.key}@${local(o.start, Z)}:${o.status}:${o.sequence}`,
  );

describe('overrides', () => {
  it('cancel hides an occurrence and keeps it reachable', () => {
    const occ = findOccurrence(db, mirage, '2025-01-22')!;
    cancelOccurrence(db, mirage, occ, c);
    expect(keys('2025-01-01T00:00', '2025-02-10T00:00')).toEqual([
      'mirage/2025-01-08@2025-01-08T16:00:scheduled:0',
      'mirage/2025-02-05@2025-02-05T16:00:scheduled:0',
    ]);
    expect(keys('2025-01-20T00:00', '2025-01-23T00:00', true)).toEqual(['mirage/2025-01-22@2025-01-22T16:00:cancelled:1']);
    expect(nextOccurrence(db, mirage, at('2025-01-09T00:00', Z))!.key).toBe('mirage/2025-02-05');
    expect(db.prepare('SELECT actor, action FROM agenda_log').all()).toEqual([{ actor: 'tester', action: 'meeting.cancel' }]);
  });

  it('move keeps the key, raises the sequence, and places it at the new start', () => {
    const occ = findOccurrence(db, mirage, '2025-01-22')!;
    const moved = moveOccurrence(db, mirage, occ, at('2025-01-23T10:00', Z), c);
    expect(moved).toMatchObject({ key: 'mirage/2025-01-22', status: 'moved', sequence: 1, originalStart: occ.start });
    expect(keys('2025-01-20T00:00', '2025-01-24T00:00')).toEqual(['mirage/2025-01-22@2025-01-23T10:00:moved:1']);
    // moved out of a window: absent there, present where it now is
    expect(keys('2025-01-22T00:00', '2025-01-23T00:00')).toEqual([]);
    const again = moveOccurrence(db, mirage, findOccurrence(db, mirage, 'mirage/2025-01-22')!, at('2025-01-24T10:00', Z), c);
    expect(again.sequence).toBe(2);
    expect(findOccurrence(db, mirage, '2025-01-24')).toMatchObject({ key: 'mirage/2025-01-22', sequence: 2 });
    // the original date still names it
    expect(findOccurrence(db, mirage, '2025-01-22')!.key).toBe('mirage/2025-01-22');
  });

  it('a move across weeks still shows up', () => {
    const occ = findOccurrence(db, mirage, '2025-01-22')!;
    moveOccurrence(db, mirage, occ, at('2025-03-01T10:00', Z), c);
    expect(keys('2025-02-25T00:00', '2025-03-06T00:00')).toEqual([
      'mirage/2025-01-22@2025-03-01T10:00:moved:1',
      'mirage/2025-03-05@2025-03-05T16:00:scheduled:0',
    ]);
    expect(findOccurrence(db, mirage, 'mirage/2025-01-22')!.start).toBe(at('2025-03-01T10:00', Z));
  });

  it('refuses to move onto another occurrence', () => {
    const occ = findOccurrence(db, mirage, '2025-01-22')!;
    expect(() => moveOccurrence(db, mirage, occ, at('2025-02-05T16:00', Z), c)).toThrow(/mirage\/2025-02-05 already starts then/);
  });

  it('add makes an extra occurrence; a second one on a busy day gets a time in its key', () => {
    const extra = addOccurrence(db, mirage, at('2025-01-15T16:00', Z), c);
    expect(extra).toMatchObject({ key: 'mirage/2025-01-15', status: 'extra' });
    const same = addOccurrence(db, mirage, at('2025-01-22T09:00', Z), c);
    expect(same.key).toBe('mirage/2025-01-22T0900');
    expect(keys('2025-01-14T00:00', '2025-01-23T00:00')).toEqual([
      'mirage/2025-01-15@2025-01-15T16:00:extra:0',
      'mirage/2025-01-22T0900@2025-01-22T09:00:extra:0',
      'mirage/2025-01-22@2025-01-22T16:00:scheduled:0',
    ]);
    expect(() => addOccurrence(db, mirage, at('2025-01-22T16:00', Z), c)).toThrow(/already meets then/);
    cancelOccurrence(db, mirage, findOccurrence(db, mirage, 'mirage/2025-01-15')!, c);
    expect(keys('2025-01-14T00:00', '2025-01-16T00:00')).toEqual([]);
  });
});
