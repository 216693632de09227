import { describe, expect, it } from 'vitest';
import { namesPerson } from '../../../src/agenda/items/credited.js';
import { sameTopic, sharesSubstance, statsOf, topicWords, withoutAcronymGloss } from '../../../src/agenda/wording/topic-match.js';

describe('the same topic in other words (issue 8, "The same topic twice")', () => {
  it('takes no substance from particles: "demo of USB redirection over the network" is not "usbfs device hand off"', () => {
    // One member's two proposals to the USB mini-summit (linux-usb 2011): they share only "usb", "off" and "over".
    const a = 'Improving kernel -> userspace (usbfs) usb device hand off';
    const b = 'Demo off the usb redirection over the network';
    expect(sharesSubstance(a, b, ['USB mini-summit'], statsOf([a, b, 'USB virtualization', 'USB bandwidth APIs']))).toBe(false);
  });

  it('joins a schedule line that repeats a topic with the presenter appended', () => {
    expect(sameTopic('Deep Argument Inspection and Seccomp (Christian Brauner)', 'Deep argument inspection and seccomp')).toBe(true);
  });

  it('joins the doer and the doing: "Stateless Encoders: VP8" is "Stateless encoding in V4L2: VP8"', () => {
    // Linux Media Summit 2023: a draft agenda restating a reply's proposal.
    expect(sameTopic('Stateless Encoders: VP8', 'Stateless encoding in V4L2: VP8')).toBe(true);
  });

  it('joins "Followup on X", a restatement with a status note, and a one-word topic held by a longer one', () => {
    expect(sameTopic('Followup on the BMC aggregator design', 'BMC aggregator design')).toBe(true);
    expect(sameTopic('Eclypsium to continue from last time talking about their research', 'Eclypsium firmware research')).toBe(true);
    expect(sameTopic('seccomp', 'Deep Argument Inspection and Seccomp')).toBe(true);
    // ... but not a word many titles of the series hold.
    const common = statsOf(['Rust', 'Rust in the kernel: toolchain requirements', 'Rust for drivers', 'Rust toolchain']);
    expect(sameTopic('Rust', 'Rust in the kernel: toolchain requirements', common)).toBe(false);
  });

  it('joins "State of X", "Challenges with X" and "Preparations for X": they say how far X is, not another topic', () => {
    const first = 'Preparations for huge/gigantic page support';
    const stats = statsOf([
      first,
      'Mmap support and shared vs. private conversion',
      'guest_memfd as a library',
      'Challenges with huge pages',
    ]);
    expect(sameTopic('Challenges with supporting huge pages', first, stats)).toBe(true);
    expect(sameTopic('State of huge page support', first, stats)).toBe(true);
  });

  it('sets aside "efforts", "work", "plans" and "next steps": they say what is being done about a topic, not which', () => {
    // ksummit 2022: the chair's schedule and the proposer's reply name one topic.
    const first = 'Regression tracking & fixing: current state, problems, and next steps';
    const stats = statsOf([first, 'Rust', 'Is Linus happy?', 'Maintainer burnout', 'The kernel release process']);
    expect(sameTopic('Regression tracking efforts', first, stats, true)).toBe(true);
    // openbmc security WG 2019: "Development work" in a later reminder.
    expect(sameTopic('Development work', 'Development work with security impact')).toBe(true);
  });

  it('folds "unified" and "unifying" to one word', () => {
    expect([...topicWords('Unifying the uAPI')]).toEqual([...topicWords('Unified uAPI')]);
  });

  it('reads "(UBL)" after "Unified Boot Log" as its letters, not a word of its own (the Boot-Time SIG 2025)', () => {
    const stats = statsOf(['Unified Boot Log (UBL)', 'Report on Unified Boot Log discussion', 'Boot caching', 'Boot time regression test']);
    expect(sameTopic('Unified Boot Log (UBL)', 'Report on Unified Boot Log discussion', stats)).toBe(true);
    expect(withoutAcronymGloss('Data Object Exchange (DOE) support')).toBe('Data Object Exchange support');
    // Letters that spell nothing before them say something: they stay.
    expect(withoutAcronymGloss('confidential computing (TDX)')).toBe('confidential computing (TDX)');
  });

  it('keeps apart topics that share only words common in the series', () => {
    const titles = ['BMCWeb commit to allow slower image uploads', 'BMCWeb commit that added new messages for security events'];
    const stats = statsOf([...titles, 'BMCWeb rate limiting', 'BMCWeb sessions', 'BMCWeb certificates']);
    expect(sameTopic(titles[0]!, titles[1]!, stats)).toBe(false);
    expect(sameTopic('BMC use cases', 'BMC definition')).toBe(false);
  });

  it('keeps dotted numbers whole: "Rule 18.1" and "Rule 18.2" are two rules, "4.13 release" and "4.14 release" two releases', () => {
    // xen-devel 2022-06, the MISRA C meeting's chair listing the rules to discuss.
    expect(sameTopic('Rule 18.1', 'Rule 18.2', statsOf(['Rule 18.1', 'Rule 18.2']), true)).toBe(false);
    expect(sameTopic('Xen 4.13 release', 'Xen 4.14 release')).toBe(false);
    expect(sameTopic('Rule 18.1', 'MISRA C Rule 18.1')).toBe(true);
  });

  it('reads British and American spellings as one word', () => {
    expect(sameTopic('Audio Virtualisation', 'Virtualization')).toBe(true);
    expect([...topicWords('Componentisation plans')]).toEqual([...topicWords('Componentization plans')]);
  });

  it('knows a presenter note names a person by full or first name', () => {
    expect(namesPerson('Curtis', 'Curtis Malainey <c@example.org>')).toBe(true);
    expect(namesPerson('curtis malainey', '"Curtis Malainey" <c@example.org>')).toBe(true);
    expect(namesPerson('Malainey', 'Curtis Malainey <c@example.org>')).toBe(false);
    expect(namesPerson('Liam', 'Curtis Malainey <c@example.org>')).toBe(false);
  });
});
