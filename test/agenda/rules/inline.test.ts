import { describe, expect, it } from 'vitest';
import { inlineRule } from '../../../src/agenda/rules/inline.js';
import { makeEnv } from '../../../src/agenda/extract/extract.js';
import type { MeetingAgendaConfig } from '../../../src/agenda/extract/context.js';
import { callThread, context, envOf, MEETINGS, message, titles } from '../extract-helpers.js';

/** Open MPI devel's list: a weekly teleconference and a face-to-face developers meeting. */
const devel = (telecon: Partial<MeetingAgendaConfig> = {}, f2f: Partial<MeetingAgendaConfig> = {}): MeetingAgendaConfig[] => [
  { id: 'telecon', name: 'weekly teleconference', aliases: [], subjectTags: [], calls: null, lists: ['devel.example.org'], ...telecon },
  { id: 'f2f', name: 'developers meeting', aliases: [], subjectTags: [], calls: null, lists: ['devel.example.org'], ...f2f },
];

describe('rule 3: inline proposals', () => {
  it('takes agenda+ lines, with presenter and duration annotations', () => {
    const c = inlineRule(
      envOf(
        message({
          subject: 'Re: build',
          bodyText: 'Sure.\nagenda+ Switch the build to dune (15 min) [Thomas Gazagnaire] https://example.org/pr/1\nagenda+ Release 4.0',
          parentMid: 'p@x',
        }),
      ),
    );
    expect(titles(c)).toEqual(['Switch the build to dune', 'Release 4.0']);
    expect(c[0]).toMatchObject({
      durationMinutes: 15,
      presenter: 'Thomas Gazagnaire',
      links: ['https://example.org/pr/1'],
      rule: 'inline',
    });
  });

  it("puts a proposal to the call its deadline names ('TIMEOUT: mirage call, May 25'), and an RFC's subject is its title", () => {
    // The RFC form on devel@open-mpi.org (2009-2013): WHAT / WHY / WHERE / TIMEOUT.
    const rfc = (subject: string, timeout: string) =>
      message({ subject, bodyText: `WHAT: Remove the udapl BTL\n\nWHY: No one is using it\n\n${timeout}\n\n-----\n\nDetails follow.` });
    expect(titles(inlineRule(envOf(rfc('[devel] RFC: remove udapl BTL', 'TIMEOUT: mirage call, May 25'))))).toEqual(['Remove udapl BTL']);
    // The value on the line below its label.
    expect(titles(inlineRule(envOf(rfc('RFC: Bring in the shmem framework', 'TIMEOUT:\nCommunity call, Tues 21 June'))))).toEqual([
      'Bring in the shmem framework',
    ]);
    expect(titles(inlineRule(envOf(rfc('RFC: CUDA-aware reductions', 'WHEN: After next community call, May 20'))))).toEqual([
      'CUDA-aware reductions',
    ]);
    // A deadline that is a date and no call puts nothing on an agenda.
    expect(inlineRule(envOf(rfc('RFC: openib failover', 'TIMEOUT: Feb 20, 2010')))).toEqual([]);
  });

  it("drops the longest of the meeting's names a subject opens with ('LinuxConfAU Kernel MiniConf - LLVM')", () => {
    const ctx = { ...context(), meetings: [{ ...MEETINGS[0]!, aliases: ['Kernel Miniconf', 'LinuxConfAU Kernel MiniConf'] }] };
    const m = message({ subject: 'LinuxConfAU Kernel MiniConf - LLVM', bodyText: 'Is it too late to submit a talk proposal?' });
    expect(titles(inlineRule(makeEnv(m, ctx)))).toEqual(['LLVM']);
    // "Monday's meeting - resched?" (imagej-devel 2010) is about the meeting, no topic.
    const resched = message({
      subject: "[devel] Monday's mirage call - resched?",
      bodyText: 'I just got a message about a meeting on Monday at noon that I would like to attend.  Could we adjust the time?',
    });
    const monday = { ...context(), meetings: [{ ...MEETINGS[0]!, aliases: ["Monday's mirage call"], chairs: ['chair@example.org'] }] };
    expect(inlineRule(makeEnv(resched, monday))).toEqual([]);
    // A subject that is one of the meeting's names whole names no topic (linux-xfs 2024, "XFS BoF at LSFMM").
    const own = { ...context(), meetings: [{ ...MEETINGS[0]!, aliases: ['Kernel Miniconf', 'Kernel Miniconf at LCA'] }] };
    expect(inlineRule(makeEnv(message({ subject: 'Kernel Miniconf at LCA', bodyText: 'Who is coming?' }), own))).toEqual([]);
  });

  it('reads the list under "Please put on the agenda:", a request with no object of its own', () => {
    // Open MPI devel 2012, from a member, under a subject of its own.
    const m = message({
      subject: 'openib registered memory',
      bodyText: "Please put on the agenda:\n\n- openib registered memory exhaustion problem still isn't fixed\n- the 1.6.1 release date\n",
    });
    expect(titles(inlineRule(envOf(m)))).toEqual([
      "Openib registered memory exhaustion problem still isn't fixed",
      'The 1.6.1 release date',
    ]);
  });

  it('puts a proposal naming no meeting but a weekday to the one meeting that meets that day', () => {
    // Open MPI devel 2012: "(Terry: please add this to the agenda for next Tuesday; thanks)".
    const meetings = devel({ weekdays: [2] }, { weekdays: [3, 4, 5] });
    const put = (bodyText: string) =>
      inlineRule(makeEnv(message({ subject: 'Autoconf 2.69', bodyText, listId: 'devel.example.org' }), { ...context(), meetings })).map(
        (c) => c.meetingId,
      );
    expect(put('Terry: please add this to the agenda for next Tuesday; thanks')).toEqual(['telecon']);
    expect(put('Can you add it to Tuesdays agenda?')).toEqual(['telecon']);
    expect(put('Please add this to the agenda for Thursday.')).toEqual(['f2f']);
    // No day, or a day neither meets on: no one's.
    expect(put('Please add this to the agenda.')).toEqual([]);
    expect(put('Please add this to the agenda for Monday.')).toEqual([]);
  });

  it('puts a proposal naming no meeting to the one meeting of its list not yet over', () => {
    // Open MPI devel 2012: a weekly teleconference and a June face-to-face meeting on one list; in July
    // a proposal naming neither can only mean the teleconference.
    const meetings = devel({ aliases: ['teleconf'] }, { endsAt: Date.UTC(2012, 5, 8, 17) });
    const put = (date: number) =>
      inlineRule(
        makeEnv(
          message({
            subject: 'openib memory',
            bodyText: 'Please add the openib registered memory exhaustion problem to the agenda.',
            listId: 'devel.example.org',
            date,
          }),
          { ...context(), meetings },
        ),
      );
    expect(put(Date.UTC(2012, 6, 2, 23)).map((c) => [c.meetingId, c.title])).toEqual([
      ['telecon', 'The openib registered memory exhaustion problem'],
    ]);
    // While both are to come, a proposal naming neither is no one's.
    expect(put(Date.UTC(2012, 4, 1, 12))).toEqual([]);
  });

  it("takes a plan for a meeting the sentence names: its object, or the thread's subject", () => {
    // Open MPI devel: a weekly teleconference and a face-to-face developer meeting on one list.
    const meetings = devel({ aliases: ['teleconf', 'teleconference'] }, { aliases: ['developer meeting', 'the sprint'] });
    const said = (bodyText: string) =>
      inlineRule(makeEnv(message({ subject: 'BTL extensions', bodyText, listId: 'devel.example.org' }), { ...context(), meetings })).map(
        (c) => [c.meetingId, c.title],
      );
    expect(said('Lets plan on discussing extending the BTLs at the June developer meeting.')).toEqual([['f2f', 'Extending the BTLs']]);
    expect(said("We can talk through the BTL interface changes on tomorrow's teleconference.")).toEqual([
      ['telecon', 'The BTL interface changes'],
    ]);
    expect(said("Let's nail it down on tomorrow's teleconf.")).toEqual([['telecon', 'BTL extensions']]);
    // An object that points back, says when, or names nothing: the thread's subject (rust-for-linux
    // 2025, Open MPI devel 2009 and 2015).
    expect(said('For the last one, we can discuss it a bit more at the developer meeting.')).toEqual([['f2f', 'BTL extensions']]);
    expect(said("TIMEOUT: Let's discuss next Tuesday on the teleconf: Tue, 5 Aug 2014")).toEqual([['telecon', 'BTL extensions']]);
    expect(said("Ralph and I will talk through all the details and answer any questions on tomorrow's teleconf.")).toEqual([
      ['telecon', 'BTL extensions'],
    ]);
    // Mapnik 2010, in a thread on map opacity: the work planned for the sprint is the thread's.
    expect(said("I'd like to take a look at implementing this at the developer meeting next week.")).toEqual([['f2f', 'BTL extensions']]);
    expect(said("I'd like to take a look at implementing opacity at the sprint next week.")).toEqual([['f2f', 'Implementing opacity']]);
    // Without a meeting named, "we can discuss X" is talk in the thread.
    expect(said('We can discuss the BTL interface changes later.')).toEqual([]);
  });

  it("takes 'let's talk about it on the call' as the thread's subject put to the call named", () => {
    const m = message({
      subject: 'SHMEM merge proposal',
      bodyText:
        "We propose a staging branch for the merge.\n\nLet's talk about it on the community call tomorrow, but that's the current proposal.",
    });
    expect(titles(inlineRule(envOf(m)))).toEqual(['SHMEM merge proposal']);
  });

  it('reads the list a line adding unnamed topics introduces, and a subject naming only the call and its date as no topic', () => {
    // svsm-devel 2024-06: a member's own mail under the call's subject.
    const m = message({
      subject: 'MirageOS call - June 12th, 2024',
      bodyText:
        'Hi,\n\nI would like to add two topics to the mirage call agenda:\n\n- What does TPM locality[1] mean for the vTPM?\n' +
        '- Is there any boot event that we want to record in the TPM PCRs?\n\n[1]\nhttps://example.org/tpm.pdf\n\nThanks,\nClaudio',
    });
    // The meeting names its chair: a member's mail under the call's subject is no call.
    const chaired = { ...context(), meetings: [{ ...MEETINGS[0]!, chairs: ['chair@example.org'] }] };
    expect(titles(inlineRule(makeEnv(m, chaired)))).toEqual([
      'What does TPM locality mean for the vTPM?',
      'Is there any boot event that we want to record in the TPM PCRs?',
    ]);
  });

  it('reads "add X to the agenda" and "can we discuss X at the next call"', () => {
    expect(
      titles(
        inlineRule(
          envOf(message({ subject: 'TLS', bodyText: 'Could someone add TLS 1.3 interop testing to the agenda for the next call?' })),
        ),
      ),
    ).toEqual(['TLS 1.3 interop testing']);
    expect(
      titles(inlineRule(envOf(message({ subject: 'Xen', bodyText: 'Can we discuss the PVH boot regression at the next call?' })))),
    ).toEqual(['The PVH boot regression']);
    // linux-mm 2016, in a tagged proposal's thread: "the list of the topics" is the agenda.
    const killable = message({
      subject: 'Re: [agenda] proposals for topics',
      bodyText: 'Would you please add GFP_KILLABLE\nto list of the topics?\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(killable)))).toEqual(['GFP_KILLABLE']);
  });

  it('uses the subject when the phrase points at the thread, and routes by the meeting named', () => {
    const c = inlineRule(
      envOf(
        message({
          subject: 'Move away from default password',
          bodyText: 'I plan to discuss this at the 2019-06-26 security WG meeting.',
          listId: 'wg.example.org',
        }),
      ),
    );
    expect(c).toEqual([
      expect.objectContaining({
        title: 'Move away from default password',
        meetingId: 'security-wg',
        mentions: [expect.objectContaining({ dates: ['2019-06-26'] })],
      }),
    ]);
  });

  it('reads a "Proposed agenda items:" list', () => {
    expect(
      titles(
        inlineRule(
          envOf(message({ subject: 'Thoughts', bodyText: 'Proposed agenda items:\n- Unikernel monitor ABI\n- Solo5 release\n\nThanks' })),
        ),
      ),
    ).toEqual(['Unikernel monitor ABI', 'Solo5 release']);
  });

  it('skips proposals it cannot route when several meetings share the list', () => {
    expect(
      inlineRule(envOf(message({ subject: 'Icons', bodyText: 'Can we discuss icons at the next meeting?', listId: 'wg.example.org' }))),
    ).toEqual([]);
    expect(
      inlineRule(
        envOf(message({ subject: 'Icons', bodyText: 'Can we discuss icons at the next GUI WG meeting?', listId: 'wg.example.org' })),
      )[0]?.meetingId,
    ).toBe('gui-wg');
  });

  it('leaves to another group a proposal that names no meeting in mail that names only that group', () => {
    const body = (first: string) =>
      `${first}\nSo I would like to get on the agenda list for some meeting to give an overview -- secure boot for unikernels\n`;
    const other = message({ subject: 'Secure boot', bodyText: body('I will call into the Unikernel SIG meeting tomorrow.') });
    expect(inlineRule(envOf(other))).toEqual([]);
    const ours = message({ subject: 'Secure boot', bodyText: body('I will call in tomorrow.') });
    expect(inlineRule(envOf(ours)).map((c) => [c.meetingId, c.title])).toEqual([['mirage', 'Secure boot for unikernels']]);
  });

  it("takes a new thread's subject that opens with the meeting's name and goes on with a topic", () => {
    // LSF/MM/BPF 2023: "LSF/MM/BPF 2023 BoF: removing kthread freezer next steps", untagged.
    const summit = {
      id: 'lsf',
      name: 'LSF/MM/BPF',
      aliases: ['LSF/MM/BPF'],
      subjectTags: [],
      calls: null,
      lists: [],
      chairs: ['chair@example.org'],
    };
    const ctx = { ...context(), meetings: [summit] };
    const topic = (subject: string, from = 'member@example.org') =>
      inlineRule(makeEnv(message({ subject, bodyText: 'Probably best as a BoF.\n', fromAddr: from }), ctx)).map((c) => c.title);
    expect(topic('LSF/MM/BPF 2023 BoF: removing kthread freezer next steps')).toEqual(['Removing kthread freezer next steps']);
    expect(topic('LSF/MM/BPF 2023 IOMAP conversion status update')).toEqual(['IOMAP conversion status update']);
    // Mail about the meeting itself, and the chair's announcements, are no topics.
    expect(topic('LSF/MM/BPF 2023: Call for Proposals')).toEqual([]);
    expect(topic('LSF/MM/BPF - New access information')).toEqual([]);
    expect(topic('LSF/MM/BPF 2023 keynote speakers', 'chair@example.org')).toEqual([]);
    // "XFS BoF at LSFMM" (linux-xfs 2024): where the session is, no topic.
    expect(topic('LSF/MM/BPF BoF at LSFMM')).toEqual([]);
    // "[ANNOUNCE] Boot Security microconf at Linux Plumbers Conf, Sep 9-11" (tboot-devel 2019).
    expect(topic('[ANNOUNCE] LSF/MM/BPF at Linux Plumbers Conf, Sep 9-11')).toEqual([]);
    const put = message({
      subject: 'Re: LSF/MM/BPF at LSFMM',
      bodyText: 'Would you list some items so I can put it on the agenda?\n',
      parentMid: 'p@x',
    });
    expect(inlineRule(makeEnv(put, ctx))).toEqual([]);
  });

  it('takes the item named after "add following item to today agenda items"', () => {
    // openbmc 2019-07-24, a reply to the chair's reminder.
    const msg = message({
      subject: 'RE: Security WG - Wednesday July 24',
      bodyText: 'I like to add following item to today agenda items" Tracking Yocto Linux security fixes tracking"\n',
      listId: 'wg.example.org',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(msg)))).toEqual(['Tracking Yocto Linux security fixes tracking']);
  });

  it('puts the thread to a call named as "something to discuss on" it, or where "more details" will come', () => {
    const scope = message({
      subject: 'Re: Xen 4.21 Development Update',
      bodyText: 'I think it would be helpful to strip down the set. Maybe something to discuss on\nthe community call later today?\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(scope)))).toEqual(['Xen 4.21 Development Update']);
    const details = message({
      subject: 'Re: [PATCH] arm/dom0less: put dom0less code in a module',
      bodyText: 'RISC-V is already using dom0less code downstream. More details on the mirage call this\nweek.\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(details)))).toEqual(['arm/dom0less: put dom0less code in a module']);
  });

  it('puts the thread to a meeting where "maybe this should be a topic", or where to "have a discussion"', () => {
    // LKML 2004 and 2005, both put to the Kernel Summit (its organiser is its chair).
    const summit = {
      id: 'ks',
      name: 'Kernel Summit',
      aliases: ['kernel summit'],
      subjectTags: [],
      calls: null,
      lists: [],
      chairs: ['chair@example.org'],
    };
    const ctx = { ...context(), meetings: [summit] };
    const maybe = message({
      subject: 'Re: [ANNOUNCE] linux-libc-headers 2.6.7.0',
      bodyText: 'David Miller approved the idea\n\nMaybe this should be a topic for the kernel summit or a BOF session at OLS?\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(makeEnv(maybe, ctx)))).toEqual(['linux-libc-headers 2.6.7.0']);
    const rfd = message({
      subject: '[RFD] FS behavior (I/O failure) in kernel summit',
      bodyText: 'So, we propose 1)a 2)a 3)a as the right behavior. If possible, have a discussion in the Kernel Summit.\n',
    });
    expect(titles(inlineRule(makeEnv(rfd, ctx)))).toEqual(['FS behavior (I/O failure)']);
    // linux-media 2010, a copy of the ksummit-2010-discuss thread on the BKL.
    const bkl = message({
      subject: '[v2] Remaining BKL users, what to do',
      bodyText: 'Maybe we can briefly discuss this at the kernel summit to decide if we\nwant a quick death of the BKL.\n',
    });
    expect(titles(inlineRule(makeEnv(bkl, ctx)))).toEqual(['Remaining BKL users, what to do']);
  });

  it('puts the thread to a call someone will sign up for, or will touch on it tomorrow at', () => {
    // bpf 2022-09-30 and 2023-04-26, on patch threads: the BPF office hours.
    const signUp = message({
      subject: 'Re: [PATCH 00/26] FUSE BPF: A Stacked Filesystem Extension for FUSE',
      bodyText: "I wasn't aware of struct_ops. I'll definitely look into that.\nI'll likely sign up for the mirage call next week.\n",
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(signUp)))).toEqual(['FUSE BPF: A Stacked Filesystem Extension for FUSE']);
    const touch = message({
      subject: 'Re: [RFC PATCH v3 28/37] WIP: bpf: Add fuse_ops struct_op programs',
      bodyText: "We'll probably touch on that tomorrow at the mirage call.\n",
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(touch)))).toEqual(['WIP: bpf: Add fuse_ops struct_op programs']);
  });

  it('puts the thread to a call where "we" could discuss its options', () => {
    // bpf 2025-04-16, on "The future of kernel-patches-daemon": the office hours, named after the question.
    const options = message({
      subject: 'Re: The future of kernel-patches-daemon - folding under LF?',
      bodyText:
        'Hi Luis,\n\nHow about we discuss different options over a video conference?\nWe have a mirage call scheduled ' +
        'every Thursday at 9am PST.\nWould this time work for folks?\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(options)))).toEqual(['The future of kernel-patches-daemon']);
    const why = message({ subject: 'Xen', bodyText: "Why don't we discuss the PVH boot regression at the next call?\n" });
    expect(titles(inlineRule(envOf(why)))).toEqual(['The PVH boot regression']);
  });

  it('puts the thread to a call someone is reminded or proposes to mention it at, not one they habitually mention it at', () => {
    // xen-devel 2023-11 and 2024-01: the community manager, in the thread; ksummit 2023: a habit.
    const remind = message({
      subject: 'Re: Interest in Release Manager Role',
      bodyText: "Don't forget to mention this on the next mirage call in December!\n",
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(remind)))).toEqual(['Interest in Release Manager Role']);
    const propose = message({
      subject: 'Re: Xen 4.19 release schedule proposal',
      bodyText: 'I propose we raise this in the next mirage call (Thursday 1st Feb).\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(propose)))).toHaveLength(1);
    const habit = message({
      subject: 'Re: Kernel documentation',
      bodyText: 'I routinely mention it at the mirage call...progress is slow.\n',
      parentMid: 'p@x',
    });
    expect(inlineRule(envOf(habit))).toEqual([]);
  });

  it('puts a new thread to the meeting it is written in preparation for', () => {
    // IETF BPF WG 2023-07: a member opens the discussion before the session.
    const prep = message({
      subject: '[Bpf] Instruction set extension policy',
      bodyText: 'I wanted to kick off a discussion of this topic in preparation for discussion\nat the mirage call.\n',
    });
    expect(titles(inlineRule(envOf(prep)))).toEqual(['Instruction set extension policy']);
  });

  it('puts the thread to a call it "could also be sth for"', () => {
    // bpf 2021-01-23, on a patch series: the BPF office hours.
    const sth = message({
      subject: 'Re: [PATCH v6 bpf-next 0/8] mvneta: introduce XDP multi-buffer support',
      bodyText:
        'It would be good to describe the design in the cover letter. (Additionally discussing\napi design proposal could also be ' +
        'sth for the mirage call to move things\nquicker + posting a summary to the list.)\n',
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(sth)))).toEqual(['mvneta: introduce XDP multi-buffer support']);
    // ksummit 2021: "this year" is when, not the meeting: the summit it names in passing gets nothing.
    const year = message({
      subject: 'RFC: building a regression tracking bot',
      bodyText: 'We discussed this at the mirage call 2017; it hopefully might be something for this year as well.\n',
    });
    expect(inlineRule(envOf(year))).toEqual([]);
  });

  it('puts the thread to a call where its author invites discussion, or that may be its topic', () => {
    // xen-devel 2020-05-06 and 2020-07-28, a design document and a patch review.
    const invite = message({
      subject: '[PATCH] docs/designs: domB design document',
      bodyText: "We invite discussion of this on this month's mirage call on the 7th of May.\n",
    });
    expect(titles(inlineRule(envOf(invite)))).toEqual(['docs/designs: domB design document']);
    const maybe = message({
      subject: 'Re: [PATCH 1/4] x86: bump the tool chain base line',
      bodyText: "Maybe a topic for the next mirage call, which isn't too far\nout?\n",
      parentMid: 'p@x',
    });
    expect(titles(inlineRule(envOf(maybe)))).toEqual(['x86: bump the tool chain base line']);
  });

  it('takes no topic from a call for proposals, nor "a tech topic" for its title', () => {
    const cfp = message({ subject: "Maintainer's / MirageOS call 2022 CFP", bodyText: 'Please propose a topic for the mirage call.\n' });
    expect(inlineRule(envOf(cfp))).toEqual([]);
    const tagged = message({
      subject: 'New maintainer-oriented features of b4',
      bodyText: 'I would like to propose a tech topic for the next mirage call.\n',
    });
    expect(titles(inlineRule(envOf(tagged)))).toEqual(['New maintainer-oriented features of b4']);
  });

  it("takes the subject of notes prepared for today's call, and 'a great topic for the next call' as the thread's", () => {
    // A meeting with chairs: a member's mail that names it is no call of it.
    const chaired = { ...context(), meetings: [{ ...MEETINGS[0]!, chairs: ['chair@example.org'] }] };
    const notes = message({ subject: "Unikernel boot time (notes for today's mirage call)", bodyText: 'Find below the notes.\n' });
    expect(inlineRule(makeEnv(notes, chaired)).map((c) => c.title)).toEqual(['Unikernel boot time']);
    const reply = message({
      subject: 'Re: [PATCH] solo5: faster boot',
      bodyText: 'I think that would be a great topic for the next mirage call on Feb 25.',
      parentMid: 'p@x',
    });
    expect(inlineRule(envOf(reply)).map((c) => c.title)).toEqual(['solo5: faster boot']);
  });

  it("takes the thread's subject when someone asks to be added to the agenda ('add me'), never 'Me'", () => {
    // Open MPI devel 2014, to the teleconference's agenda keeper.
    const body = "Rolf --\n\nI'll be ready to discuss a concrete plan next Tuesday.\n\nCan you please add me to the mirage call's agenda?";
    expect(titles(inlineRule(envOf(message({ subject: '[devel] Github migration plan', bodyText: body }))))).toEqual([
      'Github migration plan',
    ]);
  });

  it('takes nothing from a member asking what the agenda is', () => {
    // ILUGC 2004: "May I know the Agenda or the topics to be discussed in the forthcoming Monthly meet".
    const asks = 'May I know the agenda or the topics to be discussed in the forthcoming mirage call (June 12th)?';
    expect(inlineRule(envOf(message({ subject: 'Agenda of the June call', bodyText: asks })))).toEqual([]);
  });

  it('ties a wish to the meeting its paragraph asks about, not to a meeting named elsewhere in the mail', () => {
    // docktesters 2016: "Is there another meeting scheduled for the PCAWG testing group? I'd like to give a tutorial on X".
    const asked = "Is there another mirage call scheduled?  I'd like to give a tutorial on calling the workflows in Dockstore.";
    expect(titles(inlineRule(envOf(message({ subject: 'next call?', bodyText: `Hi,\n\n${asked}\n\nBrian` }))))).toEqual([
      'Calling the workflows in Dockstore',
    ]);
    const apart = "The mirage call went well.\n\nI'd like to give a tutorial on calling the workflows in Dockstore.";
    expect(inlineRule(envOf(message({ subject: 'workflows', bodyText: apart })))).toEqual([]);
    // ksummit 2021: a meeting named after the wish, in the same paragraph, is about something else.
    const after = 'Sometimes I wonder if we should have a better list for this. It was among the things we discussed at the mirage call.';
    expect(inlineRule(envOf(message({ subject: 'reporting issues', bodyText: after })))).toEqual([]);
  });

  it('ignores discussion phrases that name no meeting, and pointers into a call thread', () => {
    expect(
      inlineRule(envOf(message({ subject: 'Re: solver', bodyText: "I'd like to discuss the solver change more.", parentMid: 'p@x' }))),
    ).toEqual([]);
    expect(
      inlineRule(
        envOf(
          message({
            subject: 'Re: Call for agenda items: MirageOS call',
            bodyText: 'We wanted to discuss it with more people at the call.',
            parentMid: 'p@x',
          }),
          { ...callThread(), parentIsCall: false },
        ),
      ),
    ).toEqual([]);
  });

  it("does not run on minutes or on the chair's call mails", () => {
    expect(inlineRule(envOf(message({ subject: 'Minutes of the MirageOS call', bodyText: 'agenda+ said during the call' })))).toEqual([]);
    expect(inlineRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: 'agenda+ listed by the chair' })))).toEqual(
      [],
    );
  });

  it('takes a patch series that "serves as a base for discussion at" a named meeting as the thread\'s topic', () => {
    // bpf 2019: an RFC cover letter naming the LPC BPF microconference.
    const rfc = message({
      subject: '[RFC PATCH bpf-next v2 0/2] bpf: adding map batch processing support',
      bodyText: 'This RFC implements bucket based batching.\n\nThis RFC also serves as a base for discussion at upcoming\nmirage call.\n',
    });
    expect(inlineRule(envOf(rfc)).map((c) => c.title)).toEqual(['bpf: adding map batch processing support']);
  });
});
