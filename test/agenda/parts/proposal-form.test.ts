import { describe, expect, it } from 'vitest';
import { announcedTalks, formTopics, isRuleLine } from '../../../src/agenda/reading/proposal-form.js';

describe('a proposal written as a form or as a headed document', () => {
  it('takes the Title field and the Presenter under it, not the description', () => {
    // Linux Media Summit 2026: the request for topics asked for this form.
    const text =
      'I would be happy to discuss this if a slot is available:\n\nTitle: Generic V4L2 ISP M2M framework\n' +
      'Presenter: Loic Poulain\nTime estimate: ~20min\nDescription: During early development of an engine, we relied on m2m.\n';
    expect(formTopics(text)).toEqual([{ title: 'Generic V4L2 ISP M2M framework', presenter: 'Loic Poulain' }]);
  });

  it('takes a heading underlined between rules, and no rule or sentence as a heading', () => {
    const text =
      'I would have liked to propose a quick discussion.\n\n' +
      '----------------------------------------\nA case for a media-job scheduler\n================================\n\n' +
      'A quick 15 minutes presentation.\n----------------------------------------\n';
    expect(formTopics(text)).toEqual([{ title: 'A case for a media-job scheduler' }]);
    expect(formTopics('This is a sentence that ends.\n-----------------------------\n')).toEqual([]);
  });

  it('takes numbered headings ("1/ X" over dashes), long questions included', () => {
    // qemu-devel 2024-04-29, a reply to the community call's agenda mail.
    const text =
      "I'd like to discuss two issues:\n\n1/ Stability of QOM path\n    ---------------------\n\n   Currently we have 3 containers.\n\n" +
      '2/ Is it safe to broadcast a QAPI event to all type of device/object?\n    ------------------------------------------------------------------\n';
    expect(formTopics(text).map((t) => t.title)).toEqual([
      '1/ Stability of QOM path',
      '2/ Is it safe to broadcast a QAPI event to all type of device/object?',
    ]);
  });

  it('knows rules and scissors lines from words', () => {
    expect(['-------%<---snip---------', '=====', '8<-----------'].map(isRuleLine)).toEqual([true, true, true]);
    expect(['A - B', 'snip this', '--'].map(isRuleLine)).toEqual([false, false, false]);
  });

  it('takes the "=" headings for the topics and the "-" headings under them for their parts', () => {
    // git 2019: a summary sent to the contributor summit's thread.
    const text =
      'Commit-Graph Status Report\n==========================\n\nDirections to take:\n\nFile Format v2\n--------------\n\n' +
      'The new format.\n\nBloom Filters\n-------------\n\nFaster history.\n\nMulti-Pack-Index Status Report\n' +
      '==============================\n\nIt works.\n';
    expect(formTopics(text).map((f) => f.title)).toEqual(['Commit-Graph Status Report', 'Multi-Pack-Index Status Report']);
    expect(formTopics('File Format v2\n--------------\n\nText.\n').map((f) => f.title)).toEqual(['File Format v2']);
  });

  it('takes a one-line "Abstract:" heading a form with a description for its title, not an abstract alone', () => {
    // LPC 2019, a reply to the RDMA mini-summit's call for proposals.
    const form = 'Abstract: Expand the virtio portfolio with RDMA\n\nDescription:\nData center backends use more RDMA.\n';
    expect(formTopics(form).map((f) => f.title)).toEqual(['Expand the virtio portfolio with RDMA']);
    expect(formTopics('Abstract: we measured the boot time of 40 kernels.\n\nThe results follow.\n')).toEqual([]);
  });
  it('takes no heading of a call for proposals reposted in a reply, and no call section beside real topics', () => {
    // FOSDEM 2020 and 2023, the Virtualization devroom's call reformatted in a reply to its forward.
    const call = ['Important Dates', 'About the Devroom', 'Submit Your Proposal', 'Submission Guidelines', 'Speaker Mentoring Program']
      .concat(['Code of Conduct', 'Call for Volunteers', 'Questions?'])
      .map((h) => `${h}\n${'-'.repeat(h.length)}\n\nSome text about it.\n\n`)
      .join('');
    expect(formTopics(`We are excited to announce the call for proposals.\n\n${call}`)).toEqual([]);
    // A document of topics keeps them; its "Questions?" section is none.
    const topics = 'Stability of QOM paths\n======================\n\nText.\n\nQuestions?\n==========\n\nAsk me.\n';
    expect(formTopics(topics).map((f) => f.title)).toEqual(['Stability of QOM paths']);
    // A topic about submitting or travelling is a topic all the same.
    const process =
      'Patch submission workflow\n=========================\n\nText.\n\nTravel funding for new contributors\n===================================\n';
    expect(formTopics(process).map((f) => f.title)).toEqual(['Patch submission workflow', 'Travel funding for new contributors']);
  });
});

describe("a chair's talk announced as fields, and a topic field with a qualifier", () => {
  it('reads "Topic : X" over "Speaker : Y", not a video call\'s "Topic:" with no speaker', () => {
    // ILUGC 2004, the monthly meet's announcement.
    const text = 'Talk :\n======\nTopic   : GUI Programming in Perl/Tk - Intro\nSpeaker : Mr. Raman P\n\nVenue   : ADI-TeNeT Seminar Hall';
    expect(announcedTalks(text)).toEqual([{ title: 'GUI Programming in Perl/Tk - Intro', presenter: 'Mr. Raman P' }]);
    // ILUGC 2008: "Talk 1: X" over "By Y (30min)".
    expect(announcedTalks('Talk 1: Overview of /proc file-system\n        By Raman P (30min)\n\n/proc is a pseudo-filesystem')).toEqual([
      { title: 'Overview of /proc file-system', presenter: 'Raman P (30min)' },
    ]);
    // ILUGC 2010: "> " before each talk's title line, the chair's own marker.
    expect(announcedTalks('> Talk 1: R (Lighting Talk)\nSpeaker : Bharathi S\nDuration: 15mins')).toEqual([
      { title: 'R (Lighting Talk)', presenter: 'Bharathi S' },
    ]);
    expect(announcedTalks('Talk 2: Text handling\nbytes formatting and str')).toEqual([]);
    // ILUGC 2007: the talks numbered in Roman.
    expect(announcedTalks('> Talk II: Ruby On Rails - An Intro (40 mins)\nSpeaker: Thyagarajan Shanmugham\n\nThis is a talk')).toEqual([
      { title: 'Ruby On Rails - An Intro (40 mins)', presenter: 'Thyagarajan Shanmugham' },
    ]);
    expect(announcedTalks('Topic: OpenBMC Security WG\nTime: Jan 8, 2025 10:00 AM Pacific Time\nJoin Zoom Meeting')).toEqual([]);
  });

  it('reads "Summit topic: X" as the form\'s title', () => {
    // python-committers 2013, the whole answer to the Language Summit's call.
    expect(formTopics('Summit topic: when are we going to sunset Python 2.7?')).toEqual([
      { title: 'when are we going to sunset Python 2.7?' },
    ]);
  });
});
