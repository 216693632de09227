import { describe, expect, it } from 'vitest';
import { indentedLists, spacedLists } from '../../../src/agenda/reading/indented-list.js';

describe('lists written as indented lines without markers', () => {
  it('reads short indented lines under an intro, past a link line', () => {
    // LPC 2019, the Live Patching MC's call for proposals.
    const text =
      "Here's what we initially proposed:\n\n  https://www.linuxplumbersconf.org/event/4/page/34\n\n" +
      '     API for state changes made by callbacks [1][2]\n     source-based livepatch creation tooling [3][4]\n' +
      '     klp-convert [5][6]\n     livepatch developers guide\n\nIf one of those topics is yours, submit it.\n';
    expect(indentedLists(text)).toEqual([
      {
        intro: "Here's what we initially proposed:",
        items: [
          'API for state changes made by callbacks [1][2]',
          'source-based livepatch creation tooling [3][4]',
          'klp-convert [5][6]',
          'livepatch developers guide',
        ],
      },
    ]);
  });

  it('takes no quoted paragraph, no "FS: list@address" lines, no single line', () => {
    // netdev call 2025-07-29: a member's request quoted by the chair.
    const quote =
      'We have one agenda topic - Arkadiusz Kubalewski says:\n\n  Wanted to meet and discuss the need for clock id on microchip driver\n' +
      '  provided by Ivan, I hope we could have a meeting to brainstorm some\n  ideas and decide next steps on how to deal with such cases.\n';
    expect(indentedLists(quote)).toEqual([]);
    const where = 'Please send your proposals to these lists:\n\n  FS: linux-fsdevel@vger.kernel.org\n  MM: linux-mm@kvack.org\n';
    expect(indentedLists(where)).toEqual([]);
    expect(indentedLists('The topic:\n\n  Folios\n')).toEqual([]);
    // I2P's status notes, 2005-11-08: a link's query wrapped under it; its "?" asks nothing.
    const link =
      '[3] http://syndiemedia.i2p.net:8000/index.jsp?\n           blog=ovpBy2mpO1CQ7deYhQ1cDGAwI6pQzLbWOm1Sdd0W06c=&\n           entry=1131235200000&expand=true\n';
    expect(indentedLists(link)).toEqual([]);
  });

  it('reads three or more titles at the margin, but not a paragraph, two lines, or a forward schedule', () => {
    const read = (t: string) => indentedLists(t).map((l) => l.items);
    expect(read('Here are some ideas for topics:\n\nSystem call filtering\nNew seccomp features\nTime namespacing\n')).toEqual([
      ['System call filtering', 'New seccomp features', 'Time namespacing'],
    ]);
    expect(read('Ideas:\nSystem call filtering\nNew seccomp features\n')).toEqual([]);
    expect(read('Note:\nWe met on Monday and agreed,\nthen wrote it all down in the wiki,\nwhich everyone can read.\n')).toEqual([]);
    expect(read('Future Schedule:\nJune 7th  - pKVM on x86\nJune 14th - Available!\nJune 21st - No Meeting\n')).toEqual([]);
  });
});

describe('lists written one short paragraph per item', () => {
  it('reads the paragraphs under an intro up to the close, an item heading its own points by its first line', () => {
    // The Python Language Summit's final agenda, python-committers 2012.
    const text = [
      'Topics we have tabled for discussion include:',
      '',
      'Which namespace PEP (382 or 402, if either) is to be accepted for 3.3.',
      '',
      'How can the PSF help alternate implementations.',
      '',
      'Securing the various python runtimes against hash collision',
      'denial-of-service attacks. (Complete for CPython now?)',
      '',
      'Keyword arguments for functions / methods implemented in C:',
      '1) Should _all_ Python base types support keyword arguments on all of',
      'their methods.',
      '',
      'See you all there!',
    ].join('\n');
    expect(spacedLists(text)).toEqual([
      {
        intro: 'Topics we have tabled for discussion include:',
        items: [
          'Which namespace PEP (382 or 402, if either) is to be accepted for 3.3.',
          'How can the PSF help alternate implementations.',
          'Securing the various python runtimes against hash collision denial-of-service attacks. (Complete for CPython now?)',
          'Keyword arguments for functions / methods implemented in C',
        ],
      },
    ]);
    // Prose paragraphs under a colon are no list.
    const prose =
      'Some background:\n\nThe summit is invite only.\n\nWe meet at ten and we will continue to around five in the afternoon,\nwith a lunch break in the middle and an afternoon break at three.\nThe room will be set in classroom style.\n';
    expect(spacedLists(prose)).toEqual([]);
    // OpenBMC 2020: numbered paragraphs ("1.Certificate dates") are a marked list, and a closing intro ends any list.
    const marked =
      'The current topics:\n\n1.Certificate dates beyond 2038\n\n2.Emergency shell password\n\n3.Call for scans\n\nAccess, agenda, and notes are in the wiki:\n\nhttps://example.org/wiki\n';
    expect(spacedLists(marked)).toEqual([]);
    // Xen Summit 2024: a schedule's example days, each with its time zone in parentheses.
    const days =
      'Schedule Example:\n\nTuesday 4th & Wednesday 5th June 2024\n\n(Lisbon timezone)\n\nWednesday 5th & Thursday 6th\n\n(Lisbon timezone)\n';
    expect(spacedLists(days)).toEqual([]);
  });
});
