import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mail/parse.js';
import { EvalArchive } from '../eval/agenda-thread.js';

const raw = (body: string): Buffer =>
  Buffer.from(
    [
      'From: Ann <ann@example.org>',
      'To: devel@example.org',
      'Subject: Re: KVM call for agenda for 2020-05-19',
      'Date: Tue, 19 May 2020 08:00:00 +0000',
      'Message-ID: <reply@example.org>',
      'In-Reply-To: <call@example.org>',
      '',
      body,
    ].join('\r\n'),
  );

// The in-memory runner behind extract.test.ts's labelled slice must read a message as the product
// does: it once copied the mapping and never set inlineReply, so call-reply.ts's guard for a reply
// written between quoted lines never fired there.
describe('the eval archive reads a message as the product does', () => {
  it('keeps that a reply was written inline, between quoted passages', async () => {
    const parsed = await parseMessage({ raw: raw('> 15:00 Subdev hotplug\n\nTo be precise, both.\n\n> 16:00 Update\n') });
    const msg = new EvalArchive([]).add(parsed, 0);
    expect(msg.inlineReply).toBe(true);
    expect(msg.parentMid).toBe('call@example.org');
  });

  it('says nothing of inline for a reply written under the quote', async () => {
    const parsed = await parseMessage({ raw: raw('On Mon, Bob wrote:\n> the agenda\n\nMy topic: X.\n') });
    expect(new EvalArchive([]).add(parsed, 0).inlineReply).toBeUndefined();
  });
});
