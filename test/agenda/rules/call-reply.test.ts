import { describe, expect, it } from 'vitest';
import { callReplyRule } from '../../../src/agenda/rules/call-reply.js';
import { makeEnv } from '../../../src/agenda/extract/extract.js';
import { compileMeetings } from '../../../src/agenda/extract/meeting-match.js';
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

  it("takes the subject of a direct answer sent under a subject of its own, not 'Re:' of the call", () => {
    // linux-usb 2011, in answer to "USB mini-summit at LinuxCon Vancouver".
    const body =
      'The current API for managing kernel -> userspace is a bit\nrough around the edges, so I would like to discuss extending\nthe API.\n';
    const renamed = message({ subject: 'Improving kernel -> userspace (usbfs)  usb device hand off', bodyText: body, parentMid: 'call@x' });
    expect(titles(callReplyRule(envOf(renamed, callThread())))).toEqual(['Improving kernel -> userspace (usbfs) usb device hand off']);
    // "GUI Design Workgroup - BMCWeb login change" (OpenBMC 2020): a point of the call, under its name.
    const named = message({ subject: 'MirageOS call - usbfs hand off', bodyText: body, parentMid: 'call@x' });
    expect(titles(callReplyRule(envOf(named, callThread())))).toEqual(['Extending the API']);
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual(['Extending the API']);
  });

  it('takes no opening that comments on the topics the reply quotes from the call', () => {
    // netdev 2024, to the Driver and H/W APIs Workshop's call.
    const quoted = 'Suggested topics include\n- extension to memory pools\n- new APIs for managing queues\n';
    const comment = 'Memory pools and queue API are more of stack features.\nPlease leave them out of your session.\n';
    expect(callReplyRule(envOf(reply(comment, quoted), callThread()))).toEqual([]);
    const own = 'Devlink rate limiting for subfunctions.\n';
    expect(titles(callReplyRule(envOf(reply(own, quoted), callThread())))).toEqual(['Devlink rate limiting for subfunctions']);
  });

  it('takes praise for a quoted agenda item ("This would be good.") for no topic, and no "also" for one', () => {
    // linux-media 2011, replies to the V4L2 brainstorm meeting's agenda.
    const quoted = 'B) Use of V4L2 as a frontend for SW/DSP codecs\n  (Laurent)\n';
    const praise = 'This would be good.   Realtek chips can tune to DAB and FM in Windows but not in Linux.\n';
    expect(callReplyRule(envOf(reply(praise, quoted), callThread()))).toEqual([]);
    const aside = "I'd like to discuss also, as time permits, handling of EXIF files produced by image sensor processors.\n";
    expect(titles(callReplyRule(envOf(reply(aside), callThread())))).toEqual([
      'Handling of EXIF files produced by image sensor processors',
    ]);
  });

  it('takes nothing from a reply that reposts the call, its sections as headings', () => {
    // FOSDEM 2020: the Virtualization devroom's call, reformatted in a reply to its forward.
    const sections = ['Important Dates', 'About the Devroom', 'Submit Your Proposal', 'Code of Conduct']
      .map((h) => `${h}\n${'-'.repeat(h.length)}\n\nWhat to know about it.\n\n`)
      .join('');
    const body = `We are excited to announce that the call for proposals is now open for the devroom.\n\n${sections}`;
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it("takes nothing from another meeting's call sent in the call's thread", () => {
    // LSS Europe's call for participation, sent in reply to LSS North America's (2025).
    const env = envOf(reply('The call for participation for the 2025 security working group session is now open.'), callThread());
    expect(callReplyRule(env).length).toBe(1);
    const other = compileMeetings(MEETINGS).find((m) => m.id === 'security-wg')!;
    expect(callReplyRule({ ...env, callMeeting: other })).toEqual([]);
  });

  it("takes no session kinds from a list, and nothing from another event's call under a subject of its own", () => {
    // LSS Europe's call for papers, sent in the thread of LSS North America's (2020, 2025).
    const list = "Topics I'd like to discuss:\n- Refereed Presentations: 45 minutes in length\n- Tutorials\n- ocaml-tls regression\n";
    expect(titles(callReplyRule(envOf(reply(list), callThread())))).toEqual(['ocaml-tls regression']);
    const body = 'The Call for Participation for the 2025 Solo5 Summit Europe is now open.';
    const call = message({ subject: '[Announce] Solo5 Summit Europe 2025 CfP', bodyText: body, parentMid: 'call@x' });
    expect(callReplyRule(envOf(call, callThread()))).toEqual([]);
  });

  it('takes "More issues:" over a list, and no belief about the thread for a topic', () => {
    // Christoph Hellwig's and Joern Engel's answers to the VM/FS meetup's call (linux-mm 2007).
    const more = reply("Don't forget high order pagecache please.\n\nMore issues:\n\n - aio once again\n - refactoring the dio code\n");
    expect(titles(callReplyRule(envOf(more, callThread())))).toEqual(['Aio once again', 'Refactoring the dio code']);
    const belief = reply("I don't believe anyone has implemented this before, so any experts would be self-appointed.\n");
    expect(titles(callReplyRule(envOf(belief, callThread())))).toEqual([]);
    // The Git Inclusion Summit's thread (2020): who the writer is opens the answer.
    const who = reply("Hello, I'm only an occasional contributor to git since 2005;\nbut I have many concerns.\n");
    expect(titles(callReplyRule(envOf(who, callThread())))).toEqual([]);
    // wikitech-l 2016, answering the call to open the Developer Summit up: liking it, and what happened before.
    for (const text of [
      'I like the concept. I wonder if it should be next to Wikimania.\n',
      'Last year there was an attempt to sort of do this.\n',
    ])
      expect(titles(callReplyRule(envOf(reply(text), callThread()))), text).toEqual([]);
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

  it('takes a quoted topic someone meant to add, not the complaint before it', () => {
    // xen-devel 2020-07-31: the agenda pad's link did not work, so the topic came by mail.
    const body =
      'I get "This link does not give you access to the document". Maybe a\npermissions problem? ' +
      'I\'ve meant to add a "minimum toolchain versions"\ntopic ...\n\nJan';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual(['Minimum toolchain versions']);
  });

  it('takes the topic of a reply that opens with "Proposed agenda item:" and an example list under it', () => {
    const body =
      'Proposed agenda item: in the absence of Jira tickets, would it be useful to have a list (e.g. generated by a\n' +
      'script) with the lifecycle status of all outstanding patch series, e.g.\n\nMETADATA\n\n- bug fix / cleanup\n- targeted version\n';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual([
      'A list with the lifecycle status of all outstanding patch series',
    ]);
  });

  it('takes what a reply would be interested in discussing, but not "I\'m interested" alone', () => {
    const body =
      'Besides that, I would be interested in the general idea on handling\ncomplex cameras in the Linux kernel in spite of the ' +
      'remaining V4L2\nlimitations, e.g.\n- combinatorial explosion of /dev/video nodes\n';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual([
      'The general idea on handling complex cameras in the Linux kernel',
    ]);
    expect(callReplyRule(envOf(reply("I'm interested in this too."), callThread()))).toEqual([]);
  });

  it('takes the topic heading under "Adding mine:", with its presenter line, not the description', () => {
    // linux-media, replies to the Media Summit's requests for topics (2023, 2025).
    const mine =
      'Adding mine:\n\nRust V4L2 support:\n\nDiscuss the potential blockers as well as the roadmap and priorities for\n' +
      'bindings.\n\nGuesstimate: 45 minutes\n';
    expect(titles(callReplyRule(envOf(reply(mine), callThread())))).toEqual(['Rust V4L2 support']);
    const jai =
      'Hi all,\n\nI have the following topic to discuss, required for supporting\nmulti-stream (RGBIR) sensor drivers:\n\n' +
      'Jai Luthra:\nPer-stream V4L2 controls\nDuration guesstimate: 40 mins\n\nThanks,\nJai\n';
    const c = callReplyRule(envOf(reply(jai), callThread()));
    expect(titles(c)).toEqual(['Per-stream V4L2 controls']);
    expect(c[0]?.presenter).toBe('Jai Luthra');
  });

  it('takes no topics from a list of questions that outlines one topic', () => {
    // linux-media 2024-05-06: the topic ("new tooling for infrared") is named in prose above.
    const body =
      "So I've been working away on new tooling for infrared. I'd like to talk about:\n\n" +
      ' - What it is and what it can do (love to hear any feedback of course)\n - Where should it be hosted?\n' +
      ' - What needs to be in place for a release?\n - This tool replaces ir-ctl. How we phase it out?\n';
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it('takes "the following topic:" and its underlined title, not an aside about hearing counter-arguments', () => {
    const body =
      'I would like the following topic:\n\nOpenness Framework for ISPs\n-------------------\n\n' +
      'Different people have different feelings of what is open. I would like to propose a framework to harmonize the criteria.\n';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual(['Openness Framework for ISPs']);
    const aside =
      "The subsystem is understaffed (if anyone disagrees I'd be very\ninterested in hearing counter-arguments). " +
      "I'd like to discuss the maintainership model.";
    expect(titles(callReplyRule(envOf(reply(aside), callThread())))).toEqual(['The maintainership model']);
  });

  it('takes no topic from a yes, a date that sounds good, or a preferred time of day', () => {
    // ltp 2024-11 and 2026-02: answers to the chair's polls for a meeting date.
    for (const body of [
      'Nov 13th sounds good to me.',
      'Hi!\n\nYes please.\n\n\nIdeally between 10:00 and 14:00 CET. No preference on a date.',
    ])
      expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it('takes the title cut out between scissors lines after "for the following:"', () => {
    // Linux Media Summit 2026, a reply to draft agenda v4.
    const body =
      'If there is still a bit of time left, maybe we can reserve some 15-30\nminutes for the following:\n\n' +
      '-------%<---snip-----------------------\n\nThe Butterfly Effect or How Support for Complex Hardware may affect the uAPI\n\n' +
      'Video capture and camera hardware in recent SoCs is exceedingly complex.\n\n-------%<---snip-----------------------\n';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual([
      'The Butterfly Effect or How Support for Complex Hardware may affect the uAPI',
    ]);
  });

  it('takes no topic from an answer to the chair about time', () => {
    const body = "Good question. I'd guess 45 minutes should suffice. This is closely related\nto streams and internal pads.";
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it('takes no topic from an opening that thanks, travels, attends or talks about the topics', () => {
    // linux-media, replies to the Media Summit's calls (2019, 2022).
    const openings = [
      'Thank you for arranging all this, and thank you to Cisco and Collabora\nfor the sponsorship.\n\n' +
        'I will be at Plumbers and Kernel Summit from Tuesday to Thursday, but\nmay be able to escape on Tuesday.',
      'It seems to be confirmed that Tomasz and I will be attending.',
      'I mostly dumped the topics I had in mind into the shared document.',
      // xen-devel 2019-09 and 2020-11: about the agenda pad's sections, not a topic of their own.
      'Yep - I added points 1 & 2 to the AOB section.\nI have added some references.',
      'The "New series / series requiring attention" section is gone, and I wonder why.',
    ];
    for (const body of openings) expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it('takes no topic from an answer about attending in person, remotely or hybrid', () => {
    const hybrid = "We've been experimenting with hybrid over at plumbers.  Our last\nexperiment managed a two way A/V stream.";
    expect(callReplyRule(envOf(reply(hybrid), callThread()))).toEqual([]);
  });

  it("takes no topic from an opinion on what is listed, but does from 'I think it would be helpful to know X'", () => {
    expect(
      callReplyRule(envOf(reply('I still feel like the "Alternatives considered" are pretty weak in this document.'), callThread())),
    ).toEqual([]);
    // linux-mm 2006, answering the NUMA BoF's agenda: an opinion of the list, no topic.
    expect(callReplyRule(envOf(reply('Sounds reasonable, although it would be a lot of things to discuss.'), callThread()))).toEqual([]);
    // git 2023-03, answering the Review Club's announcement: news of the series, no topic.
    expect(callReplyRule(envOf(reply('I just submitted a v3, hopefully not _too_ soon before the meeting.'), callThread()))).toEqual([]);
    // "I went through the effort to become a CNA for tcpdump.org": news of what the writer did (OpenBMC 2022).
    expect(
      callReplyRule(envOf(reply('I went through the effort to become a CNA for tcpdump.org.\nLots of overhead.'), callThread())),
    ).toEqual([]);
    const plans =
      'I think it would be very helpful for the community in general to know\nany specific plans each of us have for the 4.14 timeframe.';
    expect(titles(callReplyRule(envOf(reply(plans), callThread())))).toEqual(['Any specific plans each of us have for the 4.14 timeframe']);
  });

  it('takes "What about X?" in a direct answer to the call, but not "What about next Tuesday?"', () => {
    // linux-fsdevel 2024-05, answering the kdevops BoF's call for agenda items.
    const nvme = reply('I am about to add support for creating iSCSI LUNs on\ndemand. What about NVMeoF as file system backing store?\n');
    expect(titles(callReplyRule(envOf(nvme, callThread())))).toEqual(['NVMeoF as file system backing store']);
    expect(callReplyRule(envOf(reply('What about next Tuesday? Monday does not work for me.'), callThread()))).toEqual([]);
    // LSF/MM/BPF 2025, the track lead answering a BoF request: when, not what.
    expect(callReplyRule(envOf(reply('I scheduled your BoF Tuesday afternoon near other testing related sessions'), callThread()))).toEqual(
      [],
    );
  });

  it("takes no opening from comments written between the quoted call's lines, only what they propose", () => {
    // linux-media 2015-03-21, in answer to the mini-summit's draft agenda.
    const inline = message({
      subject: 'Re: Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        "To be precise, this will be both hot plug and hot unplug.\n\nI'm interested in this as well.\n\n" +
        "There's also the topic of the media device controller registry that we discussed during the FOSDEM, but\n" +
        'there has been no progress in that area.\n',
      parentMid: 'call@x',
      inlineReply: true,
    });
    expect(titles(callReplyRule(envOf(inline, callThread())))).toEqual([
      'The media device controller registry that we discussed during the FOSDEM',
    ]);
    const opening = message({ ...inline, bodyText: 'To be precise, this will be both hot plug and hot unplug.\n' });
    expect(callReplyRule(envOf(opening, callThread()))).toEqual([]);
  });

  it('takes the list under "a few things I\'d like to hold a discussion about..." beside a later "other topics:" list', () => {
    // LSF/MM 2013, in the call for participation's thread.
    const text = reply(
      "There are a few things I'd like to hold a discussion about...\n\n - Unifying the SSD caching drivers.\n\n" +
        ' - Stable pages part 3: Modifying existing block devices.\n\nAlso, miscellaneous other odd topics:\n\n - Deduplication.\n',
    );
    expect(titles(callReplyRule(envOf(text, callThread())))).toEqual([
      'Deduplication',
      'Unifying the SSD caching drivers',
      'Stable pages part 3: Modifying existing block devices',
    ]);
  });

  it('takes the list under "I have some topics ..., e.g.", questions and all, but not a couple of ideas', () => {
    // LPC 2023, in answer to the Live Patching MC's call.
    const mine = reply(
      "I have some topics which overlap between live-patching and general toolchain bits and pieces, and I'm\n" +
        "not sure if they'd be best suited here or in a toolchain track, e.g.\n\n* How to avoid the need to reverse-engineer\n" +
        '  control flow for ORC generation.\n\n  On the arm64 side we are averse to this.\n\n* Better compiler support for noinstr.\n\n' +
        '* How is this going to work with rust?\n\n  It is not clear to me.\n',
    );
    expect(titles(callReplyRule(envOf(mine, callThread())))).toHaveLength(3);
    // ksummit 2021: ideas on how to run the sessions are no topics.
    const ideas = reply(
      'I have a couple of ideas on how we might improve remote experience.\n\n- Have one or two moderators per session\n' +
        "- Moderators can make sure remote participation doesn't go unnoticed\n",
    );
    expect(callReplyRule(envOf(ideas, callThread()))).toEqual([]);
  });

  it('takes a list two paragraphs under "Things I\'d be interested in hearing / talking about"', () => {
    // git 2019, to the contributor summit's call.
    const wishes = reply(
      "Things I'd be interested in hearing / talking about that haven't\nyet been mentioned.\n\n" +
        'These are in descending order of how interesting I think these will be.\n\n' +
        '* "Big repos". We had discussions about this in years past.\n\n* "Structured remote logging". Where are we on this now?\n',
    );
    expect(titles(callReplyRule(envOf(wishes, callThread())))).toHaveLength(2);
  });

  it('takes no topic from an opening about the schedule itself', () => {
    // LPC 2019, in answer to the chair's preliminary schedule of the MC.
    const ok = reply('The schedule looks reasonable to me.\n\nI guess one talk could cause the most heated discussion.\n');
    expect(callReplyRule(envOf(ok, callThread()))).toEqual([]);
  });

  it('takes no topic from an offer of help or an answer in the debate, but keeps a wish said as a lack', () => {
    // LPC 2023, replies in the Live Patching MC's thread; ksummit 2019.
    expect(callReplyRule(envOf(reply('Sure, lmk whatever help you need with the klp-convert side.\n'), callThread()))).toEqual([]);
    const debate = reply("I wasn't (necessarily) suggesting that objtool use DWARF as an input.\n");
    expect(callReplyRule(envOf(debate, callThread()))).toEqual([]);
    const lack = reply("I don't have an effective workflow for managing incoming patches.\n");
    expect(titles(callReplyRule(envOf(lack, callThread())))).toHaveLength(1);
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

  it("takes no opening from answers to a call taken off, nor from another event's call posted in answer (ILUGC 2009)", () => {
    const cancelled = { ...callThread(), callSubject: 'ILUGC Meet Cancelled', parentSubject: null };
    const when = '4th sat is Bakrid, and there is a chennaipy meet on that day - chennaipy meets\nevery 4th saturday';
    expect(callReplyRule(envOf(reply(when), cancelled))).toEqual([]);
    expect(titles(callReplyRule(envOf(reply(when), callThread())))).toHaveLength(1);
    const workshop =
      '*Free Software Workshop **for NGOs and** Civil Society Groups*\n\n*NGO In a Box** **Workshop*\n\n*Call for Participation*\n\n' +
      '*What is NGO in a Box?*\n\nNGO-in-a-box is a collection of Free and Open Source Software (FOSS) tools.';
    expect(callReplyRule(envOf(reply(workshop), callThread()))).toEqual([]);
  });

  it('deeper in the thread, takes a list that goes on with the list the writer quotes', () => {
    // python-dev 2005, the PyCon sprint's thread: Guido adds to Phillip Eby's list of tasks.
    const deep = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items' };
    const quoted = "* PEP 343 implementation ('with:')\n* PEP 308 implementation ('x if y else z')\n* A bytes type";
    const own = '* PEP 328 - absolute/relative import\n* PEP 341 - unifying try/except and try/finally (I believe this was\naccepted)';
    expect(titles(callReplyRule(envOf(reply(own, quoted), deep)))).toEqual([
      'PEP 328 - absolute/relative import',
      'PEP 341 - unifying try/except and try/finally',
    ]);
    // A list under a quote that holds none is the writer's outline of something else.
    expect(callReplyRule(envOf(reply(own, 'We should discuss possible tasks for a sprint.'), deep))).toEqual([]);
  });

  it('deeper in the thread, takes a list offered as topics but not one that takes a topic apart', () => {
    const deep = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items' };
    // LTP 2024-04: each item's detail in paragraphs at the margin, then the next item.
    const detailed =
      'More topics (if we have time):\n\n- require 2FA for our GitHub org, would it be acceptable? [1]\n\nOnly one developer lacks it.\n\n' +
      'The reason is obvious.\n\n- minimal size per filesystem - do we want it?\nOld proposal [3].\n\nKind regards,\nPetr\n';
    expect(titles(callReplyRule(envOf(reply(detailed), deep)))).toEqual([
      'Require 2FA for our GitHub org, would it be acceptable?',
      'Minimal size per filesystem',
    ]);
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

  it('takes a short heading under "I\'d like to add a topic for :" as the topic (libcamera 2025)', () => {
    const body =
      "I'd like to attend please ;-)\n\nI'd like to add a topic for :\n\nMAINTAINERS:\n\nWe now have many people working on libcamera.\n";
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual(['MAINTAINERS']);
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

  it("a co-chair's direct answer that is a list of topics proposes them (KVM/QEMU call, 2024-07)", () => {
    const chaired = { ...context(callThread()), meetings: [{ ...MEETINGS[0]!, chairs: ['cochair@example.org'] }] };
    const answer = message({
      subject: 'Re: Call for agenda items: MirageOS call 2025-01-08',
      bodyText:
        '- I don\'t remember who mentioned "3 phase reset and Solo5",\n  maybe Ada or Grace.\n\n- Questions for the Irmin team:\n\n' +
        '   . Are there plans to remove the legacy store?\n\n   . Is there a recommended way to create it from the CLI?\n',
      parentMid: 'call@x',
      fromAddr: 'cochair@example.org',
    });
    expect(titles(callReplyRule(makeEnv(answer, chaired)))).toEqual(['3 phase reset and Solo5', 'Questions for the Irmin team']);
    // "+ list@example.org" at the top adds the list to Cc: no topic.
    const cc = reply('+ mirage-devel@lists.example.org\n\nCan you please add the list to future mails?\n');
    expect(callReplyRule(envOf(cc, callThread()))).toEqual([]);
  });

  it('a reply that only adds people to Cc is no topic', () => {
    expect(callReplyRule(envOf(reply("Cc'ing previous recipients."), callThread()))).toEqual([]);
  });

  it('an answer about holidays or travel is logistics, not a topic', () => {
    expect(callReplyRule(envOf(reply('8th May is a public holiday in the Czech Republic, so I will not join.'), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply('I am travelling that week.'), callThread()))).toEqual([]);
    // Audio miniconference 2019: regrets, and a clash with another event.
    expect(callReplyRule(envOf(reply('I am unfortunately not going to make it this year due to conflicts.'), callThread()))).toEqual([]);
    // imagej-devel 2011, replies to the ROI meeting's announcement: who comes, and praise.
    const unsure = 'I am not sure I will be able to make it, but I would like to listen to this.\nHow does one join?';
    expect(callReplyRule(envOf(reply(unsure), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply('That is superb!\nCheers\n\nGabriel'), callThread()))).toEqual([]);
    const clash =
      'Unfortunately my talk at GstConf (on compressed offload with PulseAudio/GStreamer!) is tomorrow, so I will miss a bunch.';
    expect(callReplyRule(envOf(reply(clash), callThread()))).toEqual([]);
  });

  it('takes "How about X or something." and "some introduction about X" in answer to a call', () => {
    // ILUGC 2002, answers to the monthly meet's "Agenda?".
    const burn = 'How about a "Debian Woody burn fest" or something.  Would someone with\nmobile images of Woody please come to the meet?';
    expect(titles(callReplyRule(envOf(reply(burn), callThread())))).toEqual(['Debian Woody burn fest']);
    const intro = 'i would like to give some introduction about OpenSSL, OpenCA and PKI.';
    expect(titles(callReplyRule(envOf(reply(intro), callThread())))).toEqual(['OpenSSL, OpenCA and PKI']);
    // "How about we ..." asks what to do; "how about next week?" asks when.
    expect(callReplyRule(envOf(reply('How about next week?'), callThread()))).toEqual([]);
  });

  it("leaves the caller's own next call in the thread to the chair's rule", () => {
    // Mapnik 2010: the organiser's announcement, sent in reply to his own proposal of the sprint.
    const next = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Here is what I have so far.\n\nDate\n====\n\nSeptember 24 - 26, 2010 is the consensus best date.\n\n' +
        'Cartography\n===========\n\nSteve has ideas around advanced cartography features.\n',
      parentMid: 'call@x',
      fromAddr: 'chair@example.org',
    });
    expect(callReplyRule(envOf(next, callThread()))).toEqual([]);
  });

  it('an answer that says who comes is attendance, not a topic', () => {
    // Open MPI devel 2008: replies to a design meeting's announcement and to "Who would be interested
    // in discussing this stuff? (me, Brian, ?)".
    for (const who of ['I plan to attend.\n\nRich', 'Me.\n\n--\nGleb.', 'Me too!', "I'll be there.", 'We are planning to attend.'])
      expect(callReplyRule(envOf(reply(who), callThread()))).toEqual([]);
    // A topic after the attendance still counts.
    expect(titles(callReplyRule(envOf(reply("I'll be there. I'd like to discuss the memory hooks on Solaris."), callThread())))).toEqual([
      'The memory hooks on Solaris',
    ]);
  });

  it('an answer about travel, the venue, a beer or skipping the call names no topic', () => {
    // Open MPI 2013, ILUGC 2004, python-committers 2012, docktesters 2016: answers to announcements.
    for (const logistics of [
      'I would like to try to get down there (from Menlo Park) to meet and thank the developers.',
      "Don't forget to send out a notice where and when I can meet up with you all for a beer.",
      'Will come to the meet',
      'Gandhi Mandapam (opposite Anna University) is also a good place to meet tomorrow',
      "Hey Michael,\n\nI'd love to attend.\n\nAlex",
      "I'll have to pass on this call, sorry.",
    ])
      expect(callReplyRule(envOf(reply(logistics), callThread()))).toEqual([]);
  });

  it('takes news of what the writer did, and a greeting to a name Mailman could not write, for no topic', () => {
    // python-committers 2017, replies to the core sprint's and the Language Summit's calls.
    for (const news of [
      'I created etherpad to organize the sprint: https://pad.example.org/x',
      "I signed up but haven't heard any news yet.",
      "I registered, and *then* thought of the session I'd like to give.",
      'Hi ?ukasz,\n\ndo you have any news on the hotel?\n\nSeveral attendees use ESTA to travel into the US.',
    ])
      expect(callReplyRule(envOf(reply(news), callThread())), news).toEqual([]);
  });

  it('passes over an interjection and "looking forward to it" before the topic', () => {
    // python-committers 2012 and 2016, answers to the Language Summit's calls.
    const barry =
      "I'm really looking forward to the summit this year, thanks for all the great\nwork.\n\nAnother topic (possibly) is the splitting of the stdlib from the core\ninterpreter repo.";
    expect(titles(callReplyRule(envOf(reply(barry), callThread())))).toEqual([
      'The splitting of the stdlib from the core interpreter repo',
    ]);
    expect(callReplyRule(envOf(reply('Huzzah, thanks for organising this again!'), callThread()))).toEqual([]);
  });

  it('reads what a sprinter will work on, after agreement or a courtesy that ends at a dash', () => {
    // twisted-python 2013, answers to the Bristol sprint's call.
    const names = "Count me in. I'll probably try and do some more work on Twisted Names.\n\n-RichardW.";
    expect(titles(callReplyRule(envOf(reply(names), callThread())))).toEqual(['Twisted Names']);
    const trial =
      "Sounds exciting -- there have been some changes to trial that I've been\nthinking about for a little while, so this would be a great opportunity.";
    expect(titles(callReplyRule(envOf(reply(trial), callThread())))).toEqual(['Changes to trial']);
    // Work the writer did, or work on what is already named, is no topic.
    expect(callReplyRule(envOf(reply("Count me in. I'll work on it."), callThread()))).toEqual([]);
    const deep = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items' };
    expect(callReplyRule(envOf(reply("I plan on going Monday. Not sure what I'll work on yet."), deep))).toEqual([]);
    // OpenBMC 2020, the chair's highlights in the call's thread: the team's plan for the year.
    const plan = "For the near team (this year), we'll work on allowing the admin to\ndisable and enable services.";
    expect(callReplyRule(envOf(reply(plan), deep))).toEqual([]);
  });

  it('takes the lists a committer wishes to hear about and offers to present', () => {
    // python-committers 2016, Eric Snow's answer to the Language Summit's call.
    const body = [
      "In case folks are taking requests, I'd love to hear about:",
      '',
      '* status report on core workflow improvements',
      '* Python in the embedded space',
      '',
      "FWIW, I've offered to present the following (as a last resort <wink>):",
      '',
      '* about C OrderedDict',
      '* about my Multi-core Python project',
    ].join('\n');
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toHaveLength(4);
  });

  it('takes the discussion a reply asks to join, not the wish to attend alone', () => {
    // Open MPI devel 2014, answering "Are there any other topics that people wanted to remote in to?".
    const ompio = 'If possible, I would like to attend remotely the discussion about OMPIO\nas well.\n\nThanks\nEdgar';
    expect(titles(callReplyRule(envOf(reply(ompio), callThread())))).toEqual(['OMPIO']);
    const pmi = 'Hello,\n\nI would like to participate in PMI and modex discussions remotely.';
    expect(titles(callReplyRule(envOf(reply(pmi), callThread())))).toEqual(['PMI and modex']);
    expect(callReplyRule(envOf(reply('I would like to attend remotely.'), callThread()))).toEqual([]);
    // USB mini-summit 2011, deeper in the call's thread: "both" points at the two discussions the chair offered.
    const both = "That seems best to me too. I'm available at both proposed time slots,\nand I would like to join both discussions.";
    const inThread = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items: MirageOS call 2025-01-08' };
    expect(callReplyRule(envOf(reply(both), inThread))).toEqual([]);
  });

  it('reads an answer written as an outline of sections, one topic each, past the lists and phrases inside them', () => {
    // LPC 2023, replies to the Power Management and Thermal Control MC's call for topics.
    const numbered =
      'Hi Rafael,\n\n"\n1.\nIdle injection and soft IRQs:\nWe still have no good solution to avoid races with soft IRQ\n' +
      'scheduling while using idle injection. The previous post to solve this issue is rejected.\n\n' +
      'I am proposing a discussion on how the solve this:\n- May be we need to use some in kernel IRQ affinity change\n' +
      '- Other potential solution?\n\n"\n\n2.\nThermal sysfs/API Update\n\nThermal sysfs v2\nThere was proposal to abstract zones.\n';
    expect(titles(callReplyRule(envOf(reply(numbered), callThread())))).toEqual([
      'Idle injection and soft IRQs',
      'Thermal sysfs/API Update',
    ]);
    const bulleted =
      '* New thermal trip types. Currently we have hot, passive, active and critical trip points, and the userspace\n' +
      'needs to poll.\n\n[ depends on the generic trip points ]\n\n* Improve the step wise governor. The step wise governor may\n' +
      'take too much time to react when there are many cooling device states.\n';
    expect(titles(callReplyRule(envOf(reply(bulleted), callThread())))).toEqual([
      'New thermal trip types',
      'Improve the step wise governor',
    ]);
  });

  it('takes no title from an opening that announces a topic without naming it', () => {
    const body =
      'If not too late, I can raise one potential topic for discussion.\n\nI am hearing, mostly from the ARM community, ' +
      'that there are needs to support multiple system wide low power states.\n';
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
    // ... while one that names it after "topic" still proposes it.
    expect(
      titles(callReplyRule(envOf(reply('One topic I am thinking of is ACPI extensions for device DVFS.'), callThread()))),
    ).toHaveLength(1);
  });

  it('reads "the other interesting topic is X", and no topic from "these developments"', () => {
    const body = 'The only big topic is the multi-cpu support.\n\nThe other interesting topic is the mix of SoundWire and HDaudio links.\n';
    expect(titles(callReplyRule(envOf(reply(body), callThread())))).toEqual([
      'The multi-cpu support',
      'The mix of SoundWire and HDaudio links',
    ]);
    expect(callReplyRule(envOf(reply("FWIW, I'd also be interested in discussing these developments."), callThread()))).toEqual([]);
  });

  it('takes no topic from willingness to take part or praise, and reads the topics a member is keen to discuss', () => {
    // LPC 2021 Toolchains MC and LPC 2023 KVM MC, replies to the calls.
    expect(callReplyRule(envOf(reply('I am certainly willing to participate in the micro-conference.'), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply("Thanks!  I'm very much interested, but am not yet sure about travel."), callThread()))).toEqual([]);
    expect(callReplyRule(envOf(reply('I think this idea is great and we would like to help.'), callThread()))).toEqual([]);
    const keen =
      "This MC sounds great! There are two topics I'd be keen to discuss, both in\nthe memory-management realm:\n\n" +
      '1. Guest memory persistence across kexec for live update.\nSpecifically the IOMMU tables.\n\n' +
      '2. Fine-grained access control APIs for VMs.\nFor live migration.\n';
    expect(titles(callReplyRule(envOf(reply(keen), callThread())))).toEqual([
      'Guest memory persistence across kexec for live update',
      'Fine-grained access control APIs for VMs',
    ]);
  });

  it('reads a sentence starting "On https://..." as the writer\'s own, not an attribution line', () => {
    // LPC 2022 Zoned Storage MC: a question about the call, then "Thanks,".
    const body =
      'Hi Adam,\n\nOn https://lpc.events/event/16/contributions/1147/ I see four speakers but no agenda? Will one be added?\n\nThanks,\n\nBart.\n';
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });

  it('reads "I would maybe add to the list X" deeper in the call\'s thread, not "I would add that ..."', () => {
    // DRM accel BoF at LPC 2024: a reply to a reply to the call for topics.
    const deeper = { ...callThread(), parentIsCall: false, parentSubject: 'Re: Call for agenda items: MirageOS call 2025-01-08' };
    const body = 'I like it too and I will try to attend. I would maybe add to the list GPU/accel interoperability.';
    expect(titles(callReplyRule(envOf(reply(body), deeper)))).toEqual(['GPU/accel interoperability']);
    expect(callReplyRule(envOf(reply('I would add that the list looks good.'), deeper))).toEqual([]);
  });

  it('takes no topic from a question about tickets', () => {
    // LPC 2025 networking track CFP, a reply.
    const body =
      'It seems LPC 2025 is already sold out and has a waiting list:\nhttps://lpc.events/blog/current/\n\nAre there any reserved tickets?';
    expect(callReplyRule(envOf(reply(body), callThread()))).toEqual([]);
  });
});
