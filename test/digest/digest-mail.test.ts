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
    participants: 4,
    firstDate: Date.UTC(2015, 3, 25),
    isNew: true,
  },
  {
    threadId: 2,
    subject: 'Old thread',
    rootMid: 'old@example.org',
    starter: 'Dave',
    messages: 3,
    participants: 2,
    firstDate: Date.UTC(2015, 3, 24),
    isNew: false,
  },
  {
    threadId: 3,
    subject: 'Quiet one',
    rootMid: null,
    starter: 'X',
    messages: 1,
    participants: 1,
    firstDate: Date.UTC(2015, 3, 26),
    isNew: true,
  },
];

function model(extra: Partial<Parameters<typeof buildDigest>[0]> = {}) {
  return buildDigest({ meeting, occurrence, previous, agenda, activity, settings, revision: 0, ...extra });
}

describe('digest model and mail', () => {
  it('leads with the time in every zone, start to end, then the agenda in the chair order, then what is undecided', () => {
    const m = model();
    const msg = digestMessage(m, settings, STAMP);
    expect(msg.subject).toBe('MirageOS call: agenda for Wednesday 6 May 2015');
    const t = msg.text;
    const order = [
      'MirageOS call: Wednesday 6 May 2015, 16:00–17:00 Europe/London (UTC+01:00), 1 hour',
      '  America/Los_Angeles: 08:00–09:00 (UTC-07:00)',
      '  Asia/Tokyo: 00:00 Thursday–01:00 (UTC+09:00)',
      'How to join: https://meet.example.org/call',
      '- Quality and Test (standing item)',
      '1. TLS support [Hannes] (15 min)\n   proposed by Hannes Mehnert <hannes@example.org>\n   https://lore.example.org/devel/tls@example.org/',
      '2. IndexedDB / Irmin-in-the-browser',
      '3. MirageOS Q&A hangout?',
      'Also proposed, not yet decided\n- Logging <b>API</b> <https://lore.example.org/devel/log@example.org/>',
      'On the list since the last call (2015-04-22)',
    ].map((s) => t.indexOf(s));
    expect(
      order.every((i) => i >= 0),
      t,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // One list of threads, best attended first, each once; nothing about who was late.
    expect(t).toContain('- Release <b>2.4</b> (Anil; 4 people, 7 messages)\n  https://lore.example.org/devel/rel@example.org/\n');
    expect(t.indexOf('Release <b>2.4</b>')).toBeLessThan(t.indexOf('Old thread (Dave; 2 people, 3 messages)'));
    expect(t.split('Release <b>2.4</b>')).toHaveLength(2);
    expect(t).not.toContain('late');
    expect(t).toMatch(/\nUnsubscribe: https:\/\/lists\.example\.org\/leave\n$/);
  });

  it('says "added by the chair" for the chair\'s own items, never "proposed by" whoever typed the command', () => {
    const items = [{ id: '5', title: 'Release planning', proposer: 'unknown', byChair: true, messageIds: [] }];
    const m = model({ agenda: { ...agenda, items } });
    const { text, html } = digestMessage(m, settings, STAMP);
    expect(text).toContain('1. Release planning\n   added by the chair\n');
    expect(text).not.toContain('unknown');
    expect(html).toContain('added by the chair');
  });

  it("leaves patch mail, the call's own thread and the threads on the agenda out of the list activity, and shows five at most", () => {
    const t = (threadId: number, subject: string, participants: number, messages = participants): ThreadActivity => ({
      threadId,
      subject,
      rootMid: `t${threadId}@example.org`,
      starter: 'S',
      messages,
      participants,
      firstDate: Date.UTC(2015, 3, 23) + threadId,
      isNew: true,
    });
    const busy = [
      t(10, '[PATCH v3 2/7] mm: fix the thing', 9),
      t(11, 'Re: [RFC PATCH] net: new socket option', 8),
      t(12, 'Call for agenda items: MirageOS call', 7),
      t(13, 'TLS support (was: plans)', 6),
      t(14, '[PATCH 0/5] a series', 5),
      ...[1, 2, 3, 4, 5, 6].map((i) => t(20 + i, `Discussion ${i}`, i, 10 - i)),
    ];
    const items = [{ ...agenda.items[0]!, threadId: 13 }, ...agenda.items.slice(1)];
    const m = model({ activity: busy, callThreadId: 12, agenda: { ...agenda, items } });
    expect(m.since.threads.map((x) => x.subject)).toEqual(['Discussion 6', 'Discussion 5', 'Discussion 4', 'Discussion 3', 'Discussion 2']);
    // Each topic once (a reply that broke the thread), none the digest lists already, none nobody answered.
    const split = [
      t(30, '[RFC] Logging <b>API</b>', 5),
      t(31, 'Re: Logging <b>API</b>', 4),
      t(32, 'Build times', 3),
      t(33, 'Re: build times', 2),
    ];
    const quiet = { ...t(34, 'Announcement', 1), messages: 1 };
    expect(model({ activity: [...split, quiet] }).since.threads.map((x) => x.subject)).toEqual(['Build times']);
  });

  it('gives the same agenda in the same order in the text and the HTML part', () => {
    const undecided = Array.from({ length: 7 }, (_, i) => ({ id: `u${i}`, title: `Open question ${i}`, messageIds: [] }));
    const m = model({ agenda: { ...agenda, awaitingReview: undecided } });
    const { text, html } = digestMessage(m, settings, STAMP);
    const fromText = agendaOfText(text);
    expect(fromText).toEqual(agendaOfHtml(html!));
    expect(fromText).toEqual([
      'standing: Quality and Test',
      '1: TLS support [Hannes] (15 min)',
      '2: IndexedDB / Irmin-in-the-browser',
      '3: MirageOS Q&A hangout?',
      'undecided: Open question 0',
      'undecided: Open question 1',
      'undecided: Open question 2',
      'undecided: Open question 3',
      'undecided: Open question 4',
      'undecided: and 2 more',
    ]);
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
    const oneClick = { ...settings, unsubscribeOneClick: true };
    const msg = digestMessage(model({ settings: oneClick }), oneClick, STAMP, callId);
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

  it('leaves List-Unsubscribe-Post out without an https unsubscribe URL, or when the URL is not said to take the POST', async () => {
    const s = { ...settings, unsubscribe: ['mailto:leave@example.org'] };
    const raw = (await composeEml(digestMessage(model({ settings: s }), s, STAMP))).toString();
    expect(raw).toContain('List-Unsubscribe: <mailto:leave@example.org>');
    expect(raw).not.toContain('List-Unsubscribe-Post');
    expect(digestMessage(model({ settings: s }), s, STAMP).text).toContain('Unsubscribe: send a mail to leave@example.org');
    // An https page that only answers GET: RFC 8058 one-click would fail silently.
    const page = (await composeEml(digestMessage(model(), settings, STAMP))).toString();
    expect(page).toContain('<https://lists.example.org/leave>');
    expect(page).not.toContain('List-Unsubscribe-Post');
  });

  it("an update replies in the digest's thread: In-Reply-To the first digest, References the call and the first digest", () => {
    const sent = model();
    const next = model({ revision: 1, sent, agenda: { ...agenda, items: agenda.items.slice(0, 2) } });
    const msg = digestMessage(next, settings, STAMP, 'call@example.org', 'digest-r0@example.org');
    expect(msg.headers['In-Reply-To']).toBe('<digest-r0@example.org>');
    expect(msg.headers.References).toBe('<call@example.org> <digest-r0@example.org>');
    expect(digestMessage(sent, settings, STAMP, 'call@example.org', 'ignored@example.org').headers['In-Reply-To']).toBe(
      '<call@example.org>',
    );
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

/** The agenda as the text part gives it: standing items, numbered items, the undecided list. */
function agendaOfText(text: string): string[] {
  const out: string[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    if (line === 'Agenda' || line === 'Also proposed, not yet decided') section = line;
    else if (line === '' || line.startsWith('On the list')) section = line === '' && section === 'Agenda' ? section : '';
    let m: RegExpExecArray | null;
    if (section === 'Agenda' && (m = /^- (.*) \(standing item\)$/.exec(line))) out.push(`standing: ${m[1]}`);
    else if (section === 'Agenda' && (m = /^(\d+)\. (.*)$/.exec(line))) out.push(`${m[1]}: ${m[2]}`);
    else if (section.startsWith('Also') && (m = /^- (.*?)(?: <[^>]*>)?$/.exec(line))) out.push(`undecided: ${m[1]}`);
  }
  return out;
}

/** The same from the HTML part: the standing list, the <ol> with its values, the undecided list. */
function agendaOfHtml(html: string): string[] {
  const plain = (s: string) =>
    s
      .replace(/<br>.*$/s, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .trim();
  const agenda = html.slice(html.indexOf('>Agenda</h2>'), html.indexOf('</ol>'));
  const undecided = html.includes('not yet decided</h2>') ? html.slice(html.indexOf('not yet decided</h2>')).split('</ul>')[0]! : '';
  return [
    ...[...agenda.matchAll(/<li[^>]*>- (.*?) <span[^>]*>\(standing item\)<\/span><\/li>/g)].map((m) => `standing: ${plain(m[1]!)}`),
    ...[...agenda.matchAll(/<li value="(\d+)"[^>]*>(.*?)<\/li>/g)].map((m) => `${m[1]}: ${plain(m[2]!)}`),
    ...[...undecided.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => `undecided: ${plain(m[1]!)}`),
  ];
}

describe('unreviewed proposals in the public digest (issue 13 item 5)', () => {
  it('are held back unless the operator opts in, and then one sender shows at most two', () => {
    const spam = Array.from({ length: 300 }, (_, i) => ({
      id: `s${i}`,
      title: `Spam ${i}`,
      proposer: 'Mallory <mallory@evil.example>',
      messageIds: [`s${i}@evil.example`],
    }));
    const flooded = { ...agenda, awaitingReview: [...spam, ...agenda.awaitingReview] };
    const held = model({ agenda: flooded, settings: { ...settings, holdUnreviewed: true } });
    expect(held.awaiting).toEqual([]);
    expect(held.held).toBe(flooded.awaitingReview.length);
    const listed = model({ agenda: flooded });
    expect(listed.awaiting.filter((i) => i.proposer.includes('mallory'))).toHaveLength(2);
    expect(listed.awaiting.length).toBe(2 + agenda.awaitingReview.length);
  });
});
