import { describe, expect, it } from 'vitest';
import { makeEnv } from '../../../src/agenda/extract/extract.js';
import { quotedCallRule } from '../../../src/agenda/rules/quoted-call.js';
import { context, MEETINGS, message, titles } from '../extract-helpers.js';

// The chair's reminder is not in the archive; the chair's own follow-up to it quotes it (OpenBMC 2022).
const lostCall = {
  parentSubject: null,
  rootSubject: null,
  parentIsCall: true,
  rootIsCall: false,
  callMeetingId: 'mirage',
  callDate: null,
  callLost: true,
  parentLost: true,
};
const chaired = { ...context(lostCall), meetings: [{ ...MEETINGS[0]!, chairs: ['chair@example.org'] }] };
const followUp = (fromAddr: string) =>
  message({
    subject: 'Re: MirageOS call - Wednesday August 31 - new venue',
    bodyText: 'Effective immediately, the call is on Discord voice. Please update your calendars.',
    quotedText:
      "This is a reminder of the MirageOS call this Wednesday August 31.\n\nWe'll discuss the following items on the agenda:\n\n" +
      '1. Continue the Irmin 3 discussion.\n\n2. Gerrit review: Proposal for dynamic Solo5 tenders https://example.org/c/1\n\n' +
      'Access, agenda and notes are in the wiki:\nhttps://example.org/wiki\n\n- Chair',
    parentMid: 'lost-reminder@x',
    fromAddr,
  });

describe("rule 5 for a call the archive lacks: the chair's quote of it", () => {
  it("reads the quoted call's topics from the chair's own follow-up, as the call's", () => {
    const c = quotedCallRule(makeEnv(followUp('chair@example.org'), chaired));
    expect(titles(c)).toEqual(['The Irmin 3 discussion', 'Proposal for dynamic Solo5 tenders']);
    expect(c.every((x) => x.rule === 'chair-call' && x.announces === true)).toBe(true);
    // Followed up two weeks later: the topics are still for the call the subject names.
    const late = { ...followUp('chair@example.org'), date: Date.parse('2022-09-14T16:00:00Z') };
    expect(quotedCallRule(makeEnv(late, chaired)).map((x) => x.date)).toEqual([
      Date.parse('2022-08-30T12:00:00Z'),
      Date.parse('2022-08-30T12:00:00Z'),
    ]);
  });

  it("takes nothing from anyone else's quote, nor from a reply to a stored call", () => {
    expect(quotedCallRule(makeEnv(followUp('ada@example.org'), chaired))).toEqual([]);
    // The chair answering a member's reply to the call quotes the reply (and the call within it).
    const deeper = { ...followUp('chair@example.org'), references: ['lost-call@x', 'lost-reply@x'] };
    expect(quotedCallRule(makeEnv(deeper, chaired))).toEqual([]);
    const stored = { ...chaired, threadInfo: () => ({ ...lostCall, callLost: false, parentLost: false }) };
    expect(quotedCallRule(makeEnv(followUp('chair@example.org'), stored))).toEqual([]);
  });
});

describe("the chair's own call that quotes the agenda the archive lacks", () => {
  // OSGeo's board (2017): "november 21 meeting prep" from one board member, quoting the other's list.
  const prep = (fromAddr: string, parentMid: string | null = null) =>
    message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Only 3 projects will show up today, so review 4 and 5 can go from the list (I updated the wiki page)',
      quotedText:
        'Looking at the agenda for this weeks meeting:\nhttps://example.org/wiki\n\nList the agenda below:\n\n' +
        '    - roll call\n    - Approve previous meeting minutes\n    - Plan a F2F meeting\n    - Discuss alternative to Dropbox\n',
      parentMid,
      fromAddr,
    });
  const chairs = { ...context(), meetings: [{ ...MEETINGS[0]!, chairs: ['chair@example.org'] }] };

  it('reads the quoted agenda as the call, its standing business left out', () => {
    expect(titles(quotedCallRule(makeEnv(prep('chair@example.org'), chairs)))).toEqual(['Plan a F2F meeting', 'Alternative to Dropbox']);
    // Not from a member, and not when the quoted call is stored (it is read itself).
    expect(quotedCallRule(makeEnv(prep('member@example.org'), chairs))).toEqual([]);
    expect(quotedCallRule(makeEnv(prep('chair@example.org', 'stored@x'), chairs))).toEqual([]);
    // A quote with no agenda list, the topics of another event in its prose (docktesters 2016: a chair
    // forwarding a tutorial's announcement, "The topics will include what is Docker, ..."): not the call's.
    const tutorial = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: "I am forwarding Brian's email describing today's tutorial.",
      quotedText: 'The topics will include what is Docker, how to create tools using it, and how to share them.',
      fromAddr: 'chair@example.org',
    });
    expect(quotedCallRule(makeEnv(tutorial, chairs))).toEqual([]);
  });
});

describe("rule 5 for a call the archive lacks: a member's answer on top of it", () => {
  // mapserver-dev 2007: "I'll be there too!" over the chair's whole call, Outlook-style, not quoted with ">".
  const original = (from: string) =>
    message({
      subject: 'MirageOS call tomorrow?',
      bodyText:
        "I'll be there too! Should we book a room?\n\n\n-----Original Message-----\n" +
        `From: Amir Chair <${from}>\nSent: Fri, September 21, 2007 11:25 am\nSubject: [MIRAGE-DEV] MirageOS call tomorrow?\n\n` +
        "Hi everyone\n\nHere are some topics I'd like to see discussed:\n\n1- MirageOS vision / future direction\n" +
        '    - Do we still stand by it?\n\n2- MirageOS vs other unikernels\n\nOther topics welcome.\n',
      fromAddr: 'member@example.org',
    });
  const meetings = { ...context({}), meetings: [{ ...MEETINGS[0]!, chairs: ['chair@example.org'] }] };

  it("reads the original's topics when its header names the meeting's chair", () => {
    const c = quotedCallRule(makeEnv(original('chair at example.org'), meetings));
    expect(titles(c)).toEqual(['MirageOS vision / future direction', 'MirageOS vs other unikernels']);
    expect(c.every((x) => x.rule === 'chair-call' && x.meetingId === 'mirage')).toBe(true);
  });

  it('reads nothing when the original is not from a chair', () => {
    expect(quotedCallRule(makeEnv(original('someone@example.org'), meetings))).toEqual([]);
  });

  it('reads the chair\'s call under Apple Mail\'s "Begin forwarded message:" and its blank line (docktesters 2016)', () => {
    const forwarded = message({
      subject: '[DOCKTESTERS] Fwd: MirageOS call tomorrow?',
      bodyText:
        'Would be good if I heard back from anybody before the call.\n\n\nBegin forwarded message:\n\n' +
        'From: Amir Chair <chair at example.org>\nSubject: [MIRAGE-DEV] MirageOS call tomorrow?\n' +
        'Date: September 30, 2016 at 9:19:39 AM EDT\nTo: mirage-dev@example.org\n\n' +
        "Hi everyone\n\nHere are some topics I'd like to see discussed:\n\n1. Irmin 3 roadmap\n2. Solo5 release\n",
      fromAddr: 'member@example.org',
    });
    expect(titles(quotedCallRule(makeEnv(forwarded, meetings)))).toEqual(['Irmin 3 roadmap', 'Solo5 release']);
  });
});
