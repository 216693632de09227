import { describe, expect, it } from 'vitest';
import { callReplyRule } from '../../../src/agenda/rules/call-reply.js';
import { makeEnv } from '../../../src/agenda/extract.js';
import { callThread, context, envOf, MEETINGS, message, titles } from '../extract-helpers.js';

const reply = (bodyText: string, quotedText = '') =>
  message({ subject: 'Re: Call for agenda items: MirageOS call 2025-01-08', bodyText, quotedText, parentMid: 'call@x' });

describe('rule 2: replies to a call for agenda items', () => {
  it('takes each bullet of a topics list in the reply', () => {
    const c = callReplyRule(
      envOf(reply("Hi Amir,\n\nI'd like to add these items:\n- ocaml-tls regression\n- opam archive cleanup\n"), callThread()),
    );
    expect(titles(c)).toEqual(['ocaml-tls regression', 'Opam archive cleanup']);
    expect(
      c.every(
        (x) => x.rule === 'call-reply' && x.meetingId === 'mirage' && x.mentions?.some((m) => m.dates.includes('2025-01-08')) === true,
      ),
    ).toBe(true);
  });

  it('takes numbered lists too', () => {
    expect(titles(callReplyRule(envOf(reply('Topics from our team:\n1. VFIO migration\n2. vGPU support'), callThread())))).toEqual([
      'VFIO migration',
      'vGPU support',
    ]);
  });

  it('reads "I\'d like to discuss X" from the reply, trimmed at the meeting it names', () => {
    const c = callReplyRule(
      envOf(reply('I’d like to talk a little bit about how address spaces are handled at the next call.'), callThread()),
    );
    expect(titles(c)).toEqual(['How address spaces are handled']);
  });

  it('takes what a question asks everyone to think about, after a link offered for a poll', () => {
    // netdev 2024-05-07: the offer ends at a patch link; the question names the topic.
    const body =
      'Maybe we can have a quick discussion and poll about:\n\nhttps://patchwork.kernel.org/project/netdevbpf/patch/1/\n\n' +
      'Do we want patches like this? What do people think about guard() vs\nscoped_guard().\n\n\tAndrew';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual(['Guard vs scoped_guard']);
  });

  it('takes what a reply would like to add, not "what they might be" or "a plan to you" that point back', () => {
    // Linux Media Summit 2025: replies to the draft agendas.
    const add =
      "I realise I'm a bit late to the party, but if there's a waiting list I'd\nlike to add enabling cgroups memory accounting. " +
      "We've started to\nimplement it in DRM, but I'd like to discuss what they might be for v4l2 in\ngeneral.";
    expect(titles(callReplyRule(envOf(reply(add), callThread())))).toEqual(['Enabling cgroups memory accounting']);
    const plan =
      'If you have a tiny 15/20 minutes slot I would be glad to present a\nplan to you, Nicolas and other more well versed in codec support than\nme.';
    expect(callReplyRule(envOf(reply(plan), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply("I'd like to add that the bridge works for me."), callThread()))).toEqual([]);
  });

  it('takes no topic from an answer about attending in person, remotely or hybrid', () => {
    const hybrid = "We've been experimenting with hybrid over at plumbers.  Our last\nexperiment managed a two way A/V stream.";
    expect(callReplyRule(envOf(reply(hybrid), callThread()))).toEqual([]);
  });

  it("takes no topic from an opinion on what is listed, but does from 'I think it would be helpful to know X'", () => {
    expect(
      callReplyRule(envOf(reply('I still feel like the "Alternatives considered" are pretty weak in this document.'), callThread())),
    ).toEqual([]);
    const plans =
      'I think it would be very helpful for the community in general to know\nany specific plans each of us have for the 4.14 timeframe.';
    expect(titles(callReplyRule(envOf(reply(plans), callThread())))).toEqual(['Any specific plans each of us have for the 4.14 timeframe']);
  });

  it('takes no topic from an opening whose object is the link after it', () => {
    const body = 'Just to mention it: George has previously pointed at\n\nhttps://cryptpad.fr/pad/#/2/pad/edit/Rk5k/\n\nJan';
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it('takes a one-line body as the topic', () => {
    expect(titles(callReplyRule(envOf(reply('Status of the arm64 port'), callThread())))).toEqual(['Status of the arm64 port']);
  });

  it('never reads the quoted call', () => {
    const c = callReplyRule(envOf(reply('', "Current topics:\n- Irmin 3 roadmap\nI'd like to discuss the website"), callThread()));
    expect(c).toEqual([]);
  });

  it("ignores logistics, questions and the chair's own follow-ups", () => {
    expect(callReplyRule(envOf(reply("The meeting link doesn't work for me."), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply('Is the call at 16:00 CET?'), callThread()))).toEqual([]);
    const chair = message({
      subject: 'Re: Call for agenda items: MirageOS call',
      bodyText: 'Remember that the call starts in 30 minutes.',
      parentMid: 'call@x',
      fromAddr: 'chair@example.org',
    });
    expect(callReplyRule(envOf(chair, callThread()))).toEqual([]);
  });

  it('does nothing outside a call thread', () => {
    expect(callReplyRule(envOf(reply('Status of the arm64 port')))).toEqual([]);
  });

  it('in a call thread, a reply to a reply needs a proposal phrase (no opening-sentence guess)', () => {
    const deep = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items' };
    expect(callReplyRule(envOf(reply('That sounds like a plan to me.'), deep))).toEqual([]);
    expect(titles(callReplyRule(envOf(reply('We would like a slot to discuss the PCI bridge design.'), deep)))).toEqual([
      'The PCI bridge design',
    ]);
  });

  it('deeper in the thread, takes a list offered as topics but not one that takes a topic apart', () => {
    const deep = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items' };
    expect(titles(callReplyRule(envOf(reply('More topics (if we have time):\n- Rate limiting\n- Secure boot\n'), deep)))).toEqual([
      'Rate limiting',
      'Secure boot',
    ]);
    const apart = "I think there's two different main topics here:\n\t- where to move the drivers\n\t- requirements for new apis\n";
    expect(callReplyRule(envOf(reply(apart), deep))).toEqual([]);
  });

  it('deeper in the thread, takes "we have a topic for the call:" with the topic on a line of its own', () => {
    const deep = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items' };
    const body =
      'We have a topic for the 08.01.2025 call:\n\nHow ring sizes should be validated\n\nToday every driver checks them its own way.\n';
    expect(titles(callReplyRule(envOf(reply(body), deep)))).toEqual(['How ring sizes should be validated']);
    // A sentence after the header is prose, not a title.
    const prose = 'We have a topic for the call:\n\nThe drivers disagree on ring sizes and we would like to settle it.\nMore below.\n';
    expect(callReplyRule(envOf(reply(prose), deep))).toEqual([]);
  });

  it('skips a courtesy before the point, and an answer about a topic already on the table', () => {
    expect(titles(callReplyRule(envOf(reply('Great seeing you at the summit! Status of the arm64 port.'), callThread())))).toEqual([
      'Status of the arm64 port',
    ]);
    expect(callReplyRule(envOf(reply('Great seeing you at the summit!\n\nIs there time left?'), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply('It could make sense to talk about it, but maybe other topics first.'), callThread()))).toEqual([]);
  });

  it("a co-chair's note in the call's thread is no topic", () => {
    const chaired = { ...context(callThread()), meetings: [{ ...MEETINGS[0]!, chairs: ['cochair@example.org'] }] };
    const note = message({
      subject: 'Re: Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Just a reminder. Please do not forget to send the ATTEND request.',
      parentMid: 'call@x',
      fromAddr: 'cochair@example.org',
    });
    expect(callReplyRule(makeEnv(note, chaired))).toEqual([]);
    // ... and from anyone, a reminder is about the call, not a topic.
    expect(callReplyRule(envOf({ ...note, fromAddr: 'ada@example.org' }, callThread()))).toEqual([]);
  });

  it('a reply that only adds people to Cc is no topic', () => {
    expect(callReplyRule(envOf(reply("Cc'ing previous recipients."), callThread()))).toEqual([]);
  });

  it('an answer about holidays or travel is logistics, not a topic', () => {
    expect(callReplyRule(envOf(reply('8th May is a public holiday in the Czech Republic, so I will not join.'), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply('I am travelling that week.'), callThread()))).toEqual([]);
  });
});
