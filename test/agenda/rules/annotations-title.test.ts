import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/agenda/reading/annotations.js';
import { namedDateIn } from '../../../src/agenda/extract/meeting-match.js';
import { normaliseTitle, sameTitle, titleFromSubject, titleOverlap } from '../../../src/agenda/wording/title.js';

describe('annotations and titles', () => {
  it('pulls duration, presenter and links out of a line', () => {
    expect(annotate('Solo5 release (15 min) [Hannes Mehnert] <https://github.com/solo5/solo5/pull/1>')).toEqual({
      title: 'Solo5 release',
      durationMinutes: 15,
      presenter: 'Hannes Mehnert',
      links: ['https://github.com/solo5/solo5/pull/1'],
    });
    expect(annotate('Rust update (1h)').durationMinutes).toBe(60);
    expect(annotate('[PATCH] not a presenter').presenter).toBeUndefined();
    // The OpenEmbedded TSC's agenda (2011): who proposed it; OLPC's roadmap meeting (2008): the time first.
    expect(annotate('Setup oe-core repo [Proposed: Koen, Khem]')).toMatchObject({ title: 'Setup oe-core repo', presenter: 'Koen, Khem' });
    expect(annotate('15 minutes - Trac usage conventions for 9.1')).toMatchObject({
      title: 'Trac usage conventions for 9.1',
      durationMinutes: 15,
    });
    // BayPIGgies 2006: "30 minutes for X", a slot of the meeting.
    expect(annotate('30 minutes for answering random newbie questions')).toMatchObject({
      title: 'answering random newbie questions',
      durationMinutes: 30,
    });
    // The words that pointed at a link go with it; without a link they are the title's own.
    expect(annotate('Multiple rectangle cropping See thread: http://www.spinics.net/lists/msg67824.html').title).toBe(
      'Multiple rectangle cropping',
    );
    expect(annotate('Colorspaces (see also https://example.org/cs)').title).toBe('Colorspaces');
    expect(annotate('What to see in Edinburgh').title).toBe('What to see in Edinburgh');
  });

  it('normalises titles so near-duplicates merge', () => {
    expect(sameTitle('Re: [TECH TOPIC] Rust for Linux', 'rust for linux.')).toBe(true);
    expect(sameTitle('Discuss: Solo5 release', 'Solo5 release')).toBe(true);
    expect(normaliseTitle('Fwd: [agenda] Irmin 3 — roadmap!')).toBe('irmin 3 roadmap');
    expect(sameTitle('Irmin roadmap', 'Solo5 release')).toBe(false);
    expect(titleOverlap('Rust', 'Rust for Linux')).toBe(1);
    // Numbered things differ by their numbers (MISRA C rules, xen-devel 2022).
    expect(titleOverlap('Rule 18.1', 'MISRA C Rule 9.3')).toBe(0);
    expect(titleOverlap('Rule 18.1', 'MISRA C Rule 18.1')).toBe(1);
    expect(titleOverlap('Base TDX support for the 6.15 merge window', 'TDX readiness for 6.15')).toBeGreaterThan(0.5);
  });

  it('drops reply prefixes, tags and "(was: ...)" from subjects', () => {
    expect(titleFromSubject('Re: [Ksummit-discuss] [MAINTAINERS SUMMIT] Burnout (was: Re: [TECH TOPIC] Rust)')).toBe('Burnout');
  });

  it('finds the occurrence a text names', () => {
    expect(namedDateIn('I plan to discuss this at the 2019-06-26 Security working group meeting')).toBe('2019-06-26');
    expect(namedDateIn('KVM call for agenda for 2020-01-14')).toBe('2020-01-14');
    expect(namedDateIn('KVM/QEMU community call 12/11/2024 agenda items')).toBe('2024-11-12');
    expect(namedDateIn('KVM/QEMU Community Call 23rd Jan Agenda Items', Date.UTC(2024, 0, 18))).toBe('2024-01-23');
    expect(namedDateIn('no date here')).toBeNull();
  });
});
