import { describe, expect, it } from 'vitest';
import { callReplyRule } from '../../../src/agenda/rules/call-reply.js';
import { callThread, envOf, message, titles } from '../extract-helpers.js';

const reply = (bodyText: string, subject = 'Re: Call for agenda items: MirageOS call 2025-01-08') =>
  message({ subject, bodyText, parentMid: 'call@x' });

// The IETF CCAMP working group's thread on its San Diego agenda (2004): replies that argue about the
// agenda itself, not about what is on it.
describe('rule 2: replies about the agenda itself', () => {
  it('takes no renamed subject that names only the agenda', () => {
    const body = 'Here are some specific suggestions on how the agenda can be improved.\n';
    const renamed = reply(body, 'Specific suggestions to improve San Diego agenda [Was RE: San Diego Agenda issues]');
    expect(titles(callReplyRule(envOf(renamed, callThread())))).toEqual([]);
  });

  it('takes a quoted line standing alone as the topic, not quoted words that end a list item', () => {
    // Deeper in the thread (a reply to a reply), where only explicit proposals count.
    const deeper = { ...callThread(), parentSubject: 'Re: Call for agenda items: MirageOS call 2025-01-08', parentIsCall: false };
    const wrapped =
      'You could count the number of times the minutes ask that\n"discussions be carried on on the list"\n\nThanks,\nAdrian\n';
    expect(titles(callReplyRule(envOf(reply(wrapped), deeper)))).toEqual([]);
    const alone = 'As we said last time:\n\n"Move CI to GitLab before the release."\n\nThanks\n';
    expect(titles(callReplyRule(envOf(reply(alone), deeper)))).toEqual(['Move CI to GitLab before the release']);
  });
});
