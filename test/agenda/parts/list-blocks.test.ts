import { describe, expect, it } from 'vitest';
import { listBlocks } from '../../../src/agenda/reading/list-blocks.js';

const read = (text: string) => listBlocks(text).map((b) => ({ intro: b.intro, items: b.items.map((i) => i.text) }));

describe('lists read by their structure (issue 8, "Chairs\' lists not seen")', () => {
  it("reads a paragraph at the markers' indent as the item's description when another item follows (qemu-devel 2022)", () => {
    const text =
      'Some potential topics for discussion might include:\n\n * External Device Models\n\n I know this is a contentious topic.\n\n' +
      ' * A sense of time\n\n Currently we have limited support.\n\nAre any of these of interest?\n';
    expect(read(text)).toEqual([
      { intro: 'Some potential topics for discussion might include:', items: ['External Device Models', 'A sense of time'] },
    ]);
    // At the margin a paragraph between two bullets stays prose: two lists.
    expect(read('Topics:\n* One\n\nSome prose.\n\n* Two\n').length).toBe(2);
  });

  it('reads "1- X", a number and a dash typed by hand, as a numbered item (mapserver-dev 2007)', () => {
    const text =
      "Here are some topics I'd like to see discussed:\n\n1- MapServer vision / future direction\n    - Try to come up with a vision\n\n" +
      '2- MapServer vs Other projects:\n    - Where we stand\n\nThe 2-3 hours we have.\n';
    expect(read(text)).toEqual([
      {
        intro: "Here are some topics I'd like to see discussed:",
        items: ['MapServer vision / future direction', 'MapServer vs Other projects:'],
      },
    ]);
  });

  it('keeps the words that introduce a list, even mid-sentence', () => {
    expect(read("We'll discuss what comes up.  The current topics:\n\n1. Gerrit review of X\n\n2. Rate limiting\n")).toEqual([
      { intro: "We'll discuss what comes up. The current topics:", items: ['Gerrit review of X', 'Rate limiting'] },
    ]);
  });

  it('reads numbers starting again under an item that ends in a colon as its points (OpenEmbedded TSC 2011)', () => {
    const text =
      '09) Open the IRC meeting\n10) Definitive guidelines for BSPs. This should address:\n1) Where to define toolchains.\n' +
      '2) How to create kernel bb files.\n3) Same for u-boot.\n11) Re-inforcement of the old versions policy\n';
    const block = listBlocks(text)[0]!;
    expect(block.items.map((i) => i.text)).toEqual([
      'Open the IRC meeting',
      'Definitive guidelines for BSPs. This should address:',
      'Re-inforcement of the old versions policy',
    ]);
    expect(block.items[1]!.detail).toBe('1) Where to define toolchains.\n2) How to create kernel bb files.\n3) Same for u-boot.');
  });

  it('keeps points numbered within their item ("1.1.", "3.2.1.", "1.3  X") under it (the Gentoo Council, 2009)', () => {
    const text =
      '1. Intro (5 minutes, including late arrivals)\n  1.1. Make sure somebody is logging\n  1.2. Roll call\n' +
      '  1.3  Who wants to chair? I can volunteer if nobody does as I know the\n       topics already.\n\n' +
      '2. EAPI3 status (10 minutes)\n  Can we have an ETA?\n\n3. Prefix (15 minutes)\n  3.1. The prefix team has answered all questions,\n' +
      '       and have a portage branch ready.\n  3.2. EAPI bump\n    3.2.1. Should we make a quick EAPI bump?\n\n' +
      '4. GLEPs 58, 59, 60 and 61 (15 minutes)\n';
    const block = listBlocks(text)[0]!;
    expect(block.items.map((i) => i.text)).toEqual([
      'Intro (5 minutes, including late arrivals)',
      'EAPI3 status (10 minutes)',
      'Prefix (15 minutes)',
      'GLEPs 58, 59, 60 and 61 (15 minutes)',
    ]);
    expect(block.items[0]!.detail.split('\n')[0]).toBe('1.1. Make sure somebody is logging');
    // At the items' own margin they are entries of an index (I2P's weekly status notes, 2004), left as they were.
    const index = listBlocks('* Index\n\n1) 0.3.4.3 status\n1.1) timestamper\n2) 0.4 status\n3) stasher\n');
    expect(index.flatMap((b) => b.items.map((i) => i.text))).toContain('0.3.4.3 status 1.1) timestamper');
  });

  it('reads a list whose first number also stands in the sentence before it from the line that opens with it', () => {
    // The OpenEmbedded TSC's preliminary agenda of February 2011, sent as one paragraph.
    const text =
      "Hi,\nI've compiled a preliminary agenda. It's the same as last weeks, but with 01) replaced.\nregards,\nKoen\n" +
      'Agenda 2011-02-21 meeting\n-------------------------\n01) Agree on meeting chair\n02) Setup oe-core repo\n03) Access model for OE core\n';
    expect(read(text).map((b) => b.items)).toEqual([['Agree on meeting chair', 'Setup oe-core repo', 'Access model for OE core']]);
    // A list numbered from 0 ("0) DAX msync/fsync ...", an LSF/MM 2016 request to attend) has no number before its first.
    const fromZero = 'we found that DAX is far from optimum:\n0) DAX msync/fsync has a lot in TODO\n1) DAX has SMP scalability issues.\n';
    expect(() => listBlocks(fromZero)).not.toThrow();
  });

  it("goes on with points numbered again under an item, set in from the items' margin, past the next item's number", () => {
    // The Gentoo Council's agenda of February 2010: "2. GLEP 58" and its plan, " 1." to " 6.".
    const text =
      '1. Intro (5 minutes)\n\n2. GLEP 58 (5 minutes)\nMake sure you have read GLEP 58 and vote.\nProposed plan, see [2]:\n' +
      ' 1. Council approves GLEP58.\n 2. Portage support is added.\n 3. Old Portage versions still work at this point.\n' +
      ' 4. Wait 6-12 months for Portage upgrade cycle.\nThen when and if desired we can proceed:\n 5. Change the MetaManifests.\n' +
      ' 6. Drop per-package Manifests from the tree.\n\n3. GLEP 59 (5 minutes)\nMake sure you have read GLEP 59 and vote.\n\n' +
      '4. GLEP 60 (5 minutes)\n';
    expect(read(text)).toEqual([
      { intro: '', items: ['Intro (5 minutes)', 'GLEP 58 (5 minutes)', 'GLEP 59 (5 minutes)', 'GLEP 60 (5 minutes)'] },
    ]);
  });

  it('reads items numbered within a section ("C.1)")', () => {
    // xen-devel 2019-11-07, the chair's copy of the agenda pad.
    expect(read('What I have so far:\n\nC.1) Any more 4.13 coordination (Juergen)\nC.2) Release managers for 4.13\n')).toEqual([
      { intro: 'What I have so far:', items: ['Any more 4.13 coordination (Juergen)', 'Release managers for 4.13'] },
    ]);
  });

  it('joins wrapped items and keeps what follows them (links, status notes)', () => {
    expect(
      read('Agenda:\n  1. Code review to redirect HTTP to\n     HTTPS https://example.org/r/1 (in review)\n  2. Dropbear settings\n'),
    ).toEqual([
      { intro: 'Agenda:', items: ['Code review to redirect HTTP to HTTPS https://example.org/r/1 (in review)', 'Dropbear settings'] },
    ]);
  });

  it('ends a list at a line at the margin that introduces what follows ("Access, agenda, and notes are in the wiki:")', () => {
    // OpenBMC 2019-07, a reminder as quoted in the chair's reply: no blank line after the list.
    expect(
      read(
        'Current topics:\n- SPDM\n- Default user config: root, ipmi group\nAccess, agenda, and notes are in the wiki:\nhttps://example.org/wiki\n\n- Joseph\n',
      ),
    ).toEqual([
      { intro: 'Current topics:', items: ['SPDM', 'Default user config: root, ipmi group'] },
      { intro: 'Access, agenda, and notes are in the wiki: https://example.org/wiki', items: ['Joseph'] },
    ]);
  });

  it('reads a number alone on its line with the text after a blank line (HTML turned to text)', () => {
    expect(read('Topics:\n\n1.\n\nSecure boot\n\n2.\n\nIPMI over DTLS\n')[0]!.items).toEqual(['Secure boot', 'IPMI over DTLS']);
    // openbmc security WG, 2022-01-05: an empty "1.", then the reminder's footer after three blank lines.
    const empty =
      'the agenda, and anything else that comes up:\n\n1.\n\n\n\nAccess, agenda and notes are in the wiki:\nhttps://example.org/wiki\n';
    expect(
      read(empty)
        .flatMap((b) => b.items)
        .filter((t) => t !== ''),
    ).toEqual([]);
  });

  it('keeps sub-points and descriptions with their item', () => {
    const [b] = listBlocks(
      'Topics:\n* Reviewing the incident\n    After a summary we would discuss\n    what to change.\n* Rust\n  - status\n',
    );
    expect(b!.items.map((i) => i.text)).toEqual(['Reviewing the incident', 'Rust']);
    expect(b!.items[0]!.detail).toMatch(/After a summary/);
    expect(b!.items[1]!.detail).toBe('- status');
  });

  it('reads a list flattened into one paragraph, numbered or lettered', () => {
    expect(read('The current topics 1. Certificate handling. 2. Daemons should not run as root. 3. Image uploads.')).toEqual([
      { intro: 'The current topics', items: ['Certificate handling.', 'Daemons should not run as root.', 'Image uploads.'] },
    ]);
    expect(read('cover these first:\n(A) service discovery direction, (B) using pam_abl')[0]!.items).toEqual([
      'service discovery direction',
      'using pam_abl',
    ]);
  });

  it('reads letters with only their closing parenthesis in a sentence: "a) X, and b) Y"', () => {
    // Open MPI devel 2013, the June developer meeting's announcement.
    const text =
      'All are welcome.  Two primary topics for this meeting will be: a) progress since the UTK meeting, and b) asynchronous progress.';
    expect(read(text)[0]!.items).toEqual(['progress since the UTK meeting', 'asynchronous progress.']);
  });

  it('does not take a signature dash or a rule for a bullet', () => {
    expect(read('Thanks,\n-- \nJoe\n----------\n')).toEqual([]);
  });

  it('reads "2.(gerrit review) X", a number right before a parenthesis', () => {
    expect(read('Additional agenda item:\n2.(gerrit review) IPMI over DTLS\n')[0]!.items).toEqual(['(gerrit review) IPMI over DTLS']);
  });

  it('reads "1.Title" without a space, but not "-foo", "*bold*" or "a.b"', () => {
    expect(read('Agenda:\n1.Secure boot\n2.IPMI over DTLS\n')[0]!.items).toEqual(['Secure boot', 'IPMI over DTLS']);
    expect(read('Options:\n-foo\n*bold* words\na.b is a domain\n')).toEqual([]);
  });

  it('splits a numbered item that a mailer ran on into the next numbers ("1. X. 2. Y. 3. Z.")', () => {
    expect(read('Topics:\n1. Certificate handling. 2. Image uploads. 3. Rate limiting\n')[0]!.items).toEqual([
      'Certificate handling.',
      'Image uploads.',
      'Rate limiting',
    ]);
    // A number out of order is part of the text: "2. Move to v3.1. 4 people agreed".
    expect(read('Topics:\n1. Move to v3 1. 4 people agreed\n2. Rust\n')[0]!.items).toEqual(['Move to v3 1. 4 people agreed', 'Rust']);
  });

  it('reads a heading right under a lone number, and a number after a bulleted sub-list as the outline going on', () => {
    // LPC 2023, a reply to the Power Management MC's call: "1.\nIdle injection and soft IRQs:".
    const text = '1.\nIdle injection:\nNo good solution yet.\n\nI am proposing:\n- Affinity change\n- Other?\n\n2.\nThermal sysfs\n';
    // The section's paragraphs and its proposals' bullets are its description, up to "2.".
    const [block, ...rest] = listBlocks(text);
    expect(block!.items.map((i) => i.text)).toEqual(['Idle injection:', 'Thermal sysfs']);
    expect(block!.items[0]!.detail).toContain('Affinity change');
    expect(rest).toEqual([]);
    // Lettered points under a numbered item stay its sub-points (OpenBMC 2019).
    expect(read('Agenda:\n   1. Intel issues\n\n   a. SOL log\n   b. Bios\n\n   2. Icons\n')[0]!.items).toEqual(['Intel issues', 'Icons']);
  });

  it('opens a list of headings ("* PCI:") into the points under them', () => {
    const text = 'Topics include:\n\t* PCI:\n\t  - Data Object Exchange\n\t  - Peer-to-Peer DMA\n\t* IOMMU:\n\t  - IOMMU virtualization\n';
    expect(read(text)[0]!.items).toEqual(['Data Object Exchange', 'Peer-to-Peer DMA', 'IOMMU virtualization']);
  });

  it('opens an outline of lettered sections ("A. Scalability") into the points under them', () => {
    // OLS 2006, the NUMA BoF's agenda: sections lettered A to D, the subjects bulleted under each.
    const text = 'Subjects:\n\nA. Scalability\n\t- Lockless page cache\n\t- TLB pressure\n\nB. Page Migration\n\t- Memory hotplug\n';
    expect(read(text)[0]!.items).toEqual(['Lockless page cache', 'TLB pressure', 'Memory hotplug']);
    // A lettered list of sentences keeps its items, points and all.
    const sentences = 'Options:\n\nA. We cancel the call.\n\t- nobody minds\nB. We keep it.\n\t- fine too\n';
    expect(read(sentences)[0]!.items).toEqual(['We cancel the call.', 'We keep it.']);
  });

  it("reads a numbered item's paragraphs at the margin, and the points in them, as its description up to the next number", () => {
    // The V4L/DVB miniconf's schedule (LPC 2010): each track, its description, then the next number.
    const text = [
      'Those changes will be discussed on the tracks below:',
      '',
      '1) Multimedia Linux Remote Controllers - Jarod Wilson - 35 mins',
      '',
      'A discussion about the state of remote control integration.',
      '',
      'Should include the following sub-themes:',
      '',
      '    * IR remotes',
      '    * X11 integration',
      '',
      '2) Videobuf2 - Marek Szyprowski - 35 mins',
      '',
      'An effort to write a new framework.',
      '',
      'I hope to meet you all there!',
    ].join('\n');
    const [block, ...rest] = listBlocks(text);
    expect(block!.items.map((i) => i.text)).toEqual([
      'Multimedia Linux Remote Controllers - Jarod Wilson - 35 mins',
      'Videobuf2 - Marek Szyprowski - 35 mins',
    ]);
    expect(block!.items[0]!.detail).toContain('IR remotes');
    expect(rest).toEqual([]);
    // A paragraph after the last number, or before a number out of sequence, ends the list.
    expect(read('Topics:\n1. A\n\nSome words.\n\n1. B\n').map((b) => b.items)).toEqual([['A'], ['B']]);
  });

  it('keeps the whole paragraph before a list as its intro, up to six lines', () => {
    const text = 'Here is one line\nfor each subject.\nI would be\ninterested in more.\nMaybe this thread\nhelps.\n- Lockless page cache\n';
    expect(read(text)[0]!.intro).toBe('Here is one line for each subject. I would be interested in more. Maybe this thread helps.');
  });

  it('ends an item at a sentence that starts at the margin under a short item, and reads a dash in wrapped prose as prose', () => {
    // xen-devel 2022-06, the MISRA C meeting's chair: "- Rule 18.3" is no wrap of a sentence, and
    // "Things like _end\n- _start and other ..." is one sentence with a dash.
    const text = [
      'A couple of rules are about comparisons between pointers to different objects:',
      '- Rule 18.1',
      '- Rule 18.2',
      '- Rule 18.3',
      'In my opinion these rules are good in the general case. Things like _end',
      '- _start and other "fake objects" should be deviations.',
    ].join('\n');
    const [block] = listBlocks(text);
    expect(block!.items.map((i) => i.text)).toEqual(['Rule 18.1', 'Rule 18.2', 'Rule 18.3']);
    expect(block!.items[2]!.detail).toContain('_start and other');
    // A long item that wraps at the margin is still one item.
    expect(read('Topics:\n- Rework of the reset handling in the display drivers that we started at the\nLast call\n- Other\n')).toEqual([
      { intro: 'Topics:', items: ['Rework of the reset handling in the display drivers that we started at the Last call', 'Other'] },
    ]);
  });

  it('takes a bullet two columns deeper than the item before for its sub-point, one a column off for a sibling', () => {
    // The Boot-Time SIG's reminder (2025), typed by hand: the margin wobbles by a column.
    const text =
      'Agenda:\n- Post-mortem\n   - What ideas should we follow up on?\n  - Status of patches\n    - print initlevel\n' +
      '- Round-table\n     - boot caching\n - Conferences:\n    - LPC 2025\n';
    const blocks = listBlocks(text);
    expect(blocks.map((b) => b.items.map((i) => i.text))).toEqual([['Post-mortem', 'Round-table', 'Conferences:']]);
    const inner = listBlocks(blocks[0]!.items[0]!.detail)[0]!;
    expect(inner.items.map((i) => [i.text, i.detail.trim()])).toEqual([
      ['What ideas should we follow up on?', ''],
      ['Status of patches', '- print initlevel'],
    ]);
    // The audio miniconference's schedule (alsa-devel 2019): siblings a column apart, points two deeper.
    const audio = listBlocks(' - DSP framework integration\n  - SOF support\n   - Gapless playback\n  - PCM issues\n');
    expect(audio[0]!.items.map((i) => [i.text, i.detail.trim()])).toEqual([
      ['DSP framework integration', ''],
      ['SOF support', '- Gapless playback'],
      ['PCM issues', ''],
    ]);
  });
  it('reads "#3" as a number and "#428" (an issue) as none; points with their item\'s number go on past a blank line', () => {
    expect(listBlocks('Agenda:\n#1 Intro\n#2 Release\n')[0]!.items.map((i) => i.text)).toEqual(['Intro', 'Release']);
    expect(listBlocks('#428 Retire Amended RECs <https://example.org/428>\n')).toEqual([]);
    const text =
      '1) Agenda bash\n2) Issues tagged agenda+\n\n2.1) Revising a Rec.\n\n#428 Retire Amended RECs\n\n2.2) Registries\n\n3) AOB\n';
    const block = listBlocks(text)[0]!;
    expect(block.items.map((i) => i.text)).toEqual(['Agenda bash', 'Issues tagged agenda+', 'AOB']);
    expect(block.items[1]!.detail.split('\n')).toEqual(['2.1) Revising a Rec.', '#428 Retire Amended RECs', '2.2) Registries']);
  });
});
