import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  buildCallForItems,
  buildCancellation,
  buildCancelProposal,
  buildChairCopy,
  buildChairReminder,
  buildConfirmation,
  numbersFrom,
  numbersJson,
} from '../../src/digest/build-mails.js';
import { composeEml } from '../../src/digest/compose.js';
import { callForItemsMessage, cancellationMessage, chairMessage, confirmationMessage } from '../../src/digest/messages.js';
import { agenda, meeting, occurrence, settings } from './fixtures.js';

const NOW = Date.UTC(2015, 3, 29, 15);
/** The clock and a fixed Message-ID secret, as mailings/ hands them to the builders. */
const STAMP = { now: NOW, secret: Buffer.alloc(32, 7) };
const input = {
  meeting,
  occurrence,
  agenda: { ...agenda, carriedOver: [{ id: 'c', title: 'Logging API', messageIds: [] }] },
  settings,
  digestDue: Date.UTC(2015, 4, 5, 15),
};

describe('call for items, chair reminder, cancel proposal', () => {
  it('the call for items gives the deadline, how to propose, standing and carried-over items, how to unsubscribe', async () => {
    const m = callForItemsMessage(buildCallForItems(input), occurrence.key, settings, STAMP);
    expect(m.subject).toBe('Call for agenda items: MirageOS call, Wednesday 6 May 2015');
    expect(m.to).toEqual(['devel@lists.example.org']);
    expect(m.text).toContain('Please propose agenda items by Tuesday 5 May 2015, 16:00 Europe/London');
    expect(m.text).toContain('reply to this mail with one topic per line');
    expect(m.text).toContain('or start a new thread whose subject begins with "[agenda]".');
    expect(m.text).toMatch(/Standing items\n- Quality and Test\n/);
    expect(m.text).toMatch(/Carried over from the previous call\n- Logging API\n/);
    expect(m.text).toMatch(/\nUnsubscribe: https:\/\/lists\.example\.org\/leave\n$/);
    const raw = (await composeEml(m)).toString();
    // The extractor recognises convene's own call by this header (src/agenda/extract/call-detect.ts).
    expect(raw).toMatch(/^X-Convene: call-for-items; meeting=mirage;/m);
    expect(raw).toMatch(/^List-Unsubscribe: <mailto:devel-leave@lists\.example\.org>,/m);
    // The fixture's https URL is not declared to take RFC 8058 POSTs.
    expect(raw).not.toMatch(/^List-Unsubscribe-Post:/m);
  });

  it('the chair reminder goes to the chair only, numbers inbox, carried-over and draft agenda in one sequence, says how to reply', () => {
    const model = buildChairReminder(input);
    const m = chairMessage('chair-reminder', model, occurrence.key, settings, STAMP);
    expect(m.to).toEqual(['Amir Chaudhry <amir@example.org>']);
    expect(m.headers['List-Id']).toBeUndefined();
    expect(m.text.startsWith('Hello Amir Chaudhry,\n')).toBe(true);
    expect(m.text).toContain('  [1] Logging <b>API</b>\n      proposed by Mindy <m@example.org>\n');
    expect(m.text).toContain('Carried over from the previous call (on this agenda only if you accept them):\n  [2] Logging API\n');
    expect(m.text).toContain('Draft agenda, in order:\n  - Quality and Test (standing item)\n  1. [3] TLS support [Hannes] (15 min)\n');
    expect(m.text).toContain('  3. [5] MirageOS Q&A hangout?\n');
    expect(m.text).toContain('To review, reply to this mail.');
    expect(m.text).toMatch(/^ {2}accept 2 1 +put items 2 and 1 on the agenda, in that order$/m);
    // No shell: the chair answers by mail.
    expect(m.text).not.toContain('convene agenda');
    // The numbers are kept with the mail (the outbox row's model_json), ref → item id.
    expect(numbersFrom(numbersJson(model))).toEqual([
      { ref: 1, id: '9' },
      { ref: 2, id: 'c' },
      { ref: 3, id: '1' },
      { ref: 4, id: '2' },
      { ref: 5, id: '3' },
    ]);
  });

  it('the chair gets a copy of the call for items, numbered the same way', () => {
    const m = chairMessage('chair-copy', buildChairCopy(input), occurrence.key, settings, STAMP);
    expect(m.to).toEqual(['Amir Chaudhry <amir@example.org>']);
    expect(m.subject).toBe('Call for agenda items sent: MirageOS call, Wednesday 6 May 2015 (your copy)');
    expect(m.text).toContain('went to devel@lists.example.org.');
    expect(m.text).toContain('  [1] Logging <b>API</b>');
    expect(m.messageId).toMatch(/^convene\.chair-copy\.r0\.mirage\.2015-05-06\./);
  });

  it('the cancel proposal tells the chair to answer "cancel" by reply', () => {
    const m = chairMessage('cancel-proposal', buildCancelProposal(input), occurrence.key, settings, STAMP);
    expect(m.subject).toBe('Nothing on the agenda: cancel MirageOS call, Wednesday 6 May 2015?');
    expect(m.text).toMatch(/^ {2}cancel +cancel the call; convene tells the list and updates calendars$/m);
    expect(m.text).not.toContain('convene meeting cancel');
  });

  it('the confirmation answers in the thread of the command mail: done, not done, not understood, the agenda now', () => {
    const model = buildConfirmation(input, {
      applied: ['accept 1: [1] Logging <b>API</b> is agenda item 4'],
      failed: ['move 9 to 1: there is no [9] in the mail you replied to'],
      notUnderstood: ['Thanks!'],
      replySubject: 'Re: Reminder: 1 agenda item(s) to review for MirageOS call, Wednesday 6 May 2015',
      cancelled: false,
      digestSent: false,
    });
    const m = confirmationMessage(
      model,
      'Amir Chaudhry <amir@example.org>',
      occurrence.key,
      7,
      { messageId: 'cmd@example.org', references: ['convene.chair-reminder.r0.mirage.2015-05-06.x@example.org'] },
      settings,
      STAMP,
    );
    expect(m.subject).toBe('Re: Reminder: 1 agenda item(s) to review for MirageOS call, Wednesday 6 May 2015');
    expect(m.headers['In-Reply-To']).toBe('<cmd@example.org>');
    expect(m.headers.References).toBe('<convene.chair-reminder.r0.mirage.2015-05-06.x@example.org> <cmd@example.org>');
    expect(m.messageId).toMatch(/^convene\.review-confirmation\.r7\.mirage\.2015-05-06\./);
    expect(m.text).toContain('done, for MirageOS call on Wednesday 6 May 2015:\n  accept 1: [1] Logging <b>API</b> is agenda item 4\n');
    expect(m.text).toContain('Not done:\n  move 9 to 1: there is no [9] in the mail you replied to\n');
    expect(m.text).toContain('Not understood (not commands; nothing was guessed):\n  Thanks!\n');
    expect(m.text).toContain('The agenda as it now stands:\n  - Quality and Test (standing item)\n  1. [3] TLS support');
  });

  it('the cancellation notice goes to the list with a METHOD:CANCEL calendar entry: same UID, sequence raised, STATUS:CANCELLED', async () => {
    const cancelled = { ...occurrence, status: 'cancelled' as const, sequence: 1 };
    const next = { ...occurrence, key: 'mirage/2015-05-20', start: Date.UTC(2015, 4, 20, 15), end: Date.UTC(2015, 4, 20, 16) };
    const model = buildCancellation({ ...input, occurrence: cancelled }, next);
    const m = cancellationMessage(model, cancelled, settings, STAMP, ['call@example.org']);
    expect(m.to).toEqual(['devel@lists.example.org']);
    expect(m.subject).toBe('Cancelled: MirageOS call, Wednesday 6 May 2015');
    expect(m.text).toContain('MirageOS call on Wednesday 6 May 2015 at 16:00 Europe/London (UTC+01:00) is cancelled.');
    expect(m.text).toContain('The next call is on Wednesday 20 May 2015 at 16:00 Europe/London.');
    expect(m.text).toContain('Unsubscribe: https://lists.example.org/leave');
    expect(m.headers['In-Reply-To']).toBe('<call@example.org>');
    const eml = await composeEml(m);
    expect(eml.toString()).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    const ics = (await simpleParser(eml)).attachments.find((a) => /calendar|ics/.test(a.contentType))!.content.toString();
    expect(ics).toMatch(/^METHOD:CANCEL\r$/m);
    expect(ics).toMatch(/^STATUS:CANCELLED\r$/m);
    expect(ics).toMatch(/^SEQUENCE:1\r$/m);
    expect(ics).toMatch(/^UID:convene\.mirage\.2015-05-06@example\.org\r$/m);
    expect(ics).toMatch(/^ORGANIZER;CN="Amir Chaudhry":mailto:amir@example\.org\r$/m);
  });
});
