import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { composeEml } from '../../src/digest/compose.js';
import { messageIdFor } from '../../src/digest/headers.js';
import { digestMessage } from '../../src/digest/messages.js';
import type { ThreadActivity } from '../../src/digest/types.js';
import { agenda, meeting, occurrence, previous, settings } from './fixtures.js';

const NOW = Date.UTC(2015, 4, 5, 15);
/** The clock and a fixed Message-ID secret, as mailings/ hands them to the builders. */
const STAMP = { now: NOW, secret: Buffer.alloc(32, 7) };
const activity: ThreadActivity[] = [
  {
    threadId: 1,
    subject: 'Release <b>2.4</b>',
    rootMid: 'rel@example.org',
    starter: 'Anil',
    messages: 7,
    firstDate: Date.UTC(2015, 3, 25),
    isNew: true,
  },
  {
    threadId: 2,
    subject: 'Old thread',
    rootMid: 'old@example.org',
    starter: 'Dave',
    messages: 3,
    firstDate: Date.UTC(2015, 3, 24),
    isNew: false,
  },
  { threadId: 3, subject: 'Quiet one', rootMid: null, starter: 'X', messages: 1, firstDate: Date.UTC(2015, 3, 26), isNew: true },
];

function model(extra: Partial<Parameters<typeof buildDigest>[0]> = {}) {
  return buildDigest({ meeting, occurrence, previous, agenda, activity, settings, revision: 0, ...extra });
}

describe('digest model and mail', () => {
  it('lists the agenda in the chair order with standing, awaiting and "since the last call"', () => {
    const m = model();
    const msg = digestMessage(m, settings, STAMP);
    expect(msg.subject).toBe('MirageOS call: agenda for Wednesday 6 May 2015');
    const t = msg.text;
    const order = [
      'Quality and Test (standing item)',
      '1. TLS support [Hannes] (15 min)',
      '2. IndexedDB / Irmin-in-the-browser',
      '3. MirageOS Q&A hangout?',
    ].map((s) => t.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(t).toContain('https://lore.example.org/devel/tls@example.org/');
    expect(t).toContain("Proposed, awaiting the chair's review");
    expect(t).toContain('Logging <b>API</b>');
    expect(t).toContain('New threads since the last call (2015-04-22)');
    expect(t).toMatch(/Release <b>2\.4<\/b> \(Anil, https:\/\/lore/);
    expect(t).toContain('Old thread: 3 messages');
    expect(t).not.toContain('Quiet one: 1 messages');
    expect(t).toContain('MirageOS call: Wednesday 6 May 2015, 16:00 Europe/London (UTC+01:00)');
    expect(t).toContain('America/Los_Angeles: 08:00 (UTC-07:00)');
    expect(t).toContain('Asia/Tokyo: 00:00 Thursday (UTC+09:00)');
    expect(t).toContain('How to join: https://meet.example.org/call');
  });

  it('escapes markup from subjects and titles in the HTML part and inlines the CSS', () => {
    const { html } = digestMessage(model(), settings, STAMP);
    expect(html).toContain('Logging &lt;b&gt;API&lt;/b&gt;');
    expect(html).toContain('Release &lt;b&gt;2.4&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<style');
    expect(html).toMatch(/<h2 style="[^"]*font-size: 16px/);
    expect(html).toMatch(/<p class="footer" style="[^"]*color: #888888/);
  });

  it('holds unreviewed items back when configured', () => {
    const m = model({ settings: { ...settings, holdUnreviewed: true } });
    expect(m.awaiting).toEqual([]);
    expect(m.held).toBe(1);
    expect(digestMessage(m, settings, STAMP).text).not.toContain('Logging');
  });

  it('is empty when nothing but standing items is left', () => {
    expect(model({ agenda: { ...agenda, items: [], awaitingReview: [] } }).empty).toBe(true);
    expect(model().empty).toBe(false);
  });

  it('composes text, HTML and a PUBLISH calendar with list headers, parsed back by mailparser', async () => {
    const callId = messageIdFor(
      { meeting: 'mirage', occurrence: 'mirage/2015-05-06', kind: 'call-for-items', revision: 0 },
      'x@example.org',
      STAMP.secret,
    );
    const msg = digestMessage(model(), settings, STAMP, callId);
    const eml = await composeEml(msg);
    const raw = eml.toString('utf8');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i);
    const p = await simpleParser(eml);
    expect(p.messageId).toMatch(/^<convene\.digest\.r0\.mirage\.2015-05-06\.[a-z2-7]{26}@example\.org>$/);
    expect(p.inReplyTo).toBe(`<${callId}>`);
    expect(raw).toMatch(/^List-Id: <devel\.lists\.example\.org>\r$/im);
    expect(raw).toContain('List-Unsubscribe: <mailto:devel-leave@lists.example.org>,');
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(raw).toContain('Auto-Submitted: auto-generated');
    expect(raw).toMatch(/X-Convene: digest; meeting=mirage/);
    expect(p.text).toContain('1. TLS support');
    expect(p.html).toContain('TLS support');
    const ics = p.attachments.find((a) => a.contentType === 'application/ics' || a.contentType === 'text/calendar');
    expect(ics?.content.toString()).toContain('METHOD:PUBLISH');
    // text/plain comes before text/html in the alternative
    expect(raw.indexOf('text/plain')).toBeLessThan(raw.indexOf('text/html'));
  });

  it('leaves List-Unsubscribe-Post out without an https unsubscribe URL', async () => {
    const s = { ...settings, unsubscribe: ['mailto:leave@example.org'] };
    const raw = (await composeEml(digestMessage(model({ settings: s }), s, STAMP))).toString();
    expect(raw).toContain('List-Unsubscribe: <mailto:leave@example.org>');
    expect(raw).not.toContain('List-Unsubscribe-Post');
  });

  it('says what changed in an [UPDATED] revision', () => {
    const sent = model();
    const now = model({
      revision: 1,
      sent,
      agenda: {
        ...agenda,
        items: [agenda.items[1]!, { ...agenda.items[0]!, durationMinutes: 30 }, { id: '4', title: 'Logging', messageIds: [] }],
      },
    });
    expect(now.subject).toBe('[UPDATED] MirageOS call: agenda for Wednesday 6 May 2015');
    expect(now.changes).toEqual([
      'Changed: TLS support (Hannes, 15 min → Hannes, 30 min)',
      'Added: Logging',
      'Removed: MirageOS Q&A hangout?',
      'The order of the items changed.',
    ]);
    const msg = digestMessage(now, settings, STAMP);
    expect(msg.messageId).toMatch(/^convene\.digest\.r1\.mirage\.2015-05-06\.[a-z2-7]{26}@example\.org$/);
    expect(msg.text.startsWith('This is an UPDATED agenda.')).toBe(true);
    expect(msg.text).toContain('  * Added: Logging');
  });
});

describe('archive links', () => {
  it('escape Message-IDs as public-inbox does: "@" kept, "/", "?", "#", "%" and non-ASCII encoded', async () => {
    const { midEscape, linker } = await import('../../src/digest/build.js');
    expect(midEscape('20250805144357.GA762104@mit.edu')).toBe('20250805144357.GA762104@mit.edu');
    expect(midEscape('a/b?c#d%e f@x')).toBe('a%2Fb%3Fc%23d%25e%20f@x');
    expect(midEscape('é@x')).toBe('%C3%A9@x');
    expect(linker('https://lore.kernel.org/ksummit/{messageId}/')('<abc@x>')).toBe('https://lore.kernel.org/ksummit/abc@x/');
    expect(linker(undefined)('abc@x')).toBe('');
  });
});
