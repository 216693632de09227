import { describe, expect, it } from 'vitest';
import { seriesPart, subjectTagRule } from '../../../src/agenda/rules/subject-tag.js';
import { makeEnv } from '../../../src/agenda/extract/extract.js';
import { context, envOf, message, titles } from '../extract-helpers.js';

describe('rule 1: subject tag', () => {
  it('makes one item of a tagged thread starter, titled by its subject without tags', () => {
    const c = subjectTagRule(envOf(message({ subject: '[mirage-devel] [agenda] Irmin 3 roadmap', bodyText: 'Twenty minutes please.' })));
    expect(titles(c)).toEqual(['Irmin 3 roadmap']);
    expect(c[0]!.rule).toBe('subject-tag');
    expect(c[0]!.meetingId).toBe('mirage');
  });

  it('keeps the words after a dash in the subject: they are part of the title its writer chose', () => {
    // "[placement][nova][ptg] Resource provider - request group mapping" (openstack-discuss 2019).
    const subject = '[agenda] Resource provider - request group mapping';
    expect(titles(subjectTagRule(envOf(message({ subject, bodyText: 'This is about this spec.' }))))).toEqual([
      'Resource provider - request group mapping',
    ]);
  });

  it('accepts the tag in other spellings: case, plural, combined tags', () => {
    for (const subject of ['[Maintainer Summit] Burnout', '[maintainers summit] Burnout', '[MAINTAINERS/KERNEL SUMMIT] Burnout']) {
      expect(titles(subjectTagRule(envOf(message({ subject, bodyText: 'x' }))))).toEqual(['Burnout']);
    }
  });

  it("leaves the meeting's own call alone when it carries the tag (its list is the call's)", () => {
    // "[CFP LPC 2020] Scheduler Microconference" from its chairs, with "[CFP LPC 2020]" as the proposals' tag.
    const mc = {
      id: 'sched',
      name: 'Scheduler Microconference',
      aliases: ['Scheduler Microconference'],
      subjectTags: ['[CFP LPC 2020]'],
      calls: '/CFP.*Scheduler Microconference/i',
      lists: [],
      chairs: ['chair@example.org'],
    };
    const ctx = { ...context(), meetings: [mc] };
    const body = 'Topics we are interested in:\n- Load balancer rework\n- Core scheduling\n';
    const call = message({ subject: '[CFP LPC 2020] Scheduler Microconference', bodyText: body, fromAddr: 'chair@example.org' });
    expect(subjectTagRule(makeEnv(call, ctx))).toEqual([]);
    const proposal = message({ subject: '[CFP LPC 2020] Proxy execution', bodyText: 'Slides soon.', fromAddr: 'member@example.org' });
    expect(titles(subjectTagRule(makeEnv(proposal, ctx)))).toEqual(['Proxy execution']);
  });

  it("leaves another meeting's call carrying the tag alone, and any tagged call for proposals", () => {
    // LPC 2025: the Observability MC's operator tagged proposals "[ANNOUNCEMENT]"; the Devicetree
    // MC's chair sent its call as "[ANNOUNCEMENT / CFP] LPC 2025 Devicetree Microconference CFP".
    const mc = (id: string, name: string, tags: string[], chair: string) => ({
      id,
      name,
      aliases: [name],
      subjectTags: tags,
      calls: `/${name}/i`,
      lists: [],
      chairs: [chair],
    });
    const observability = mc('obs', 'Observability Microconference', ['[ANNOUNCEMENT]'], 'breno@example.org');
    const dt = mc('dt', 'Devicetree Microconference', [], 'krzk@example.org');
    const subject = '[ANNOUNCEMENT / CFP] LPC 2025 Devicetree Microconference CFP';
    const body = 'Topics suggested for discussion include, but are not limited to:\n1. DTS validation\n2. Overlays\n';
    const call = message({ subject, bodyText: body, fromAddr: 'krzk@example.org' });
    expect(subjectTagRule(makeEnv(call, { ...context(), meetings: [observability, dt] }))).toEqual([]);
    // Configured alone, the Devicetree MC's call is still no topic of the Observability MC.
    expect(subjectTagRule(makeEnv(call, { ...context(), meetings: [observability] }))).toEqual([]);
    const topic = message({ subject: '[ANNOUNCEMENT] Kernel health monitoring', bodyText: 'x', fromAddr: 'member@example.org' });
    expect(titles(subjectTagRule(makeEnv(topic, { ...context(), meetings: [observability, dt] })))).toEqual(['Kernel health monitoring']);
  });

  it('ignores replies and forwards of a tagged subject', () => {
    const parent = { parentSubject: '[agenda] Irmin 3 roadmap' };
    expect(
      subjectTagRule(envOf(message({ subject: 'Re: [agenda] Irmin 3 roadmap', bodyText: 'I agree', parentMid: 'p@x' }), parent)),
    ).toEqual([]);
    expect(
      subjectTagRule(envOf(message({ subject: 'Fwd: [agenda] Irmin 3 roadmap', bodyText: 'resend', parentMid: 'p@x' }), parent)),
    ).toEqual([]);
  });

  it('takes a reply to a tagged proposal the archive lacks (sent to another list) for the proposal', () => {
    const reply = (subject: string) =>
      message({ subject, bodyText: 'The slides are now at https://example.org/s.pdf', parentMid: 'lost@x' });
    const c = subjectTagRule(envOf(reply('Re: [agenda] Irmin 3 roadmap'), { parentLost: true }));
    expect(titles(c)).toEqual(['Irmin 3 roadmap']);
    // A forward is a resend, whatever it answers; a reply to a stored proposal is discussion.
    expect(subjectTagRule(envOf(reply('Fwd: [agenda] Irmin 3 roadmap'), { parentLost: true }))).toEqual([]);
    expect(subjectTagRule(envOf(reply('Re: [agenda] Irmin 3 roadmap'), { parentSubject: '[agenda] Irmin 3 roadmap' }))).toEqual([]);
  });

  it('takes the topics an ATTEND request lists, not its subject, when it lists some', () => {
    // bpf 2020-02-07, "[LSF/MM/BPF ATTEND] BPF track".
    const body =
      'I would like to attend. I recently contributed the following features:\n* socket storage cloning\n* selftests\n\n' +
      "Topics I'd like to discuss:\n* Global mode for cgroup storage\n* Unit-testing and uBPF; uBPF integration with libbpf\n";
    const c = subjectTagRule(envOf(message({ subject: '[agenda ATTEND] BPF track', bodyText: body })));
    expect(titles(c)).toEqual(['Global mode for cgroup storage', 'Unit-testing and uBPF']);
    // "I could contribute to the following discussions:" lists others' proposals: the subject is the topic.
    const others = 'I would like to attend. I believe I could contribute to the following discussions:\n* Block interface\n* pmem\n';
    expect(titles(subjectTagRule(envOf(message({ subject: '[agenda ATTEND] ext4, DAX pmem/fsync', bodyText: others }))))).toEqual([
      'ext4, DAX pmem/fsync',
    ]);
    // Tagged as a topic too, it proposes one topic, which the list outlines.
    const both = subjectTagRule(envOf(message({ subject: '[agenda ATTEND][agenda TOPIC] blktests', bodyText: body })));
    expect(titles(both)).toEqual(['Blktests']);
    // Without such a list the subject names the topic, as for any tagged mail.
    expect(
      titles(subjectTagRule(envOf(message({ subject: '[agenda ATTEND] Large memory issues', bodyText: 'I would like to attend.' })))),
    ).toEqual(['Large memory issues']);
  });

  it('counts a tagged reply with a new subject as a new topic, without the old subject', () => {
    const c = subjectTagRule(
      envOf(message({ subject: '[agenda] Are we too fearful? [was Re: [agenda] Rust]', bodyText: 'x', parentMid: 'p@x' }), {
        parentSubject: '[agenda] Rust',
      }),
    );
    expect(titles(c)).toEqual(['Are we too fearful?']);
  });

  it('titles a tagged request that names only the meeting by the areas its list names', () => {
    // linux-mm 2012: "[ATTEND] LSF/MM conference" with "- mmap_sem locking: ..." and two more areas.
    const body =
      'I would like to attend. There are several areas I am interested in:\n\n- mmap_sem locking: I have done some work\n' +
      'on this.\n\n- idle page sampling: I have a proposal here.\n\n- memcg page charging: while we are working.\n';
    const c = subjectTagRule(envOf(message({ subject: '[agenda] MirageOS call', bodyText: body })));
    expect(titles(c)).toEqual(['mmap_sem locking, idle page sampling and memcg page charging']);
    expect(titles(subjectTagRule(envOf(message({ subject: '[agenda] Irmin 3 roadmap', bodyText: body }))))).toEqual(['Irmin 3 roadmap']);
  });

  it('titles a tagged mail whose subject says only a wish by the topic its prose names', () => {
    // linux-mm 2014: "[LSF/MM ATTEND] Other tracks I'm interested in".
    const body = "I should add that I'm also interested in topics relating to the performance of mm and page cache.\n";
    const c = subjectTagRule(envOf(message({ subject: "[agenda] Other tracks I'm interested in", bodyText: body })));
    expect(titles(c)).toEqual(['The performance of mm and page cache']);
  });

  it('makes one item per part of a tagged series and none of its cover letter', () => {
    expect(subjectTagRule(envOf(message({ subject: '[agenda] [0/3] Three CI proposals', bodyText: 'cover' })))).toEqual([]);
    const part = subjectTagRule(
      envOf(message({ subject: '[agenda] [2/3] Move CI to GitHub Actions', bodyText: 'x', parentMid: 'cover@x' }), {
        parentSubject: '[agenda] [0/3] Three CI proposals',
      }),
    );
    expect(titles(part)).toEqual(['Move CI to GitHub Actions']);
    expect(seriesPart('[PATCH v2 3/4] foo')).toEqual({ part: 3, total: 4 });
  });

  it('needs the literal tag "agenda+" at the start of the subject, not anywhere', () => {
    expect(titles(subjectTagRule(envOf(message({ subject: 'agenda+ Solo5 release', bodyText: 'x' }))))).toEqual(['Solo5 release']);
    expect(subjectTagRule(envOf(message({ subject: '[PATCH] docs: agenda+ format', bodyText: 'x' })))).toEqual([]);
  });

  it('ignores untagged subjects and lists no meeting listens to', () => {
    expect(subjectTagRule(envOf(message({ subject: 'Irmin 3 roadmap', bodyText: 'x' })))).toEqual([]);
    expect(subjectTagRule(envOf(message({ subject: '[agenda] Irmin', bodyText: 'x', listId: 'other.example.org' })))).toEqual([]);
  });
});
