import { describe, expect, it } from 'vitest';
import { buildIcs, fold } from '../../src/digest/calendar.js';

const base = {
  uid: 'mirage-2015-05-06@example.org',
  sequence: 0,
  start: Date.UTC(2015, 4, 6, 15),
  end: Date.UTC(2015, 4, 6, 16),
  zone: 'Europe/London',
  summary: 'MirageOS call',
  description: 'Agenda:\n1. TLS support, with a comma; and a semicolon\n2. ' + 'Très long sujet '.repeat(12),
  stamp: Date.UTC(2015, 4, 5, 15),
};

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('calendar (.ics)', () => {
  it('publishes one event with CRLF lines, METHOD:PUBLISH and local times in the meeting zone', () => {
    const ics = buildIcs(base);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const lines = unfold(ics);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('UID:mirage-2015-05-06@example.org');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20150506T160000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20150506T170000');
    expect(lines).toContain('DTSTAMP:20150505T150000Z');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain('TLS support\\, with a comma\\; and a semicolon');
  });

  it('folds lines at 75 octets without splitting UTF-8 characters', () => {
    const ics = buildIcs(base);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const folded = fold('X:' + 'é'.repeat(100));
    for (const part of folded.split('\r\n')) expect(part.includes('\uFFFD')).toBe(false);
    expect(folded.replace(/\r\n /g, '')).toBe('X:' + 'é'.repeat(100));
  });

  it('includes a VTIMEZONE with the real transitions around the call', () => {
    const lines = unfold(buildIcs(base));
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toContain('TZID:Europe/London');
    // BST began 2015-03-29 01:00 GMT and ended 2015-10-25 02:00 BST.
    const i = tz.indexOf('DTSTART:20150329T010000');
    expect(i).toBeGreaterThan(0);
    expect(tz.slice(i - 1, i + 4)).toEqual([
      'BEGIN:DAYLIGHT',
      'DTSTART:20150329T010000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'END:DAYLIGHT',
    ]);
    const j = tz.indexOf('DTSTART:20151025T020000');
    expect(tz.slice(j - 1, j + 4)).toEqual([
      'BEGIN:STANDARD',
      'DTSTART:20151025T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
    ]);
  });

  it('gives a zone without daylight saving one STANDARD observance', () => {
    const lines = unfold(buildIcs({ ...base, zone: 'Asia/Tokyo' }));
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz.filter((l) => l === 'BEGIN:STANDARD')).toHaveLength(1);
    expect(tz).not.toContain('BEGIN:DAYLIGHT');
    expect(tz).toContain('TZOFFSETTO:+0900');
  });

  it('keeps the UID of an occurrence and raises SEQUENCE when it moves', () => {
    const moved = unfold(buildIcs({ ...base, start: base.start + 86_400_000, end: base.end + 86_400_000, sequence: 1 }));
    expect(moved).toContain('UID:mirage-2015-05-06@example.org');
    expect(moved).toContain('SEQUENCE:1');
    expect(moved).toContain('DTSTART;TZID=Europe/London:20150507T160000');
  });
});
