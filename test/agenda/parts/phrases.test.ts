import { describe, expect, it } from 'vitest';
import { introducesTopics } from '../../../src/agenda/reading/intros.js';
import { isPointer, proposalPhrases } from '../../../src/agenda/wording/phrases.js';
import { topicTitle } from '../../../src/agenda/wording/topic-title.js';

const topics = (text: string) => proposalPhrases(text).map((p) => p.topic);

describe('proposal phrases (issue 8, "Proposals in plain sentences")', () => {
  it('reads "One possible goal: X" on its line as a proposal of X', () => {
    // wikitech-l 2016, to the Developer Summit's call for main topics; the reason follows on the next line.
    const text =
      'We could set the goal of selecting a few challenges\nOne possible goal: Citations\nCitation support is very hacky - everywhere.';
    expect(proposalPhrases(text).map((p) => p.topic)).toEqual(['Citations']);
    expect(proposalPhrases('One possible topic: memory tiering. It would be nice.').map((p) => p.topic)).toEqual(['memory tiering']);
  });

  it('reads offers to give an update and wishes to meet about a topic', () => {
    expect(topics('I can also give an update on the CI farm.')).toEqual(['the CI farm']);
    expect(topics('We could provide a short update on the new PHY driver.')).toEqual(['the new PHY driver']);
    expect(topics('Hi all. Wanted to meet and discuss standalone PCS drivers.')).toEqual(['standalone PCS drivers']);
    expect(topics('Christian and me would like to join you this week to discuss standalone PCS drivers.')).toEqual([
      'standalone PCS drivers',
    ]);
  });

  it('reads "give a talk around X", and "all topics you mention" as no topic of its own', () => {
    expect(topics("I'd like to give a talk around the LTO and PGO benchmarks.")).toEqual(['the LTO and PGO benchmarks']);
    expect(topics("Yes, I'd be interested in discussing all topics you mention.").filter((t) => !isPointer(t))).toEqual([]);
    // LPC 2022, to the PM and Thermal MC's reminder: a topic sent through the CfP form, named in quotes.
    expect(topics('I have submitted a discussion topic on "Energy model accuracy" that I hope to present.')).toEqual([
      'Energy model accuracy',
    ]);
    expect(topics('I just submitted a v3, hopefully not too soon before the meeting.')).toEqual([]);
    // git 2022, at the end of a status report: "it" is the report, the rest says where it goes.
    expect(isPointer("it at the Contributor's Summit tomorrow")).toBe(true);
    expect(isPointer('iterators at the summit')).toBe(false);
    // BayPIGgies 2006: "15+ pages of graphs ... which I would like to present at Google on May 11".
    expect(isPointer('at Google on May 11')).toBe(true);
    expect(isPointer('next month')).toBe(true);
    expect(isPointer('attestation at boot')).toBe(false);
    // WineConf 2002: a change in how the meeting runs is no topic; a discussion group the writer offers to lead is one.
    expect(isPointer('a slight change in format, Michael.')).toBe(true);
    expect(topics("I'd be happy to spark a 'What should be in Wine 1.0?' discussion group on Friday.")).toEqual([
      "a 'What should be in Wine 1.0?' discussion group on Friday",
    ]);
    // libcamera 2025: what the writer would propose it as, the topic named before.
    expect(isPointer('as a discussion topic for linux-media and I was looking at discussing this')).toBe(true);
    // The 2019 CF workshop: "I would like to propose these for discussion and for adoption": the linked document.
    expect(isPointer('these for discussion and for adoption ? in whole, in part, in changed form')).toBe(true);
    expect(isPointer('theses for discussion')).toBe(false);
    // twisted-python 2010: the topics the thread named before.
    expect(isPointer('most of the topics listed above')).toBe(true);
  });

  it('reads a topic already planned for a meeting, the subject of its clause', () => {
    // devicetree 2024, in review: a topic already planned for the BoF, the subject of its clause.
    expect(
      topics(
        "It's more of a problem for us, and how to handle firmware interfaces to hardware is one of the topics that's planned for the devicetree BoF.",
      ),
    ).toEqual(['how to handle firmware interfaces to hardware']);
    expect(topics('Memory tiering is one of the items scheduled for the next call.')).toEqual(['Memory tiering']);
    // ceph 2019: an item already on the agenda, said again, is no new proposal.
    expect(topics('Snapshot mirroring is on the agenda for CDM next week.')).toEqual([]);
  });

  it('reads "I\'d like to make sure we cover X" (svsm-devel 2025-01, answering the call)', () => {
    expect(topics("I'd like to make sure we cover the IGVM spec moving to the CCC for open governance.")).toEqual([
      'the IGVM spec moving to the CCC for open governance',
    ]);
  });

  it('reads "can I slot in X" (the verb), not "there is a slot in <the meeting>" (linux-mm 2012)', () => {
    expect(topics('Can I slot in a quick update on the CI farm?')).toEqual(['quick update on the CI farm']);
    expect(topics('There is a slot in MM/memcg minisum at KS so we have a slot to discuss this.')).toEqual(['this']);
  });

  it('reads plans, eagerness and interest to discuss something (git 2015, to the contributor summit)', () => {
    expect(topics('I am planning to discuss the next git version protocol with anybody interested.')).toEqual([
      'the next git version protocol',
    ]);
    expect(topics("I'm keen to talk about the new protocol.")).toEqual(['the new protocol']);
    expect(topics('I am interested in discussing the git pack protocol v2.')).toEqual(['the git pack protocol v2']);
    expect(topics('I was interested in the talk.')).toEqual([]);
  });

  it('reads an offer to take some minutes to present something (qemu-devel 2023-10, to the call)', () => {
    expect(topics('I can take 30min to briefly describe the problems, and present the vision / roadmap.')).toEqual([
      'the problems, and present the vision / roadmap',
    ]);
    expect(topics('I can take the bus to the venue.')).toEqual([]);
  });

  it('reads "it would be beneficial to discuss X in <office hours>", trimmed at the meeting', () => {
    // bpf 2023-01-05.
    expect(topics('I think it would be beneficial to discuss BPF helpers freeze in BPF office hours.')).toEqual(['BPF helpers freeze']);
  });

  it('reads a quick discussion or poll, and a chair wondering whether to reconsider something', () => {
    expect(topics('Maybe we can have a quick discussion and poll about requiring 2FA.')).toEqual(['requiring 2FA']);
    expect(topics('I wonder whether we should consider allowing the basics again.')).toEqual(['allowing the basics again']);
    // qemu-devel 2025-09, in answer to a call: "add a discussion" offers one as "have a discussion" does.
    expect(topics('Hey, we could add a discussion about whether we need to expose the BQL over TCG.')).toEqual([
      'whether we need to expose the BQL over TCG',
    ]);
  });

  it('reads a quoted topic someone adds, but not one they were going to propose and did not', () => {
    expect(topics('I\'ve meant to add a "minimum toolchain versions" topic ...')).toEqual(['minimum toolchain versions']);
    expect(topics('I took a liberty to add "BPF helpers freeze" as a topic for next BPF office hours.')).toEqual(['BPF helpers freeze']);
    // linux-block 2024-02-04, in a reply to another LSF/MM/BPF proposal.
    expect(topics('I was going to propose the "mm docs" session again, but this one seems more useful.')).toEqual([]);
  });

  it('reads a wish the chair relays ("@Ian: you mentioned that you wanted to find a way to get X")', () => {
    // xen-devel 2019-12, the chair's call for agenda items.
    const relayed = topics('@Ian: you mentioned that you wanted to find a way to get sysadmin help for the test lab - I wanted to ask');
    expect(relayed.map((t) => topicTitle(t)?.title)).toEqual(['Sysadmin help for the test lab']);
    expect(topics('Ada said she would like to go over the release checklist.')).toEqual(['the release checklist']);
  });

  it('reads the call offered as a good place to discuss a topic', () => {
    expect(topics("Cc'ing Brian (this could be a good place to discuss Hexagon semihosting)")).toEqual(['Hexagon semihosting']);
  });

  it('reads a wish to restart a discussion', () => {
    // linux-media 2019, in the Media Summit's thread.
    expect(topics('I would like to re-start discussing multiplexed stream support, but that would require Sakari.')).toEqual([
      'multiplexed stream support',
    ]);
  });

  it('reads time asked of the call for a topic', () => {
    expect(topics('Otherwise I would like to ask to reserve 30 minutes of the community call to make progress on MISRA.')).toEqual([
      'MISRA',
    ]);
    expect(topics('Could we set aside a few minutes of the next meeting for the release checklist?')).toEqual(['the release checklist']);
  });

  it('reads an invitation to discuss the thread at a meeting, but not a request for more from the addressee', () => {
    // openbmc 2019-06-10: "security docs in review" put to the Security Working Group meeting.
    const invite = 'You can discuss these on the email list, in review, or at the Security Working Group meeting.';
    expect(proposalPhrases(invite).map((p) => p.topic)).toEqual(['these']);
    expect(topics('Maybe you could present what you are trying to achieve at the office hours?')).toEqual([]);
  });

  it('does not take a wish about something else for a proposal', () => {
    expect(topics('I wanted to thank everyone for the reviews.')).toEqual([]);
    expect(topics('We can meet at 16:00 instead.')).toEqual([]);
    // Deferring what is already on the agenda is no new topic.
    expect(topics('Both topics are on the agenda. We can discuss them early in the meeting if you wish.')).toEqual([]);
  });
});

describe('words that introduce a list of topics', () => {
  it('knows topics, points, proposals and a verb that announces the list', () => {
    expect(introducesTopics('A couple of points')).toBe(true);
    expect(introducesTopics('Proposals so far')).toBe(true);
    // The guest_memfd call's invitation (2024-12): an adverb before the verb.
    expect(introducesTopics("In this meeting we'll likely discuss:")).toBe(true);
    // Mapnik 2010: a sprint's goals announced right above them; not goals talked about in passing (Open MPI 2008).
    expect(introducesTopics('The goals for Committers and Cartographers will be:')).toBe(true);
    // The first PyPy sprint's call (2003): the goals' heading boxed between rules.
    expect(introducesTopics('------------ Goals of the first Minimal PyPython Marathon ------------')).toBe(true);
    expect(introducesTopics('But I thought we might be able to list out the high level goals and start discussing location.')).toBe(false);
    // The Driver and H/W APIs Workshop chair's reminder (netdev 2024): the topics sent in so far.
    expect(introducesTopics('Reminder about this workshop. Current responses:')).toBe(true);
    // Nick Piggin's call for a VM/FS meetup (linux-mm 2007): the things, then the verb, then "are".
    expect(introducesTopics("A few things I'd like to talk about are:")).toBe(true);
    // LPC 2022, the Kernel Memory Management MC's call: examples of what it would like to discuss.
    expect(introducesTopics('We would like to discuss current problems in memory management, for example:')).toBe(true);
    expect(introducesTopics('The patch changes the locking, for example:')).toBe(false);
    expect(introducesTopics('Next week we will be discussing:')).toBe(true);
    // LPC 2025, the Observability MC's call; the ClangBuiltLinux meet-up 2019, a reply to its call.
    expect(introducesTopics('This microconference provides a valuable forum for key engineering areas such as:')).toBe(true);
    expect(introducesTopics("Hi Bill, if time permits, I'd like to do the following talks:")).toBe(true);
    expect(introducesTopics('These areas of the code changed')).toBe(false);
    expect(introducesTopics("We're particularly interested in talks that:")).toBe(false);
    // PIRL 2019's call for participation: the keynotes, named right above them.
    expect(introducesTopics("This year's keynote presentations will be:")).toBe(true);
    expect(introducesTopics('The talks will be recorded and the slides are:')).toBe(false);
    // The Boot-Time SIG's reminder (2025): what the agenda holds so far, above it.
    expect(introducesTopics("The agenda will be in the above document before the call. This is what I've got so far:")).toBe(true);
    expect(introducesTopics('For now we have:')).toBe(true);
    expect(introducesTopics("I'd like to cover:")).toBe(true);
    // sambaXP's announcements (2024, 2025): the program's highlights, and "Here are ..." pointing back
    // at the agenda the sentence before names.
    expect(introducesTopics('Highlights at a Glance ----------------------')).toBe(true);
    expect(introducesTopics('The Agenda has been published. Here are a few gems from the list:')).toBe(true);
    expect(introducesTopics('The patch has been merged. Here are a few of its changes:')).toBe(false);
  });

  it('reads past the sentences after the intro that only ask for more', () => {
    // OLS 2006, the NUMA BoF's chair: the list follows two sentences asking for other issues and input.
    const intro =
      "Here is a one liner for each subject that may be useful to discuss. I'd be interested in hearing if there are any " +
      'other issues that would need our attention. Maybe this thread will allow those who will not be at the OLS to give us some input.';
    expect(introducesTopics(intro)).toBe(true);
    expect(introducesTopics('The patch does three things. Let me know what you think.')).toBe(false);
    expect(introducesTopics('Please send more.')).toBe(false);
    // The V4L/DVB miniconf's schedule (LPC 2010): what will be discussed, said in the passive.
    expect(introducesTopics('Those changes will be discussed on the tracks below:')).toBe(true);
    expect(introducesTopics('Those changes were discussed on the tracks below:')).toBe(false);
  });

  it('does not take the points of a running debate for an agenda', () => {
    expect(introducesTopics('See my RFC on the list, so far we are discussing:')).toBe(false);
    expect(introducesTopics('The patch does three things:')).toBe(false);
  });

  it('reads "X would be a useful topic to discuss at ..." with X as the topic', () => {
    // linux-pci 2021, in a patch thread, naming the Plumbers PCI microconference.
    expect(
      topics('I would expect DOE,  SPDM, and IDE would be a useful topic to discuss at the the Plumbers PCI Microconference.'),
    ).toEqual(['DOE,  SPDM, and IDE']);
    expect(topics('The only big topic is the multi-cpu support.')).toEqual(['the multi-cpu support']);
  });

  it("reads a lead's invitation to a session on X and an offer to talk about X, without the audience", () => {
    // LPC 2021/2022 Toolchains MC: the lead's invitations and a reply to the call.
    expect(topics('Would you all be interested in leading another session on kernel+toolchain collaboration for mitigations?')).toEqual([
      'kernel+toolchain collaboration for mitigations',
    ]);
    expect(
      topics("We were wondering if you'd be interested in presenting more information about -fanalyze to kernel developers there?"),
    ).toEqual(['-fanalyze']);
    expect(topics('I could talk ad nauseum about PGO and LTO.')).toEqual(['PGO and LTO']);
    expect(topics('Would you be interested in joining us?')).toEqual([]);
    // kasan-dev 2024: the BoF's lead asking which sessions to hold.
    expect(topics('Would you be interested in joining a BoF on Kernel Sanitizers?')).toEqual(['Kernel Sanitizers']);
    expect(topics('Are we interested in another BoF on syzkaller?')).toEqual(['syzkaller']);
  });

  it('reads the words before a heading over the list, and "the agenda below:" after an invitation', () => {
    // The Airflow dev call's chair (2026): an invitation that says the list is the agenda, then a section's heading.
    const intro =
      'It is scheduled for 8 a.m. Pacific Time. If you would like to discuss a particular topic, please let me know if you ' +
      'want to add anything to the agenda below:';
    expect(introducesTopics(intro)).toBe(true);
    expect(introducesTopics(`${intro} Airflow 3.3 and related Development Updates`)).toBe(true);
    expect(introducesTopics('We met at the airport: Terminal 2 and the lounge')).toBe(false);
  });
});

describe('requests and wishes a chair relays to the call', () => {
  it('reads "X has asked to give a presentation about Y" with the name set apart on its own line', () => {
    // qemu-devel 2023-02: the chair adds a member's request to the next call.
    const text = [
      '"Wang, Wei W" <wei.w.wang@intel.com> has asked to give a presentation',
      'about a new feature:',
      '    TDX Live Migration',
      'He wanted 1h, but I told him that we already have two topics for next',
      'call.',
    ].join('\n');
    expect(topics(text)).toEqual(['TDX Live Migration']);
    expect(topics('Paolo asked for some time to talk about the new build system.')).toEqual(['the new build system']);
    // The author's own proposal, not a relayed one (linux-media 2013).
    expect(topics('I have been asked to propose a topic for the mini-summit regarding an SDI API of some sort.')).toEqual([]);
  });

  it('reads "there are people who want to discuss X" in a call', () => {
    // qemu-devel 2022-05, the chair's call for the next day.
    expect(topics('It appears that there are people who wants to discuss live migration improvements.  If we got an agenda')).toEqual([
      'live migration improvements',
    ]);
    expect(topics('There are people who asked about it on IRC.')).toEqual([]);
  });
});

describe('topics put forward as announcements, passives and "another topic"', () => {
  it('reads a discussion announced for a meeting and the subject of a passive, not a pronoun', () => {
    // Open MPI devel 2014: a release manager and a developer to the list, naming the teleconference.
    expect(topics("We will be discussing the contents of the tables at tomorrow's meeting.")).toEqual(['the contents of the tables']);
    expect(topics("ORTE and OMPI components will be discussed at next week's devel meeting.")).toEqual(['ORTE and OMPI components']);
    expect(topics('This will be discussed at the next call.')).toEqual([]);
    expect(topics('The details will be discussed at the meeting.')).toEqual([]);
    // OpenBMC 2020 and ksummit 2022: a clause about someone else's meeting, a question word.
    expect(topics('I understand this issue will be discussed at the Redfish forum meeting planned for Tuesday.')).toEqual([]);
    expect(topics('What exactly will be discussed in this session depends on how the summit evolves.')).toEqual([]);
    expect(topics('Can we discuss that here ?').filter((t) => !isPointer(t))).toEqual([]);
  });

  it('reads "X is another potential topic", "Another topic (possibly) is X" and the one idea for the agenda', () => {
    // The Python Language Summit's call and a committer's answer, 2012.
    expect(topics('Experimental packages are another potential topic.')).toEqual(['Experimental packages']);
    expect(topics('Another topic worthy of discussion is the proposed changes to the release cycle.')).toEqual([
      'the proposed changes to the release cycle',
    ]);
    expect(topics('Another topic (possibly) is the splitting of the stdlib from the core interpreter repo.')).toEqual([
      'the splitting of the stdlib from the core interpreter repo',
    ]);
    expect(topics('the only specific idea for the summit agenda I have so far is namespace packages.')).toEqual(['namespace packages']);
    expect(topics('That is another topic entirely.')).toEqual([]);
  });

  it('reads "would folks be interested in a summary of X" and "it would be nice if we can open a discussion on X"', () => {
    // python-committers 2016, answers to the Language Summit's call.
    expect(topics('would folks be interested in a summary of the SSL/TLS handling developments?')).toEqual([
      'the SSL/TLS handling developments',
    ]);
    expect(topics('But it would be nice if we can open a discussion on the Python C API.')).toEqual(['the Python C API']);
  });
});

describe('a proposal that points at the list below it', () => {
  it('takes "the following topics" behind an aside for a pointer, not a topic', () => {
    // LSF/MM 2015, an attend request whose topics follow as a list.
    const said = proposalPhrases('I would like to discuss (among other topics already suggested) the following topics: General MM topics:');
    expect(said.map((p) => isPointer(p.topic))).toEqual([true]);
  });
});
