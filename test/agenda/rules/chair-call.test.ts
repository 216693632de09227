import { describe, expect, it } from 'vitest';
import { chairCallRule } from '../../../src/agenda/rules/chair-call.js';
import { compileMeetings } from '../../../src/agenda/extract/meeting-match.js';
import { context, envOf, MEETINGS, message, titles } from '../extract-helpers.js';
import { makeEnv } from '../../../src/agenda/extract/extract.js';

describe("rule 5: the chair's calls, reminders and posted agendas", () => {
  it('lists each "Current topics:" item, carriedOver when it restates an existing item', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Current topics:\n- Irmin 3 roadmap\n- Solo5 release (10 min)\n\nAccess, agenda, and notes are in the wiki:\nhttps://example.org/wiki\n',
    });
    const c = chairCallRule(envOf(msg, {}, ['mirage/Irmin 3 roadmap']));
    expect(titles(c)).toEqual(['Irmin 3 roadmap', 'Solo5 release']);
    expect(c[0]!.carriedOver).toBe(true);
    expect(c[1]).toMatchObject({ durationMinutes: 10, rule: 'chair-call' });
    expect(c[1]!.carriedOver).toBeUndefined();
  });

  it("leaves out an announcement's logistics headings and a list's footer", () => {
    // Mapnik 2010 ("Date", "Attendees", "Next Steps", "Feedback") and ILUGC 2002 (Mailman's footer).
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'Topics:\n- Next Steps\n- Feedback\n- Attendees\n- Cartography improvements\n- Unsubscribe <password> address\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Cartography improvements']);
  });

  it("reads a talk announced as fields, an 'Intro' talk included, but not the round of introductions", () => {
    // ILUGC 2004, the monthly meet's announcement; "Introductions" as a timetable's first entry.
    const talk = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'Agenda for Next Meeting :-\n\nTalk :\n======\nTopic   : GUI Programming in Perl/Tk - Intro\nSpeaker : Mr. Raman P\n',
    });
    expect(titles(chairCallRule(envOf(talk)))).toEqual(['GUI Programming in Perl/Tk']);
    const intros = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'Agenda:\n- Introductions\n- Hans: Quick introduction\n- Introduction to Solo5\n',
    });
    expect(titles(chairCallRule(envOf(intros)))).toEqual(['Introduction to Solo5']);
  });

  it('reads the list a lone heading item introduces across a blank line, and an index its sections repeat', () => {
    // I2P's weekly status notes, 2004: "* Index:", a blank line, the list; and a list at the top with
    // no intro whose items head the mail's sections further down.
    const headed = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: "Hi y'all\n\n* Index:\n\n1) 0.4.0.1\n2) Threat model updates\n\n* 1) 0.4.0.1\n\nThings are going well.\n",
    });
    expect(titles(chairCallRule(envOf(headed)))).toEqual(['0.4.0.1', 'Threat model updates']);
    const index = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        '1) 0.3.3 and the roadmap\n2) attacks and defenses\n\n* 1) 0.3.3 and the roadmap\n\nText.\n\n* 2) attacks and defenses\n\nMore.\n',
    });
    expect(titles(chairCallRule(envOf(index)))).toEqual(['0.3.3 and the roadmap', 'Attacks and defenses']);
    // The same list with no sections under it and no intro, the call's only list, is its agenda too
    // (the LLVM RISC-V sync-up's call of 2021-12-09 is nothing else).
    const bare = message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: '1) 0.3.3 and the roadmap\n2) attacks and defenses\n' });
    expect(titles(chairCallRule(envOf(bare)))).toEqual(['0.3.3 and the roadmap', 'Attacks and defenses']);
  });

  it('reads the proposals and topics an announcement names in its sentences, and no "next week" from its subject', () => {
    // The netCDF-CF workshop's announcement and reminder, CF metadata 2017.
    const msg = message({
      subject: 'Reminder: MirageOS call: next week',
      bodyText:
        'There will be time devoted to several current proposals: satellite swath\ndata, group hierarchies, and geometries (e.g., polylines and polygons).\n' +
        'There will also be sessions on more general CF topics including the\nrecently proposed CF Data Model, and possible change to the latitude/longitude requirement.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Satellite swath data',
      'Group hierarchies',
      'Geometries',
      'The recently proposed CF Data Model',
      'Possible change to the latitude/longitude requirement',
    ]);
  });

  it('reads "The tasks to be done are" over a numbered list as the meeting\'s topics', () => {
    // ILUGC 2004, the volunteers' meet called in the same mail.
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'The tasks to be done are\n\n1.Preparing letters to colleges/schools\n\n2. Discussing about roles.\n\n3. Finance\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toHaveLength(3);
  });

  it("reads a sprint's goals as its topics", () => {
    // Mapnik 2010: the organiser's proposal of the code sprint.
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'The goals for Committers and Cartographers will be:\n\n- Cartography Improvements - Discuss and defeat some tricky\n' +
        'cartography requests.\n\n- Maintainer Farming - Encourage community members to take a greater\npart in maintaining the code.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Cartography Improvements', 'Maintainer Farming']);
  });

  it('reads the list under a heading item ("* Index") as the agenda, not the sections that follow', () => {
    // I2P's weekly status notes (2005): an index of the meeting's items, then a section for each.
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        "Hi y'all, time for our first weekly status notes of 2005\n\n* Index\n1) Net status\n2) 0.4.2.6\n3) jabber @ chat.i2p\n" +
        '4) ???\n\n* 1) Net status\n\nOver the last week, things have been pretty interesting.\n\n* 2) 0.4.2.6\n\nIt is out.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Net status', '0.4.2.6', 'Jabber @ chat.i2p']);
  });

  it('reads a numbered "Tentative agenda:" with wrapped items, not its boilerplate', () => {
    const msg = message({
      subject: 'GUI WG meeting - this Wednesday 7:30AM CST',
      listId: 'wg.example.org',
      bodyText:
        'The GUI WG meeting is on Wednesday at\n7:30AM CST.\n\nTentative agenda:\n\n   1. Updates on icon changes (Intel)\n   2. Review user feedback and discuss a\n   possible redesign (IBM)\n\nPlease add any other agenda items here:\nhttps://example.org/wiki\n',
    });
    const c = chairCallRule(envOf(msg));
    expect(titles(c)).toEqual(['Updates on icon changes', 'Review user feedback and discuss a possible redesign']);
    expect(c.map((x) => x.presenter)).toEqual(['Intel', 'IBM']);
    expect(c[0]!.meetingId).toBe('gui-wg');
  });

  it('reads the points under a section of the agenda as its topics, not the section (Boot-Time SIG 2025)', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Topics:\n  - Round-table of completed or ongoing work\n    - Work on the wiki https://example.org/wiki\n' +
        '       - Recent pages worked on:\n          - https://example.org/a\n' +
        '    - patches in flight:\n       - init/main.c: print initcall level (Francesco Valla)\n' +
        '    - What are people working on?\n       - In particular, are there any other patches in flight?\n' +
        '       - Status of the TI boot time work?\n       - Anyone else?\n' +
        '  - Engaging more developers\n    - Not many people have run the tool\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Work on the wiki',
      'init/main.c: print initcall level',
      'Status of the TI boot time work?',
      'Engaging more developers',
    ]);
  });

  it('reads the points of an agenda typed by hand: wobbling margins, headings that name no subject, a section under a topic', () => {
    // The Boot-Time SIG's reminder (2025), shortened: sibling points at three indents, "upstream
    // discussion" over the one topic it holds, a section nested under a topic, standing business
    // with nothing under it, and the chair's prompt to the room.
    const msg = message({
      subject: 'Reminder: MirageOS call (July 22)',
      bodyText:
        "This is what I've got so far:\n- Post-mortem of the summit\n   - What ideas should we follow up on?\n\n" +
        '  - Status of patches or docs being considered for upstream\n    - bootstage stash driver\n    - deferred initcalls\n' +
        '- Round-table of on-going work\n     - Tim currently working on:\n         - boot-time regression test\n' +
        '   - boot caching\n   - elinux wiki pages\n      - https://example.org/wiki\n    - Automatically reducing kernel configuration (Michael)\n' +
        '  - upstream discussion\n     - effects of new nbcon console\n  - Are there any other patches in flight?\n' +
        '- Review of action items\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Post-mortem of the summit',
      'Bootstage stash driver',
      'Deferred initcalls',
      'boot-time regression test',
      'Boot caching',
      'Elinux wiki pages',
      'Automatically reducing kernel configuration',
      'Effects of new nbcon console',
    ]);
  });

  it('reads "Things to follow up on:" as a section over its points (the Boot-Time SIG 2025)', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: "This is what I've got so far:\n- Report on the unified log discussion\n- Things to follow up on:\n   - boot caching\n",
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Report on the unified log discussion', 'Boot caching']);
  });

  it('reads a heading over points that each name who brings them as a heading over topics', () => {
    // The V4L2 brainstorm meeting's agenda (linux-media 2011); "Load balancing:" over bare points stays one topic.
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Agenda:\n\n1) Compressed format API\n   (Hans, Laurent)\n\n2) Small architecture enhancements:\n' +
        '\t- Acquiring subdevs using a subdev pool\n\t  https://example.org/msg1\n\t  (Tomasz)\n' +
        '\t- Entity information ioctl\n\t  Some drivers will need to report driver-specific information.\n\t  (Laurent)\n\n' +
        '3) Load balancing:\n\t- wakeup path\n\t- periodic balance\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Compressed format API',
      'Acquiring subdevs using a subdev pool',
      'Entity information ioctl',
      'Load balancing',
    ]);
  });

  it('takes a call for presentations\' dates, talk sizes and "a wide range of topics" for no topics (FOSDEM devroom calls)', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Mark the Dates\n--------------\n\n- December 1st, 2024: Submission deadline\n' +
        '- December 15th, 2024: Announcement of accepted talks and schedule\n\n' +
        "We're looking for talk or demo proposals in one of the following 4 sizes:\n\n   10 minutes (e.g., a short demo)\n" +
        '   20 minutes (e.g., a project update)\n\nShorter content will be more likely to get approved as we want to cover a wide range of topics.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([]);
  });

  it("takes what a call for presentations says talks may cover for no topics, a microconference's topics of interest for topics", () => {
    // The Tracing Summit's call (2022) and the Real-Time Linux Summit's (2024); LPC 2026, the Containers MC.
    const scope = (intro: string) =>
      message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: `${intro}\n\n- Trace filtering\n- Trace formats\n` });
    expect(chairCallRule(envOf(scope('We are welcoming 30 minute presentations on topics covering, but not limited to:')))).toEqual([]);
    expect(chairCallRule(envOf(scope('We are looking for proposals for topics in the following areas')))).toEqual([]);
    expect(titles(chairCallRule(envOf(scope('Topics of interest include, but are not limited to:'))))).toEqual([
      'Trace filtering',
      'Trace formats',
    ]);
  });

  it('reads agenda items counted off in a sentence ("The first item is X and the second is Y")', () => {
    // The Xen Hyperlaunch WG's call (2021), names changed.
    const msg = message({
      subject: 'Reminder: MirageOS call this Thursday',
      bodyText:
        'We have posted the design documents and would invite attendance at a call to discuss two agenda items.\n' +
        'The first item is a review of the design documents and the second is a discussion about bringing\n' +
        'the prototype in as patches. If possible please join us this Thursday.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The design documents', 'Bringing the prototype in as patches']);
  });

  it('takes the author signing a paragraph ("- Joseph") for no one-item list', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call',
      fromName: 'Joseph Reynolds',
      bodyText: "I've excerpted the conversation here to help facilitate discussion.\n\n- Joseph\n\nRichard:\nwhat is the direction?\n",
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('takes no topics from options about the call', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'There are currently no items on the agenda. Assuming no items are added before the meeting then we have the option of\n' +
        '1) cancelling or 2) joining to see if anyone wants to bring up any topics\nfor discussion.\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it("takes no topics from the call's administrative conventions or its meeting time", () => {
    // Xen community call 2023: the call for agenda items and its dial-in block.
    const msg = message({
      subject: 'Call for agenda items: MirageOS call',
      bodyText:
        'Note the following administrative conventions for the call:\n* Unless agreed otherwise, the call is on the 1st\n' +
        'Thursday of each month at 1600 British Time\n* I usually send out a reminder\n\n## Meeting time\n16:00 - 17:00 British time\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('reads "Only item on the agenda so far is X" and "Small agenda, we are pondering X"', () => {
    // netdev call announcements, 2024.
    const only = message({ subject: 'Reminder: MirageOS call', bodyText: 'Only item on the agenda so far is HW rate ctrl.\n' });
    expect(titles(chairCallRule(envOf(only)))).toEqual(['HW rate ctrl']);
    const small = message({
      subject: 'Reminder: MirageOS call',
      bodyText: 'Small agenda, we are pondering creating a foundation within LF\nto pay for netdev CI.\n',
    });
    expect(titles(chairCallRule(envOf(small)))).toEqual(['Creating a foundation within LF to pay for netdev CI']);
  });

  it('takes nothing from a list that says it is empty', () => {
    const msg = message({ subject: 'Reminder: MirageOS call', bodyText: 'The current topics:\n\n1. (no topics scheduled)\n' });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('reads a timetable and drops meals, breaks, open slots and call times', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call agenda',
      bodyText:
        '16:00 - 17:00 UTC\n08:00 - 09:00 PST (San Francisco)\n\n8:45 Short intro\n9:00  Welcome and Agenda Bashing\n9:30  Regression tracking (Thorsten)\n10:00 Break\n10:30 Rust in the kernel: next\n      steps (Miguel)\n12:00 Lunch\n13:00 <Open Slot>\n15:00 Pause\n',
    });
    const c = chairCallRule(envOf(msg));
    expect(titles(c)).toEqual(['Regression tracking', 'Rust in the kernel: next steps']);
    expect(c.map((x) => x.presenter)).toEqual(['Thorsten', 'Miguel']);
  });

  it('takes no timetable line from a version number that starts a wrapped description line', () => {
    // Linux Media Summit 2018 draft agenda: "should be merged for\n\t4.20, and the next step is ...".
    const msg = message({
      subject: 'Reminder: MirageOS call agenda',
      bodyText:
        '13:30-14:30: Stateless Codec userspace (Hans Verkuil)\n\tSupport for stateless codecs should be merged for\n' +
        '\t4.20, and the next step is to discuss how to organize the userspace\n\tsupport.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Stateless Codec userspace']);
  });

  it('takes no timetable line from a time that a wrapped sentence put at the start of a line', () => {
    // libcamera 2026: "We will welcome you from\n08:30 in "Salle Courants", ...", then the timetable.
    const msg = message({
      subject: 'Reminder: MirageOS call agenda',
      bodyText:
        'The workshop will be located at the hotel, four tram stops away. We will welcome you from\n' +
        '08:30 in "Salle Courants", which will be identified by the logo.\n\n09:15 - 10:00  Roadmap and ongoing work (Kieran)\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Roadmap and ongoing work']);
  });

  it('reads topics a call states in prose', () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Please send any topic.\n\nThomas wants to talk about the new storage backend.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The new storage backend']);
  });

  it('takes "the agenda is up at <link>" for where the agenda is, not what it holds (git 2020)', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'The main conference schedule and agenda is up at:\n\n  https://example.org/agenda\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('reads the points under an item that only names people as their topics ("Current responses:")', () => {
    // netdev 2024, the Driver and H/W APIs Workshop chair's reminder.
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Current responses:\n- Jiri Pirko / Jacob Keller\n  + multi PF device with shared resources\n\n' +
        '- Amritha Nambiar\n  + NAPI config for queue-set API?\n  + devlink-extensions\n\nI have a couple of topics.\n',
    });
    expect(chairCallRule(envOf(msg)).map((c) => [c.title, c.presenter])).toEqual([
      ['Multi PF device with shared resources', 'Jiri Pirko / Jacob Keller'],
      ['NAPI config for queue-set API?', 'Amritha Nambiar'],
      ['devlink-extensions', 'Amritha Nambiar'],
    ]);
  });

  it('reads the examples of what the chairs would like to discuss as their topics', () => {
    // LPC 2022, the Kernel Memory Management MC's call; "Good topics:" (bcachefs) stays a kind of topic.
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'We would like to discuss current problems in memory management,\nfor example:\n\n\t* Multi-generational LRU vs traditional LRU\n\n' +
        '\t* Do we need three different slab allocators?\n\nPlease submit your proposals.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Multi-generational LRU vs traditional LRU',
      'Do we need three different slab allocators?',
    ]);
  });

  it('reads "Immediate topics:" followed by sentences, one topic each, and not the purpose of the call', () => {
    // The first xfs office hours (linux-xfs 2024).
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'We do not have a call where people can discuss what they are working on, ask for new projects, etc.\n\n' +
        'Immediate topics: I want to give away a bunch of projects: the ones that\nhave been festering in djwong-dev.  ' +
        'Also the actual scheduling for this meeting since the biggest\nblocker has been finding any good timeslot.\n\n--Darrick\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Give away a bunch of projects', 'The actual scheduling']);
    // PUCK 2023: "Topic:" in the singular heads the call's form; its next field is no topic.
    const form = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Topic:      guest_memfd(), a.k.a. restrictedmem\nObjective:  Reach consensus on design\n\nDate:  2023.05.31\n',
    });
    expect(titles(chairCallRule(envOf(form)))).not.toContain('Restrictedmem Objective');
    expect(titles(chairCallRule(envOf(form))).some((t) => /objective/i.test(t))).toBe(false);
  });

  it("reads the only meeting's chair's RFC that names the call over lists as a proposal, not the call (Open MPI devel 2009)", () => {
    const alone = { ...context(), meetings: [{ ...MEETINGS[0]!, chairs: ['ada@example.org'] }] };
    const rfc = message({
      subject: '[OMPI devel] RFC: New Open MPI release procedure',
      bodyText:
        'What: Proposal for a new release methodology for the Open MPI Project.\n\n' +
        'Why: We have [at least] 2 competing forces in Open MPI:\n   - desire to release new features quickly.  Fast is good.\n' +
        '   - desire to release based on production quality.  Slow is good.\n\n' +
        'How: Take some ideas from other well-established release paradigms,\nsuch as:\n' +
        '   - Linux kernel "odd/even" version number release methodology\n   - Agile development models\n\n' +
        "--> Ralph and I will talk through all the details and answer any\n     questions on tomorrow's mirage call.\n\n" +
        'To ground all of the above discussion in a concrete proposal:\n\n   1. Ralph and I will be responsible for the v1.4 series\n' +
        '   2. Immediately create the v1.4 branch from the SVN trunk\n',
    });
    expect(makeEnv(rfc, alone).callMeeting).toBeNull();
  });

  it("reads the only meeting's chair's forward as its first author's mail, not the call (ILUGC 2007)", () => {
    const alone = { ...context(), meetings: [{ ...MEETINGS[0]!, chairs: ['ada@example.org'] }] };
    const body =
      'Here is a chance for you to submit your questions. The two broad\ntopics that we would like to discuss with Linus are:\n\n' +
      '1. The technology road map of Linux (especially the kernel)\n2. The role Indian techies can play in developing Linux and open source\n';
    const forward = message({ subject: '[Ilugc] Fwd: Linus Torvalds Speaks: Have You Something To Ask?', bodyText: body });
    expect(makeEnv(forward, alone).callMeeting).toBeNull();
    // The same list in the chair's own mail under a subject of its own is the call, as before.
    const own = message({ subject: '[Ilugc] Linus Torvalds Speaks: Have You Something To Ask?', bodyText: body });
    expect(makeEnv(own, alone).callMeeting?.id).toBe(MEETINGS[0]!.id);
  });

  it('reads what the chair hopes to get fleshed out at the call', () => {
    // bcachefs cabal, 2023-11-13.
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Hoping to get the roadmap fleshed out some more, start collecting more\nideas and sketching out design plans.\n\nCheers,\nKent\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The roadmap']);
  });

  it('reads "Proposed topics include X, and Y" one topic each', () => {
    // The USB mini-summit's call (linux-usb 2011): the topics in prose, then described under "Topic 1".
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Proposed topics include USB virtualization, and improved bandwidth APIs\nbetween the USB core and drivers (especially webcam drivers).  ' +
        'See the\ndetailed topic list below.\n\nTopic 1\n-------\n\nThe KVM folks suggested that it would be good.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['USB virtualization', 'Improved bandwidth APIs between the USB core and drivers']);
  });

  it("reads the chair's own update in prose, and not a question that asks for topics", () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        "The call is tomorrow.\n\nI, again, have a minor update on the release tooling. I'd also like to talk about the\nholiday schedule.\n",
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The release tooling', 'The holiday schedule']);
    const ask = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Do we have anything we want to discuss ahead of the retreat next week? Happy to skip otherwise.\n',
    });
    expect(chairCallRule(envOf(ask))).toEqual([]);
  });

  it("lists the topics a call continues from last time, but not the last call's notes", () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: "In this meeting, we'll continue the discussion we started last time:\n  * Unikernel boot time\n\nThanks\n",
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Unikernel boot time']);
    const notes = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'The topics we discussed last time:\n  * Unikernel boot time\n\nThanks\n',
    });
    expect(chairCallRule(envOf(notes))).toEqual([]);
  });

  it('reads the list under "What I have so far is at <pad>"', () => {
    // xen-devel 2019-11-07 and 2021-07-05: the chairs' calls for agenda items.
    const sofar = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'quick reminder re agenda items. What I have so far is at https://pad.example.org/p/1\n\nC.1) Solo5 release (Hannes)\n',
    });
    expect(titles(chairCallRule(envOf(sofar)))).toEqual(['Solo5 release']);
  });

  it('takes no list under a finished sentence that names its own topic, and takes that topic', () => {
    const note = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Note that at this call we will be discussing a new monthly time for the call.\n\n' +
        "* To allow time to switch between meetings, we'll plan on starting at 16:05 sharp.\n" +
        "* If you want to be CC'ed please add or remove yourself from the sign-up sheet\n",
    });
    expect(titles(chairCallRule(envOf(note)))).toEqual(['A new monthly time']);
  });

  it("takes no topics from a list of choices about the meetings' frequency", () => {
    // ltp 2025-01-30, "[LTP] Meetings schedule".
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'I have a few proposals for our meeting frequency:\n\n- Monthly meetings\n- Meetings every two months\n- Meetings after each release\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('reads a topic someone the chair has give an overview of, with its presenter', () => {
    // guest_memfd upstream call, 2025-10-29 invitation.
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        "In this meeting, we'll definitely have Ackerley give us an overview of\nwork-in-progress HugeTLB support and likely " +
        'we will talk about the\nin-place conversion patches that are already on the list!\n',
    });
    const c = chairCallRule(envOf(msg));
    expect(titles(c)).toEqual(['work-in-progress HugeTLB support', 'The in-place conversion patches that are already']);
    expect(c[0]?.presenter).toBe('Ackerley');
  });

  it('reads a topic the chair says was suggested ("One that has been suggested is looking at X")', () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Are there any agenda items for the sync-up?\n\nOne that has been suggested is looking at the current\nIrmin 3 proposals:\n\n' +
        '  https://example.org/wiki/Irmin3\n\nAnd discussing what we want to see for it to be mergeable.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The current Irmin 3 proposals']);
  });

  it("takes a subject that sums up the listed topics for no topic of its own (Ceph's CDM, 2019)", () => {
    const msg = message({
      subject: 'MirageOS call next Wednesday: multi-site irmin and solo5; ocaml-tls events',
      bodyText: 'The current agenda includes:\n\n- Irmin cloud migration\n- Solo5 snapshot mirroring\n- TLS progress module\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Irmin cloud migration', 'Solo5 snapshot mirroring', 'TLS progress module']);
  });

  it('takes no topic from a round table that asks for any topics', () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Agenda:\n\n1. Round table discussion: Bring any topics that need discussion\n2. Solo5 release\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Solo5 release']);
  });

  it('reads what a call "currently has" as its topics, skipping an empty section', () => {
    // xen-devel 2019-06-21: the chair's call for agenda items, its list introduced mid-sentence.
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Please propose topics by replying to the mail.\n\nNote that currently I have\n* Nothing under:\n' +
        '   D) New Series / Series that need attention\n* A prep item for the developer summit proposed by Jan at the last meeting\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['A prep item for the developer summit proposed by Jan at the last meeting']);
  });

  it("reads what a call will focus on, and the chair's own report in prose", () => {
    const focus = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: "In this meeting, we'll focus on:\n  * Unikernel boot time\n\n... and talk about the latest proposals.\n",
    });
    expect(titles(chairCallRule(envOf(focus)))).toEqual(['Unikernel boot time']);
    const prose = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: "In this meeting, I'll share some details from the summit, and we'll likely talk about the storage backend.\n",
    });
    expect(titles(chairCallRule(envOf(prose)))).toEqual(['The summit', 'The storage backend']);
  });

  it('reads "Presenter: Topic" timetable lines as the topic and its presenter, and drops "Get settled"', () => {
    // Linux Media Summit 2025, draft agenda v1.
    const msg = message({
      subject: 'Reminder: MirageOS call May 13th: Draft Agenda (v1)',
      bodyText:
        'Draft Agenda:\n\n9:00-9:30: Get settled :-)\n\n9:30-9:40: Hans Verkuil: Quick introduction\n\n' +
        '9:40-10:30: Jai Luthra: Per-stream V4L2 controls\n\n10:30-11:15: Hans de Goede: Identifying camera modules\n\n11:15-11:30: break\n',
    });
    const c = chairCallRule(envOf(msg));
    expect(c.map((x) => [x.title, x.presenter])).toEqual([
      ['Per-stream V4L2 controls', 'Jai Luthra'],
      ['Identifying camera modules', 'Hans de Goede'],
    ]);
    // "9:25-10:00: Steve Cho:" with the topics in bullets under the name (Media Summit 2024).
    const under = message({
      subject: 'Reminder: MirageOS call agenda',
      bodyText:
        '9:25-10:00: Steve Cho:\n\n- V4L2 testing on Chromium using VISL\n- V4L2 video decoding testing with KernelCI\n\n10:00-11:00: break\n',
    });
    expect(chairCallRule(envOf(under)).map((x) => [x.title, x.presenter])).toEqual([
      ['V4L2 testing on Chromium using VISL', 'Steve Cho'],
      ['V4L2 video decoding testing with KernelCI', 'Steve Cho'],
    ]);
    // "9:10 Mauro Carvalho Chehab" with no colon, the topic in a bullet after a blank line (V4L/DVB
    // mini-summit 2013); "17:30 End" closes the day.
    const names = message({
      subject: 'Reminder: MirageOS call: final agenda',
      bodyText:
        'The schedule is as follows:\n\n9:00 Welcome/Introduction\n\n9:10 Mauro Carvalho Chehab\n\n' +
        '- Better integration between DVB and V4L2\n\n  30 min\n\n10:00 Break\n\n10:30 Ricardo Ribalda Delgado, Sylwester Nawrocki\n\n' +
        '- Support for multiple rectangle cropping\n  See thread: http://www.spinics.net/lists/linux-media/msg67824.html\n\n17:30 End\n',
    });
    expect(chairCallRule(envOf(names)).map((x) => [x.title, x.presenter])).toEqual([
      ['Better integration between DVB and V4L2', 'Mauro Carvalho Chehab'],
      ['Support for multiple rectangle cropping', 'Ricardo Ribalda Delgado, Sylwester Nawrocki'],
    ]);
    // One such line alone keeps its words: "Media CI: status" is no person.
    const one = message({ subject: 'Reminder: MirageOS call agenda', bodyText: '9:00 Media CI: status and plans\n' });
    expect(titles(chairCallRule(envOf(one)))).toEqual(['Media CI: status and plans']);
  });

  it("takes the topic a session's announcement names in its subject, after a colon or in quotes", () => {
    // LPC 2021 and 2019: one-off BoFs announced by their chairs, titled by their topics.
    const rule = (subject: string) =>
      titles(chairCallRule({ ...envOf(message({ subject, bodyText: 'See you there.\n' })), callMeeting: compileMeetings(MEETINGS)[0]! }));
    expect(rule('BoF at LPC: Documenting the Heterogeneous Memory Model Architecture')).toEqual([
      'Documenting the Heterogeneous Memory Model Architecture',
    ]);
    expect(rule('BoF at LPC "New hardware with modern I2C address conflicts"')).toEqual(['New hardware with modern I2C address conflicts']);
    for (const none of ['Workshop: call for papers', 'Tutorial session: registration open', 'BoF: cancelled', 'Re: BoF at LPC: X and Y'])
      expect(rule(none)).toEqual([]);
  });

  it("takes the topic a call's subject names after its date, and a forward schedule's topics for their own calls", () => {
    const msg = message({
      subject: 'Reminder: MirageOS call - 2025.01.08 - Unikernel boot time',
      bodyText:
        "Tomorrow's MirageOS topic is unikernel boot time, courtesy of Ada Lovelace.\n\nP.S. I give myself 50:50 odds of\n     50:50 odds of remembering to record.\n\nFuture Schedule:\nJanuary 15th - Solo5 release\nJanuary 22nd - Available!\n",
    });
    const c = chairCallRule(envOf(msg));
    expect(c.map((x) => [x.title, x.announces === true, x.mentions?.map((m) => m.dates[0])[0]])).toEqual([
      ['Unikernel boot time', true, '2025-01-08'],
      ['Solo5 release', false, '2025-01-15'],
    ]);
    const timed = message({ subject: 'Reminder: MirageOS call - Wednesday January 8 - 10:00 AM CST', bodyText: 'See you there.\n' });
    expect(chairCallRule(envOf(timed))).toEqual([]);
    for (const none of [
      'CANCELED',
      'No topic, but still a go',
      'Any topics?',
      '@15:00 UTC Call for agenda items',
      'Draft Agenda (v1)',
      'Final agenda',
    ]) {
      const m = message({
        subject: `Reminder: MirageOS call - 2025.01.08 - ${none}`,
        bodyText: 'Future Schedule:\nJanuary 15th - No Topic\nJanuary 22nd - Canceled\n',
      });
      expect(chairCallRule(envOf(m))).toEqual([]);
    }
  });

  it("does not take a call for proposals' instructions for topics", () => {
    const cfp = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Please state the topic in your proposal, and submit the topic as soon as possible.\n\n1) Proposals for agenda topics should be sent before February 22 to:\n\n  cfp@example.org\n\n2) Requests to attend the summit should be sent to the same address.\n',
    });
    expect(chairCallRule(envOf(cfp))).toEqual([]);
  });

  it('is not run on minutes, replies, or mail that is not a call', () => {
    expect(chairCallRule(envOf(message({ subject: 'Notes from the MirageOS call', bodyText: 'Agenda:\n- Irmin\n' })))).toEqual([]);
    expect(
      chairCallRule(envOf(message({ subject: 'Re: Reminder: MirageOS call', bodyText: 'Current topics:\n- Irmin\n', parentMid: 'p@x' }))),
    ).toEqual([]);
    expect(chairCallRule(envOf(message({ subject: 'Irmin release', bodyText: 'Plan:\n- tag it\n' })))).toEqual([]);
  });

  it('takes a list of time slots a chair offers ("- 2024-12-09 (Mon) 18:00 PT (not yet reserved)") for no topics', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'Next three time slots reserved for possible future dedicated topic discussions are as below.\n\n' +
        '- 2024-12-09 (Mon) 18:00 PT (not yet reserved)\n- 2024-12-18 (Wed) 09:30 PT (not yet reserved)\n' +
        '- 2025-01-15 (Wed) 09:30 PT (https://meet.example.org/abc)\n\nPlease reach out to me to reserve a slot for your topic.\n\n' +
        'Topics so far:\n- Irmin 3 roadmap\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Irmin 3 roadmap']);
  });

  it('reads the topics a chair names in a sentence, one per comma, without the routine of every call', () => {
    // bcachefs cabal reminders, 2023-09 and 2023-11 (linux-fsdevel).
    const chatting = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        "Tuesday, September 26th, 1 pm EST:\n\nWe'll be chatting about merging (it is in linux-next now;\nshouldn't be much " +
        'left to talk about), going over bugs/areas to focus on\n(there should be work happening soon), and generally ' +
        "coordinating and answering questions.\n\nSend me an email if you'd like an invite\n",
    });
    expect(titles(chairCallRule(envOf(chatting)))).toEqual(['Merging', 'bugs/areas to focus on']);
    const talking = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        "I'll be talking a bit about the btree write buffer work, and the disk\nspace accounting rewrite (which should get us " +
        'per subvol accounting).\n\nShoot me an email for an invite.\n',
    });
    expect(titles(chairCallRule(envOf(talking)))).toEqual(['The btree write buffer work', 'The disk space accounting rewrite']);
    // "- shoot me an email if you'd like an invite" after a dash is the call's boilerplate, not the topic's end.
    const dash = message({
      subject: 'Reminder: MirageOS call',
      bodyText: "We'll be talking about upstreaming - shoot me an email if you'd like an invite.\n",
    });
    expect(titles(chairCallRule(envOf(dash)))).toEqual(['Upstreaming']);
    // "Here's what we'll be talking about this morning:" and a link (Open MPI, 2015): when, not what.
    const when = message({
      subject: 'Reminder: MirageOS call',
      bodyText: "We're just starting. Here's what we'll be talking about this morning:\n\nhttps://example.org/wiki/Meeting#topics\n",
    });
    expect(titles(chairCallRule(envOf(when)))).toEqual([]);
  });

  it('takes "Good topics:" over a list for the kind of topic welcome, not the call\'s topics', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        "Shoot me an email if you'd like to come.\n\nGood topics:\n- bugs you're working on\n- short code walkthroughs\n" +
        '- design questions for things being actively worked on\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('opens "Other things to discuss" and "New Patches" into their points, a patch by the subject in parentheses', () => {
    // The LLVM RISC-V sync-up's agendas on llvm-dev (2019-2020).
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Issues to discuss today include the following:\n* Machine scheduler\n* Other things to discuss, if interest/time:\n' +
        '  * Machine outliner https://reviews.llvm.org/D66210\n  * LTO https://reviews.llvm.org/D67409\n' +
        '* Other Updated Patches this week:\n  * D62190 (Shrink Wrapping)\n* New Patches:\n' +
        '  * https://reviews.llvm.org/D69899 (better errors in MC layer)\n' +
        "* No other topics were submitted, as always, please do submit things\n  you'd like to discuss\n",
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Machine scheduler',
      'Machine outliner',
      'LTO',
      'Shrink Wrapping',
      'Better errors in MC layer',
    ]);
  });

  it("takes agreeing on the meeting's date, time and lead for the meeting's own business (OpenEmbedded TSC 2011)", () => {
    const oe = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'Agenda:\n01) Agree on meeting date, time and meeting lead. [Proposed: Stefan]\n02) Access model for OE core [Proposed: Koen]\n',
    });
    expect(titles(chairCallRule(envOf(oe)))).toEqual(['Access model for OE core']);
  });

  it("takes what was agreed for settled, not the call's topics, and a sprint's fun for none (PyPy 2003)", () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        '------------------------------\nGoals of the first Minimal PyPython Marathon\n------------------------------\n\n' +
        '- port your favorite C-module to Python\n\n- have a lot of fun meeting like minded people.\n\n' +
        'Please note, that we have reached some agreement on a\nnumber of basic points:\n\na) the Python language is not to be modified.\n\n' +
        'b) simplicity wins. especially against optimization.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Port your favorite C-module to Python']);
  });

  it("takes a chair's call's one list with no intro for its agenda, set apart from a list of links before it", () => {
    // The LLVM RISC-V sync-up's calls (2021).
    const bare = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        '* D113798 add loop unrolling and peeling preferences for RISC-V\n* Discussion on LLVM support for recently ratified extensions\n',
    });
    expect(titles(chairCallRule(envOf(bare)))).toEqual([
      'D113798 add loop unrolling and peeling preferences for RISC-V',
      'LLVM support for recently ratified extensions',
    ]);
    const afterLinks = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        'We have a shared calendar, which is accessible at:\n* <https://calendar.example.org/a>\n* <https://calendar.example.org/b.ics>\n\n' +
        '* Proposal to add .option arch\n* Unify arch string parsing logic\n',
    });
    expect(titles(chairCallRule(envOf(afterLinks)))).toEqual(['Proposal to add .option arch', 'Unify arch string parsing logic']);
  });

  it('takes items named by their number in prose for no topic (OSGeo 2017)', () => {
    const msg = message({
      subject: 'Call for agenda items: MirageOS call 2025-01-08',
      bodyText: 'Only 3 projects will show up today, so review 4 and 5 can go from the list (I updated the wiki page)\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it("takes action items written one paragraph each for the last call's notes (OLPC 2008)", () => {
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'Very condensed minutes of yesterdays meeting are below.\n\nAction items:\n\n' +
        'AI : Greg will send an e-mail asking for call for proposals for November\nmeeting (called XOcamp).\n\n' +
        'AI : Ed and Kim will talk together about support and deployment input\nand ensure that it gets included.\n\n' +
        'AI for everybody: Read and update wiki: http://wiki.example.org/go/9.1.0\n\nNext meeting Wed. October 22 at 2PM US ET IRC\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([]);
  });

  it("takes the topics of previous meetings for what was, not the call's topics (the 2019 CF workshop)", () => {
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'We will hold a 2019 CF Workshop during the week of 15 July 2019.\n\nTopics from previous meetings have included:\n\n' +
        '   - The CF Data Model\n   - DOIs for CF\n   - External variables\n\nIf you have any suggestions for session or breakout topics, please send\nthem along.\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it("takes a call for proposals' topics of interest as the chairs' draft agenda, and plain lines of titles too", () => {
    // LPC 2026 Containers and Checkpoint/Restore MC (OSPM's calls say the same of their scope; the
    // labelling guide counts every list of a chair's call, and the chair rejects what is not wanted).
    const msg = message({
      subject: 'Reminder: MirageOS call for proposals',
      bodyText:
        'Topics of interest include, but are not limited to:\n\n * New VFS and syscall interfaces\n' +
        ' * Closing gaps between cgroup v1 and v2\n\nPresentations can cover recently developed technologies.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['New VFS and syscall interfaces', 'Closing gaps between cgroup v1 and v2']);
    // LPC 2020's call: one title a line at the margin, no markers.
    const plain = message({
      subject: 'Reminder: MirageOS call for proposals',
      bodyText:
        'Here are some ideas for topics:\n\nSystem call filtering and interception\nNew seccomp features\nTime namespacing\n\n' +
        'Some of those are ideas in search of a solution.\n',
    });
    expect(titles(chairCallRule(envOf(plain)))).toEqual([
      'System call filtering and interception',
      'New seccomp features',
      'Time namespacing',
    ]);
  });

  it("takes a call's tentative topics as its draft agenda, however hedged, grouped under headings and thirty long", () => {
    // LPC 2022 VFIO/IOMMU/PCI MC call for papers: "* PCI:" over its points, thirty in all.
    const points = Array.from({ length: 28 }, (_, i) => `\t  - Interconnect topic number ${i + 1}`).join('\n');
    const msg = message({
      subject: 'Reminder: MirageOS call for papers',
      bodyText:
        'Tentative topics that are under consideration for this year include (but\nnot limited to):\n\n\t* PCI:\n' +
        '\t  - Cache Coherent Interconnect for Accelerators (CCIX)/Compute\n\t    Express Link (CXL) expansion memory\n' +
        `\t  - Data Object Exchange (DOE)\n\n\t* IOMMU:\n${points}\n\nPlease submit your proposals on the website.\n`,
    });
    const got = titles(chairCallRule(envOf(msg)));
    expect(got).toHaveLength(30);
    expect(got.slice(0, 2)).toEqual([
      'Cache Coherent Interconnect for Accelerators (CCIX)/Compute Express Link (CXL) expansion memory',
      'Data Object Exchange (DOE)',
    ]);
  });

  it('takes no list under an intro that says the schedule is elsewhere, or asks which session to join', () => {
    // Xen Summit 2024, the organiser's mails for remote attendees.
    const msg = message({
      subject: 'Reminder: MirageOS call day 3',
      bodyText:
        'Please find the *schedule of talks listed here.*\n<https://example.org/schedule/>\n\n' +
        '   - All sessions on Thursday will use the following links\n   - The same links will be used throughout talks\n\n' +
        "Please look out on the schedule for the time and whether the session you'd like to attend is:\n" +
        '   - DESIGN SESSION A <https://meet.example.org/A>\n   - DESIGN SESSION B <https://meet.example.org/B>\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('reads a timetable whose times stand alone on their lines (an HTML table turned into text)', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call schedule',
      bodyText:
        'Schedule Example:\n\n09:00\n\nWelcome & Opening Remarks - Kelly Choi\n\nLIBERDADE I\n\n13:45\n\n' +
        'The future of physical events\n<https://example.org/disc/1>\n\nLIBERDADE I\n\n14:35\n\nDownstream working group\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The future of physical events', 'Downstream working group']);
  });

  it('takes the bullets under an umbrella slot ("Update on ongoing projects (Hans):"), and no setting-up or "Continue discussion"', () => {
    // V4L/DVB mini-summit 2015, draft agenda.
    const msg = message({
      subject: 'Reminder: MirageOS call draft agenda',
      bodyText:
        '9:00-9:15   Get everyone installed, laptops hooked up, etc.\n9:30-10:30  Media Controller support for DVB (Mauro)\n' +
        '10:45-12:00 Continue discussion\n16:00-17:00 Update on ongoing projects (Hans):\n\t\t- work on colorspace improvements\n' +
        '\t\t- vivid & v4l2-compliance improvements\n\t\t- others?\n',
    });
    expect(titles(chairCallRule(envOf(msg))).sort()).toEqual([
      'Media Controller support for DVB',
      'Vivid & v4l2-compliance improvements',
      'Work on colorspace improvements',
    ]);
  });

  it('takes no list of what a request must hold ("send us your request ... detailing:")', () => {
    // IETF BPF WG call for agenda items, 2023.
    const msg = message({
      subject: 'Reminder: MirageOS call for agenda items',
      bodyText:
        'We would like to solicit agenda items. Please send us your request for agenda slots to chairs@example.org detailing\n\n' +
        '* Topic and presenter info\n* Name of associated draft (if any)\n* Requested slot duration.\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('takes no list of what to answer ("asking for: 1) topics ... 2) whether you will participate")', () => {
    // LPC 2021 Toolchains MC, the lead's call for topics.
    const msg = message({
      subject: 'Reminder: MirageOS call for topics',
      bodyText:
        'In order to get the Micro-Conference accepted we need to provide a list of\nboth topics and prospective attendants, ' +
        "so that's why I am reaching out to you\nasking for:\n\n1) Topics your project may want to discuss with the kernel hackers.\n\n" +
        '2) Whether you are willing to contribute and/or participate.\n\nPlease let me know.\n',
    });
    expect(chairCallRule(envOf(msg))).toEqual([]);
  });

  it('takes the list right under "In this microconference we want to discuss X in general.", past a heading item', () => {
    // LPC 2025 Confidential Computing MC call for presentations.
    const msg = message({
      subject: 'Reminder: MirageOS call for presentations',
      bodyText:
        'In this microconference we want to discuss ongoing developments around Linux\nsupport for memory encryption in general.\n\n' +
        '\t- Support for large-page backing of confidential virtual machines.\n\t- Live migration of CVMs.\n' +
        '\t- Further topics to discuss are:\n\t- Performance of CVMs.\n\nPlease use the CfP process to submit your proposals.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Support for large-page backing of confidential virtual machines',
      'Live migration of CVMs',
      'Performance of CVMs',
    ]);
  });

  it('takes the lines under "Agenda items?" and the one item after "I\'ll kick things off with one suggestion:"', () => {
    // LSF/MM/BPF 2024: the kdevops BoF's call (plain lines under a question) and the ext4 BoF's.
    const kdevops = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'We would like to gather together at the summit.\n\nAgenda items?\n\nGuestfs migration progress - have we killed vagrant?\n' +
        'Automation on testing filesystem baselines\nxarray / maple tree testing and userspace testing\nOpenTofu\n\nAny others?\n',
    });
    expect(titles(chairCallRule(envOf(kdevops)))).toEqual([
      'Guestfs migration progress',
      'Automation on testing filesystem baselines',
      'Xarray / maple tree testing and userspace testing',
      'OpenTofu',
    ]);
    const ext4 = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        "This is a call for potential agenda topics.\n\nI'll kick things off with one suggestion:\n\n* Time to deprecate data=journal mode?\n",
    });
    expect(titles(chairCallRule(envOf(ext4)))).toEqual(['Time to deprecate data=journal mode?']);
  });

  it('reads "this week we\'ll review X" but not a meeting named "Review Club" in a sentence about its time', () => {
    // git 2023-06: the Review Club's chair moving the sessions' time.
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'From the feedback we have gathered, this time works better for more people, so this will be\n' +
        'the new time for all Review Club sessions going forward.\n\nThis week, we will be discussing the fixes to rebase.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['The fixes to rebase']);
  });

  it('reads a table of presenters and their topics under "Current Filesystem Topics:", the topic first', () => {
    // LSF10/MM 2010: the programme committee's summary of the topics collected so far.
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'Current Filesystem Topics:\n\nAlex Elder\tUpstream maintainer for XFS, general discussion on FS/IO\n' +
        'Anshul Madan\treflink for NFS\nFUJITA Tomonori\tSCSI target mode, iSCSI, DMA issues\n\n' +
        'Requests to attend should be sent to:\n\nSCSI:  linux-scsi@vger.kernel.org\nFS:    linux-fsdevel@vger.kernel.org\n',
    });
    const got = chairCallRule(envOf(msg));
    expect(titles(got)).toEqual([
      'Upstream maintainer for XFS, general discussion on FS/IO',
      'Reflink for NFS',
      'SCSI target mode, iSCSI, DMA issues',
    ]);
    expect(got.map((c) => c.presenter)).toEqual(['Alex Elder', 'Anshul Madan', 'FUJITA Tomonori']);
  });

  it('reads the prose before "More subjects:" too ("The main interest seems to be a discussion on X")', () => {
    // OLS 2007, the NUMA BoF's call on linux-mm.
    const msg = message({
      subject: 'Reminder: MirageOS call',
      bodyText:
        'The main interest seems to be a discussion on the use of memory policies.\n\nMore subjects:\n\n' +
        '- Memoryless node support\n\n- Cpusets and containers\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Memoryless node support', 'Cpusets and containers', 'The use of memory policies']);
  });

  it("leaves the event's facts out of its list (location, dates, cost, links, registration)", () => {
    // Tracing Summit 2022 call for proposals.
    const msg = message({
      subject: 'Reminder: MirageOS call for proposals',
      bodyText:
        'The current topics:\n\n * Location: Google, 6 Pancras Sq, London\n * Event dates: Tuesday the 11th of October\n * Cost: Free\n' +
        ' * CFP link: [1]\n * Call for proposals link: https://example.org/cfp\n * Register to attend: [2]\n * Trace filtering\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Trace filtering']);
  });

  it('leaves the kinds of session a call asks for out of its topics, with their lengths', () => {
    // The Linux Security Summit Europe's call, 2020.
    const msg = message({
      subject: 'Call for papers: MirageOS call 2025',
      bodyText:
        'The program committee currently seeks proposals for:\n\n   * Refereed Presentations:\n     45 minutes in length.\n\n' +
        '   * Short Topics:\n     30 minutes in total, including at least 10 minutes discussion.\n\n   * Tutorials\n     90 minutes in length.\n\n' +
        'Topic areas include, but are not limited to:\n\n   * Kernel self-protection\n   * Access control\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Kernel self-protection', 'Access control']);
  });

  it('takes the highlights of the program a call announces, not the highlights of a past meeting', () => {
    // sambaXP 2025: "Highlights at a Glance" over the talks, each with its speakers.
    const program = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'The detailed program is now available!\n\nHighlights at a Glance\n----------------------\n\n' +
        '* The Rocky Road to SMB3 Directory Leases – Ralph Böhme\n\n* New keytab generation – Pavel Filipenský\n',
    });
    expect(titles(chairCallRule(envOf(program)))).toEqual(['The Rocky Road to SMB3 Directory Leases', 'New keytab generation']);
    const recap = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'Highlights from the last call:\n\n* Irmin 3 released\n* Solo5 tenders merged\n',
    });
    expect(chairCallRule(envOf(recap))).toEqual([]);
    // OpenBMC's Security WG 2019: "The minutes are in the link below. ... Highlights:" over what was done.
    const minutes = { ...recap, bodyText: 'The minutes are in the link below.  Highlights:\n\n- We reviewed mTLS\n- We discussed IPMI\n' };
    expect(chairCallRule(envOf(minutes))).toEqual([]);
  });

  it('reads the names a call sets off in quotes or stars after "topics" or "a workshop on"', () => {
    // sambaXP 2021 and 2022, the organisers' invitations.
    const invitation = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'The kick-off belongs to the traditional workshop. His tutorial (3 pm to 9:30 pm CEST) will cover the\n' +
        'topics "Setting up GPOs with Samba" and "Disaster recovery of an Active\nDirectory" at once.\n\n' +
        'There will be a workshop on *Setting up Samba as printserver*, and a free two-hour workshop on\n*Integrating AIX in an AD domain* on Tuesday.\n',
    });
    expect(titles(chairCallRule(envOf(invitation)))).toEqual([
      'Setting up GPOs with Samba',
      'Disaster recovery of an Active Directory',
      'Setting up Samba as printserver',
      'Integrating AIX in an AD domain',
    ]);
  });
  it("reads the topics a call's sentence gives this call beside its list of possible topics, a series one by one", () => {
    // The MPI Forum chair's announcement of the virtual meetings (2019), shortened.
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'For the meeting this week, we will focus on new text covering the remaining points from Sessions, the ticket ' +
        'covering MPI_INFO_ENV before Init, and - if there is time left - tool UIDs.\n\n' +
        'We will keep a list of possible topics on the website - currently this includes:\n\n- Semantics and Terms\n- HW Split Type\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Semantics and Terms',
      'HW Split Type',
      'New text covering the remaining points from Sessions',
      'The ticket covering MPI_INFO_ENV before Init',
      'Tool UIDs',
    ]);
    // guest_memfd 2025: a sentence beside the list that names topics only in general, or one and then a carry-over.
    const general = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'In this meeting, we will talk about some of the latest upstream proposals.\n\nThis week we will discuss memory failure ' +
        'handling, and continue our discussion on mmap support.\n\nCurrent topics:\n- Semantics and Terms\n',
    });
    // LSF/MM 2020, a tagged proposal read as a call with no \`chairs:\`: "this session" is the one proposed, no call's week.
    const proposal = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'Current topics:\n- Semantics and Terms\n\nFor this session I propose to focus on initial cases of P2P transfers.\n',
    });
    expect(titles(chairCallRule(envOf(proposal)))).toEqual(['Semantics and Terms']);
    expect(titles(chairCallRule(envOf(general)))).toEqual([
      'Semantics and Terms',
      'Memory failure handling, and continue our discussion on mmap support',
    ]);
  });
  it('goes on past an item whose wrapped text ends in a colon, its links gone, and keeps that item', () => {
    // The XMPP Summit's prep (2009): the links under item 3 were lost, four blank lines left.
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'In accordance with Council discussion in December and the XSF Roadmap, I see the following:\n\n' +
        '1. File transfer. See also discussion on the Jingle list about ICE-TCP\nand alternative transport methods.\n\n' +
        "2. End-to-end encryption. XTLS seems to be the approach we're settling\non, but we need to finalize a number of related issues. See recent\n" +
        'threads on the Security list:\n\n\n\n\n3. Mobile optimizations. The big item here is roster sequencing.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['File transfer', 'End-to-end encryption', 'Mobile optimizations']);
    // OpenBMC 2019: an item's own line (49 columns), then the reminder's footer at the margin: no wrap, the list ends.
    const reminder = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Current topics:\n- Development work\n- Recent discussion of CVEs that apply to OpenBMC\nAccess, agenda, and notes are in the wiki:\n' +
        'https://example.org/wiki\n',
    });
    expect(titles(chairCallRule(envOf(reminder)))).toEqual(['Development work', 'Recent discussion of CVEs that apply to OpenBMC']);
  });
});
