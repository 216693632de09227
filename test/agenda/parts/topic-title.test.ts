import { describe, expect, it } from 'vitest';
import { topicTitle } from '../../../src/agenda/topic-title.js';

const title = (raw: string) => topicTitle(raw)?.title;

describe('titles a chair would print (issue 8, "Titles from sentence fragments")', () => {
  it('drops the request around the topic', () => {
    expect(title("I'd like to discuss the preferred mechanism for drivers to dump firmware state")).toBe(
      'The preferred mechanism for drivers to dump firmware state',
    );
    expect(title('Discuss recipe for the new Vue application')).toBe('Recipe for the new Vue application');
    expect(title('Continue discussion: Password based auth for IPMI over DTLS')).toBe('Password based auth for IPMI over DTLS');
    expect(title('(gerrit review) IPMI over DTLS - questions about basic direction')).toBe('IPMI over DTLS');
    expect(title('Do we need to discuss the concept and need for NoAccess users?')).toBe('The concept and need for NoAccess users?');
    expect(title('a bit the design problems we have around some PCI-to-ISA bridges like the PIIX')).toBe('The design problems');
    expect(title('I think it would be very helpful for the community to know any specific plans for 4.14')).toBe(
      'Any specific plans for 4.14',
    );
  });

  it('moves presenter, duration and links out of the title', () => {
    expect(topicTitle('Reworking of KVA allocator in Linux kernel (Uladzislau Rezki)')).toMatchObject({
      title: 'Reworking of KVA allocator in Linux kernel',
      presenter: 'Uladzislau Rezki',
    });
    expect(topicTitle("Unifying KVM's uAPI for protected VMs, courtesy of Isaku")).toMatchObject({
      title: "Unifying KVM's uAPI for protected VMs",
      presenter: 'Isaku',
    });
    expect(topicTitle('Solo5 release (15 min) https://example.org/pr/1')).toMatchObject({
      title: 'Solo5 release',
      durationMinutes: 15,
      links: ['https://example.org/pr/1'],
    });
  });

  it('drops status notes, filing labels and who raised it', () => {
    expect(title('Review Style Guide Mock up (if ready)')).toBe('Review Style Guide Mock up');
    expect(title('Gerrit review: Overview of BMC interfaces which either (1) someone might want to enable')).toBe(
      'Overview of BMC interfaces',
    );
    expect(title('(Bruce via email):  BMCWeb Cert valid for 10 years - https://example.org/x')).toBe('BMCWeb Cert valid for 10 years');
    expect(title('Per Alexander: Revisit Daemons should not run as root.')).toBe('Daemons should not run as root');
    expect(title('2. MCTP Design - offline review, and')).toBe('MCTP Design');
  });

  it('cuts at a sentence end only before a capital, never at "vs." or "e.g."; drops examples and footnote numbers', () => {
    expect(title('Challenges with shared vs. private conversion (e.g., folio_put() callback)')).toBe(
      'Challenges with shared vs. private conversion',
    );
    expect(title('Scheduler hints e.g. for latency. We can do it later')).toBe('Scheduler hints e.g. for latency');
    expect(title('Preparations [3] for huge/gigantic page support [4]')).toBe('Preparations for huge/gigantic page support');
    expect(title('Bounds of array[0] access')).toBe('Bounds of array[0] access');
  });

  it("drops the chair's sentence around a listed topic, and a long remark in parentheses after it", () => {
    expect(title('It seems as if there are some discussions to be had around the guest_memfd conversion ioctl.')).toBe(
      'The guest_memfd conversion ioctl',
    );
    expect(title('Likely it makes sense to talk about the series "Faster page tables"')).toBe('Faster page tables');
    expect(title('I suspect that we will talk about the future of preparedness tracking')).toBe('The future of preparedness tracking');
    expect(title("We'll continue our discussion on restricted mmap")).toBe('Restricted mmap');
    expect(title('direct-map-removal support (folio_free callback making our life harder than it should :) )')).toBe(
      'direct-map-removal support',
    );
    expect(title('In-place conversion (stage 2)')).toBe('In-place conversion (stage 2)');
    // A subtitle is the proposer's, not an aside.
    expect(title('Hidden commits from next (aka why maintainers hoard them in backpack)')).toBe(
      'Hidden commits from next (aka why maintainers hoard them in backpack)',
    );
  });

  it('keeps a question a question, and has no title for boilerplate', () => {
    expect(title('Is Linus Happy?')).toBe('Is Linus Happy?');
    expect(title('Q & A')).toBeUndefined();
  });
});
