/**
 * The outbox's .eml bytes (issue 14 item 8): the issue read convene's digests with Python's
 * mailbox, formail, neomutt and `git am`, and found 113 of 399 lines ending in LF among CRLF
 * headers. One mail, one line ending: what the outbox stores, writes to a .eml and sends.
 */
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { composeEml } from '../../src/digest/compose.js';

describe('a composed mail', () => {
  it('ends every line with CRLF: headers, text, HTML and calendar parts alike', async () => {
    const eml = await composeEml({
      key: { meeting: 'wg', occurrence: 'wg-2026-06-10', kind: 'digest', revision: 0 },
      messageId: 'convene.digest.r0.wg.wg-2026-06-10@example.org',
      from: 'Convene <convene@example.org>',
      to: ['devel@lists.example.org'],
      subject: 'Agenda for the call',
      text: 'Agenda\n\n1. TLS support\n2. Release\n\nFrom the chair: see you there.\n',
      html: '<p>Agenda</p>\n<ol>\n<li>TLS support</li>\n<li>Release</li>\n</ol>\n',
      ics: 'BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
      headers: { 'X-Convene': 'digest; meeting=wg' },
      date: Date.UTC(2026, 5, 9, 9),
    });
    const text = eml.toString('latin1');
    const lines = text.split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((l) => !l.endsWith('\r'))).toEqual([]);
    expect(text).not.toMatch(/\r\r/);
    const parsed = await simpleParser(eml);
    expect(parsed.text).toContain('2. Release');
    expect(parsed.html).toContain('<li>Release</li>');
  });
});
