import { describe, expect, it } from 'vitest';
import { topicTitle } from '../../../src/agenda/wording/topic-title.js';

const title = (raw: string) => topicTitle(raw)?.title;

describe('titles a chair would print (issue 8, "Titles from sentence fragments")', () => {
  it('drops a day and time of day before the topic, and keeps a release named by its version', () => {
    // Open MPI 2014: the chair's webex slots for the developer meeting's topics.
    expect(title('Tuesday at 2pm US Central for the git discussion')).toBe('Git discussion');
    expect(title('Thursday at 9am US Central for the FT discussion')).toBe('FT discussion');
    expect(title('Thu 9:00 UTC - Multi-gen LRU status')).toBe('Multi-gen LRU status');
    // A time inside the topic stays: "2pm" is not at the start.
    expect(title('Moving the call to 2pm UTC')).toBe('Moving the call to 2pm UTC');
    // I2P 2005: "2) 0.4.2.6" in the meeting's index is the release.
    expect(title('0.4.2.6')).toBe('0.4.2.6');
    expect(title('4')).toBeUndefined();
  });

  it('keeps "since" before a time inside the topic, and cuts at "since" that explains it', () => {
    // Open MPI devel 2013, the developer meeting's first topic.
    expect(title('progress since the UTK meeting on moving the BTLs down to OPAL')).toBe(
      'Progress since the UTK meeting on moving the BTLs down to OPAL',
    );
    expect(title('the new scheduler since it keeps breaking the CI')).toBe('The new scheduler');
  });

  it('titles nothing that only says "whatever" or "anything" comes up', () => {
    // The VM/FS meetup's organiser (linux-mm 2007).
    expect(topicTitle('whatever we find interesting on the day')).toBeNull();
    expect(topicTitle('anything that comes up')).toBeNull();
    expect(topicTitle('Everything as a file')?.title).toBe('Everything as a file');
  });

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
    // spi-general 2007, a member's numbered request to the board's meeting; twisted-python 2013.
    expect(title('Will the board consider appointing a new board liaison to the trademark committee')).toBe(
      'Appointing a new board liaison to the trademark committee',
    );
    expect(title("there have been some changes to trial that I've been thinking about")).toBe('Changes to trial');
    // The 2019 CF workshop's agenda: the slot before the topic.
    expect(title('Session 2: Governance and evolutions')).toBe('Governance and evolutions');
  });

  it('moves presenter, duration and links out of the title', () => {
    expect(topicTitle('Reworking of KVA allocator in Linux kernel (Uladzislau Rezki)')).toMatchObject({
      title: 'Reworking of KVA allocator in Linux kernel',
      presenter: 'Uladzislau Rezki',
    });
    // ILUGC 2002: a plain "by" before a name, and a speaker still to be found.
    expect(topicTitle('Talk on OpenSSL/Crypto by Venki (A.Venkatesh?)')).toMatchObject({ title: 'Talk on OpenSSL/Crypto' });
    expect(topicTitle('Introduction to *BSD by <identify yourself>')).toMatchObject({ title: 'Introduction to *BSD' });
    expect(topicTitle('Reduce memory use by THP')?.title).toBe('Reduce memory use by THP');
    expect(topicTitle('Enable tracing by default')?.title).toBe('Enable tracing by default');
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
    // libcamera 2024's agenda: a topic asked as a question keeps its own "we would ..." clause.
    expect(title('What and how we would like to achieve with software ISP (Milan Zamazal)')).toBe(
      'What and how we would like to achieve with software ISP',
    );
    expect(title('Rust support we would like to have')).toBe('Rust support');
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

  it('drops "Proposed agenda item:", the circumstance before the topic, and "would it be useful to have"', () => {
    // xen-devel 2019-06-25, a reply to the community call's call for agenda items.
    expect(
      title(
        'Proposed agenda item: in the absence of Jira tickets, would it be useful to have a list (e.g. generated by a script) ' +
          'with the lifecycle status of all outstanding patch series, e.g.',
      ),
    ).toBe('A list with the lifecycle status of all outstanding patch series');
  });

  it('drops a lead-in that announces one more topic ("Another topic came up in X today: Y")', () => {
    expect(title('Another topic came up in the rados suite review today: downgrades')).toBe('Downgrades');
    expect(title('One more item for the list: the release checklist')).toBe('The release checklist');
  });

  it('names a topic someone mentioned or suggested in quotes by the quoted words', () => {
    expect(title('I don\'t remember who mentioned "3 phase reset and KVM", maybe Daniel or Peter')).toBe('3 phase reset and KVM');
    expect(title("Someone suggested 'minimum toolchain versions' last time")).toBe('Minimum toolchain versions');
  });

  it('drops a condition or status the chair puts before the topic ("TENTATIVE - X", "IF THERE IS INTEL REPRESENTATION - X")', () => {
    expect(title('TENTATIVE - Review progress on IPV4 Network Settings front-end development')).toBe(
      'Review progress on IPV4 Network Settings front-end development',
    );
    expect(title('IF THERE IS INTEL REPRESENTATION - Updates on Intel-specific icon changes')).toBe(
      'Updates on Intel-specific icon changes',
    );
    expect(title('If time permits: Rust bindings')).toBe('Rust bindings');
  });

  it('drops the copula left from "the topic I\'d like to discuss is X", and a parenthesis closed after the cut', () => {
    expect(title('is the LPC KVM Microconference.')).toBe('The LPC KVM Microconference');
    expect(title('Is Linus happy?')).toBe('Is Linus happy?');
    expect(title('pKVM on x86 if the right people log on)')).toBe('pKVM on x86');
  });

  it('does not end a title cut short inside an unclosed parenthesis', () => {
    expect(title("RADOS progress module (better events in 'ceph -s' to show progress bars for things like cluster recovery)")).toBe(
      'RADOS progress module',
    );
  });

  it('drops a "1/" list number', () => {
    expect(title('1/ Stability of QOM path')).toBe('Stability of QOM path');
  });

  it('drops an aside before the topic and names a quoted topic by its quoted words', () => {
    // linux-media 2018 and 2022, replies to the Media Summit's calls.
    expect(title('(or start to discuss) how we should handle a missing subdevice')).toBe('How we should handle a missing subdevice');
    expect(title("the 'fault tolerance' topic again if I can")).toBe('Fault tolerance');
    // sambaXP 2020, a reply to the call: the next sentence run on after the quoted name.
    expect(title('"setting up a CTDB-cluster with GLusterFS" The tutorial-language will be english.')).toBe(
      'Setting up a CTDB-cluster with GLusterFS',
    );
    expect(title('"Zero copy" Networking for containers')).toContain('Networking for containers');
  });

  it('keeps a question a question, and has no title for boilerplate', () => {
    expect(title('Is Linus Happy?')).toBe('Is Linus Happy?');
    expect(title('Q & A')).toBeUndefined();
  });

  it('takes "(Liam?)" for an unsure presenter and "(DOE)" spelling the words before it for an acronym', () => {
    // Audio miniconference 2019; LPC 2022 VFIO/IOMMU/PCI MC call.
    expect(topicTitle('Soundwire status (Liam?)')).toMatchObject({ title: 'Soundwire status', presenter: 'Liam' });
    expect(topicTitle('Data Object Exchange (DOE)')).toMatchObject({ title: 'Data Object Exchange (DOE)' });
    expect(topicTitle('Data Object Exchange (DOE)')!.presenter).toBeUndefined();
    expect(topicTitle('Security Protocol and Data Model (SPDM)')!.title).toBe('Security Protocol and Data Model (SPDM)');
    expect(topicTitle('Show firmware update (IBM)')).toMatchObject({ title: 'Show firmware update', presenter: 'IBM' });
  });

  it('drops an aside a clause cut leaves open', () => {
    // The XMPP Council's first agenda (2009).
    const raw = 'We need to decide how often to meet (last year had weekly meetings, which worked very well for that council).';
    expect(topicTitle(raw)?.title).toBe('We need to decide how often to meet');
  });
});
