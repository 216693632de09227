import { describe, expect, it } from 'vitest';
import { chairCallRule } from '../../../src/agenda/rules/chair-call.js';
import { envOf, message, titles } from '../extract-helpers.js';

// The chair's agenda of a recurring call, shaped as the LLVM RISC-V sync-up's of 2021-2022: headings
// over points, patches named by number, a greeting and the next call's date among the items.
const AGENDA = [
  'Agenda:',
  '* Happy New Year!',
  '* D116677 and D11678 - improvements to branch target analysis (support',
  'for auipc+jalr pairs)',
  '* Heads up:',
  '  * fp16 ABI discussion <https://github.com/riscv/riscv-elf-psabi-doc/pull/172>',
  '  * libcxx on 32-bit architectures with 64-bit time_t',
  '* RVV topics',
  '  * Spilling and frame handling',
  '  * Whole register load/store for generic load/store',
  '* Ratified extension patches',
  '  * D93298 Add MC layer support for Zfinx',
  '  * D70401 Complete rv32e/ilp32 implementation',
  '* 12.0.0 backports',
  '  * 49031 - Merge b4106f9 to 12.0.0 (awaiting merge)',
  '* Any other business?',
  '* Next meeting: Thu 20th January 2022, 4pm GMT',
  '',
].join('\n');

describe("rule 5: a recurring call's agenda with headings over its points", () => {
  it('reads the points under "Heads up:", "RVV topics" and "Ratified extension patches", not the headings', () => {
    const msg = message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: AGENDA });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([
      'Improvements to branch target analysis (support for auipc+jalr pairs)',
      'fp16 ABI discussion',
      'Libcxx on 32-bit architectures with 64-bit time_t',
      'Spilling and frame handling',
      'Whole register load/store for generic load/store',
      'D93298 Add MC layer support for Zfinx',
      'D70401 Complete rv32e/ilp32 implementation',
      '12.0.0 backports',
    ]);
  });

  it('keeps a heading whose words name a subject, over points that detail it', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'Agenda:\n* Irmin 3 roadmap\n  * storage backends\n  * release date\n* Solo5 release\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Irmin 3 roadmap', 'Solo5 release']);
  });
});

// The IETF CCAMP chairs' mail before their San Diego session (2004), and an X developers' meeting's
// announcement (2004).
describe("rule 5: a session's outline in plain lines, and lists that are no agenda", () => {
  it('reads lines that each give their time as the agenda, without the standing admin slot', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'As an early outline, the agenda will be something like the following. Note, however, that drafts ' +
        'need to be published in good time.\n\nNormal admin and WG status  [15 minutes]\nASON [20 minutes]\n' +
        'Protection and recovery [20 minutes]\nInter-area/AS TE [75 minutes]\n\nThanks,\nAdrian\n',
    });
    const c = chairCallRule(envOf(msg));
    expect(titles(c)).toEqual(['ASON', 'Protection and recovery', 'Inter-area/AS TE']);
    expect(c.map((x) => x.durationMinutes)).toEqual([20, 20, 75]);
  });

  it("takes no presenters' requirements, nor the conditions on changing the agenda, as topics", () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'In view of the tight schedule, here are some requirements on "presenters".\n\n- Assume that your draft has been read\n\n' +
        '- Do state the remaining work items\n\nIf it is the will of the WG to change the agenda that is fine with us so long as:\n' +
        '- it fits within the priorities and milestones in the charter\n- we do not end up with tiny slots\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual([]);
  });

  it('reads "Current presentations for the X Meeting include:" as the talks the meeting holds', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        "Current presentations for the X Developer's Meeting include:\n\n      * Looking Glass - Sun Microsystems\n" +
        '      * Eamon Walsh: "Extensible Security for X: Motivation and Design"\n',
    });
    expect(titles(chairCallRule(envOf(msg))).length).toBe(2);
    expect(titles(chairCallRule(envOf(msg)))[0]).toBe('Looking Glass');
  });
});

describe("rule 5: the chair's prose", () => {
  it('takes no place and date as what the chair would present (BayPIGgies 2006)', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText: 'The survey ends 4/30 and I will have 15 pages of graphs which I would like to present at Google on May 11.\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).not.toContain('At Google on May 11');
  });
});

// The TDF board's agendas (2023-2024): sections of a mail that says it is the agenda, items numbered
// "1." or "A1.", what the board does with each ("Discuss:", "Status Report:"), fields under them.
describe("rule 5: a board's agenda in sections", () => {
  const body = [
    'Dear Community,',
    '',
    'find below the agenda for our board meeting on Monday.',
    '',
    'Public Section',
    '',
    '  1. Discuss: Answering questions from the community (board, 5 mins)',
    '    Rationale: Provide an opportunity for the community to ask questions',
    '',
    '  2. Discuss: Improving board minuting (Florian Effenberger, Thorsten',
    '    Behrens, 10 mins)',
    '',
    '  3. Status Report: Status: LibreOffice in the app stores (Florian Effenberger, 5 mins)',
    '',
    'Proposed motions to discuss',
    '',
    'D1. Motion to approve the board agenda process',
    'Proposed by Paolo Vecchi 2024-03-28',
    '',
    'D2. Update from the new board (10 minutes)',
    'Rationale: Give an update on the past month of work done by the new board.',
    '',
  ].join('\n');

  it("reads each section's numbered items, without the community's question slot", () => {
    const c = chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: body })));
    expect(titles(c)).toEqual([
      'Improving board minuting',
      'LibreOffice in the app stores',
      'Motion to approve the board agenda process',
      'Update from the new board',
    ]);
    expect(c[0]).toMatchObject({ presenter: 'Florian Effenberger, Thorsten Behrens', durationMinutes: 10 });
  });

  it('reads no section when the mail does not say it is the agenda', () => {
    const notAgenda = body.replace('find below the agenda for our board meeting on Monday.', 'Some notes from Monday.');
    expect(titles(chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: notAgenda }))))).toEqual([]);
  });
});

// Ubuntu Women (2009): the leader's call with the goals set at UDS, one "*OBJECTIVE*:" line each.
describe('rule 5: topics behind a label the chair repeats', () => {
  const body =
    'Hi again everyone,\n\nThe wiki with the full specs can be found under\n"Read the full specification<https://wiki.example.org/Roadmap>"\n\n' +
    'We have 3 objectives for this meeting and I am not sure we can begin to\ncover all of them in one meeting\n\n' +
    '*OBJECTIVE*: Clarify the purpose of the #ubuntu-women channel.\n*OBJECTIVE*: Create a safe space IRC channel.\n' +
    '*OBJECTIVE*: Appoint a leader of the Ubuntu Women team, complete with\ncodified expectations around the role.\n';

  it('reads each labelled line, wrapped lines joined, and neither a link label nor "all of them"', () => {
    expect(titles(chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: body }))))).toEqual([
      'Clarify the purpose of the #ubuntu-women channel',
      'Create a safe space IRC channel',
      'Appoint a leader of the Ubuntu Women team',
    ]);
  });

  it('takes no field under a topic for a topic (PUCK\'s agendas, 2023: "Objective:" under "Topic #1:")', () => {
    const puck =
      'Topic #1:   KVM MC format at LPC 2023 (~15 minutes)\nObjective:  Discuss and finalize format of KVM MC\n\n' +
      'Topic #2:   guest_memfd development sync (~45 minutes)\nObjective:  Identify known issues, build list of todos\n';
    const read = titles(chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: puck }))));
    expect(read.filter((t) => /known issues|finalize format/i.test(t))).toEqual([]);
  });

  it('takes one labelled line in prose for prose', () => {
    const one = 'Agenda is on the wiki.\n\nTopic: we will see how far we get.\n';
    expect(titles(chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: one }))))).not.toContain(
      'We will see how far we get',
    );
  });
});

// ceph-devel 2019, "octopus planning calls": questions about when to meet, numbered "1-" and "2-".
describe('rule 5: questions about when to meet', () => {
  it('takes no scheduling questions for topics, nor "to schedule something" for an agenda', () => {
    const body =
      "We'd like to do some planning calls. Sebastian, do we need to schedule something on the\norchestrator, or just rely on the existing Monday call?\n\n" +
      "1- Does the 1500-1700 UTC time range work well enough for everyone?  We'll\nrecord the calls.\n\n2- What day(s):\n\n Tomorrow (Friday Jun 7)\n";
    expect(titles(chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: body }))))).toEqual([]);
  });
});

// The 2024 Maintainers Summit's draft agenda: a timetable, then each session's "Prework questions:".
describe("rule 5: a section's questions to think about", () => {
  it('reads no lettered prework questions under a section of a mail that is the agenda', () => {
    const body =
      'This is the draft of the agenda.\n\n9:30  Regression Tracking (Thorsten Leemhuis)\n11:00 Are we ready to Commit to Rust?\n\n' +
      'Regression Tracking\n===================\n\nPrework questions:\n\na) Which subsystems do you think are doing a great job of handling\n' +
      'regressions, and why?\n\nb) Do you think regression tracking is worth it?\n';
    const c = chairCallRule(envOf(message({ subject: 'Draft Agenda for the MirageOS call', bodyText: body })));
    expect(titles(c)).toEqual(['Regression Tracking', 'Are we ready to Commit to Rust?']);
  });
});

// The XSF board's agendas (2026): HTML mail's bold numbered headings turned into text, each with its
// context run on after the emphasis, and a formal meeting's order of business around the topics.
describe("rule 5: a board's agenda in bold numbered headings", () => {
  it('reads the title inside the emphasis, its context and key points under it, without the standing items', () => {
    const body =
      'Dear Board members,\nThis email announces the agenda for our next Board meeting.\n*1. Welcome*Opening of the meeting.\n' +
      '*2. Formalize Agenda*Confirm and approve the agenda for this meeting.\n*3. Jabber Trademark Sublicensing Program*The XSF ' +
      'administers JABBER\nsublicensing on behalf of Cisco.\nKey points\n1. Is there any current demand?\n2. Reversibility - may be hard.\n' +
      '*4. Any Other Business (AOB)*Items not listed above.\n*5. Date of next meeting*Agreement on the date.\n*6. Close*Closing of the meeting.\n';
    const c = chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: body })));
    expect(titles(c)).toEqual(['Jabber Trademark Sublicensing Program']);
  });
});

// The same board in 2020: its agenda "-> AGENDA:" over "Public Part" and items with set-in fields.
describe("rule 5: a board's standing items and set-in fields", () => {
  it('leaves out the Q&A slot and the pending actions, and keeps a field set in under an item out of its title', () => {
    const body =
      'find below the agenda for our board meeting.\n\n-> AGENDA:\nPublic Part\n1. Q&A: Answering Questions from the community (All, max. 10 min)\n' +
      '    Rationale: Provide an opportunity for the community to ask questions.\n2. Status quo about Pending Actions (Lothar 5min)\n' +
      '3. Inform&Discuss: Status of annual filings and report (Florian, all 5min)\n    Rationale: We have filings in public.\n';
    const c = chairCallRule(envOf(message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: body })));
    expect(titles(c)).toEqual(['Status of annual filings and report']);
  });
});

// The Gentoo Council's agendas (2009-2010): the mail says it is the agenda, and its numbered list
// follows a paragraph about something else.
describe('rule 5: the numbered list of a mail that says it is the agenda', () => {
  const agenda = (intro: string): string =>
    `Hi all,\n\n${intro}\n\n1. Intro (5 minutes, including late arrivals)\n  1.1. Make sure somebody is logging\n` +
    '  1.2. Roll call\n\n2. EAPI3 status (10 minutes)\n  Can we have an ETA? Even a vague one would help.\n\n' +
    '3. Prefix (15 minutes)\n  3.1. The prefix team has answered all questions, provided a PMS patch [2], and\n' +
    '       have a portage branch ready.\n\n4. mtime preservation (15 minutes)\n';

  it('reads it as the agenda, whatever the paragraph above it says', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call, agenda for the meeting of December 7th',
      bodyText: agenda(
        "Here's the agenda for the meeting on Monday. One obvious reason though is time: you'll see that it's pretty packed.",
      ),
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['EAPI3 status', 'Prefix', 'Mtime preservation']);
  });

  it('does not when the mail does not say it is the agenda, or the list is how to join', () => {
    const plain = message({ subject: 'Reminder: MirageOS call tomorrow', bodyText: agenda('One reason is time: it is packed.') });
    expect(titles(chairCallRule(envOf(plain)))).toEqual([]);
    const join = message({
      subject: 'Reminder: MirageOS call, agenda for the meeting of December 7th',
      bodyText: 'The agenda is on the wiki.\n\nTo join the meeting:\n1. Open the link\n2. Enter the access code\n',
    });
    expect(titles(chairCallRule(envOf(join)))).toEqual([]);
  });

  it('reads only the timetable when the mail has one, not the numbered points under a slot', () => {
    // The Media Summit's agenda of March 2015: a slot's questions, numbered under it.
    const msg = message({
      subject: 'Reminder: MirageOS call, agenda for the meeting of March 26',
      bodyText:
        'Here is the agenda:\n\n9:00-9:15 Get everyone installed\n9:30-10:30 Media Controller support for DVB (Mauro):\n\n' +
        '1) dynamic creation/removal of pipelines\n2) how to setup pipelines that also involve audio\n\n' +
        '10:30-11:30 Colorspace improvements (Hans)\n',
    });
    const got = titles(chairCallRule(envOf(msg)));
    expect(got).toContain('Colorspace improvements');
    expect(got.filter((t) => /pipelines/.test(t))).toEqual([]);
  });

  it('reads no time of day from a sentence wrapped after "i.e."', () => {
    const msg = message({
      subject: 'Reminder: MirageOS call, agenda for the meeting of February 8th',
      bodyText:
        'Please find below the agenda for the meeting of 8 February\n2010 at 2000UTC. Note that the time is one hour later than usual, i.e.\n' +
        '21:00 in western Europe, 3:00PM US east coast and noon for US west\n\n1. Intro (5 minutes)\n\n2. GLEP 58 (5 minutes)\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['GLEP 58']);
  });
  it('reads the points numbered within a section heading ("4.1)"), set in or at the margin, and leaves the standing business', () => {
    // The W3C Process CG's agendas (2020, 2021), shortened: "Assign scribe" and "Agenda bash" open every
    // call; "Status reports" and "Agenda+ <link>" head the points that are the topics.
    const setIn = message({
      subject: 'DRAFT Agenda for the MirageOS call Wednesday 14 Apr',
      bodyText:
        '1) Assign scribe, etc.,\n\n2) Agenda bash.\n3) Status reports\n   3.1) PSIG Report. Do we need PP protection?\n' +
        '   3.2) I don\u2019t see any recent Issues that should be triaged <https://example.org/issues>\n\n' +
        '4) Agenda+ <https://example.org/labels/Agenda%2B> (I think they are mostly old)\n\n' +
        '  4.1) Switching Tracks #509 <https://example.org/509>\n\n   We need to land this\n\n  4.2) Define minutes #511\n',
    });
    expect(titles(chairCallRule(envOf(setIn)))).toEqual(['PSIG Report', 'Switching Tracks #509', 'Define minutes #511']);
    // The Squeak Foundation board's notes (2006-2007): the business every meeting keeps, a stop after it.
    const board = message({
      subject: 'Reminder: MirageOS call tomorrow',
      bodyText:
        'Agenda:\n1. Review previous action items.\n2. Relicensing progress\n3. List the current action items.\n' +
        "4. List the next meeting's agenda items.\n",
    });
    expect(titles(chairCallRule(envOf(board)))).toEqual(['Relicensing progress']);
    const margin = message({
      subject: 'Revised Agenda for the MirageOS call Wednesday 16 sept',
      bodyText:
        '1) Assign scribe, etc.,\n\n2) Agenda bash.\n\n4) Issues and PRs tagged agenda+.  Yes/No, take discussion to Github, please.\n\n' +
        '4.1) Revising a Rec.: PLH asked it be kept open?\n\n#428 Retire Amended RECs <https://example.org/428>\n\nare we ready to Pull?\n\n' +
        '4.2) Change \u2018change\u2019\n\n#449 renaming \u2018candidate change\u2019\n\n5) Registries\n\nI felt that what was drafted was rather long.\n',
    });
    const read = titles(chairCallRule(envOf(margin)));
    expect(read).toHaveLength(3);
    expect(read[2]).toBe('Registries');
    expect(read.join(' | ')).not.toMatch(/scribe|bash|tagged|^8 /i);
  });
  it('reads a pasted draft agenda\'s headings at the margin: the actions under "Action Items", no "News" as a topic', () => {
    // The Jenkins board's draft agendas (jenkinsci-dev, 2023), shortened: headings at the margin, bullets set in,
    // no blank line between a heading and the list before it.
    const msg = message({
      subject: 'November 27 MirageOS call agenda',
      bodyText:
        'The meeting starts at 7:00 PM UTC.\n\nHere is the draft agenda:\n\nNews\n  \u2022 Solo5 0.9 released\n    \u2022 Ratings look good\n' +
        'Action Items\n  \u2022 Mark create issue to drop the weekly build (done)\n  \u2022 Retire the Chinese site (Kevin)\n' +
        '    \u2022 Kevin has started\n',
    });
    expect(titles(chairCallRule(envOf(msg)))).toEqual(['Mark create issue to drop the weekly build', 'Retire the Chinese site']);
  });
});
