import { describe, expect, it } from 'vitest';
import { headedTopics } from '../../../src/agenda/reading/headed-topics.js';
import { listBlocks } from '../../../src/agenda/reading/list-blocks.js';

const read = (text: string) => headedTopics(text, listBlocks(text));

describe('an agenda of headings with their points under them (issue 8, "Chairs\' lists not seen")', () => {
  it('takes each heading after words that introduce topics', () => {
    // OpenBMC GUI Design Work Group, 2020-12-09.
    const text =
      'Please join us if you are interested in the following items:\n\nInformation Architecture\n' +
      '- Discuss potential changes to accommodate scalability\n- Determine what changes could be shared\n\n' +
      'FW Update\n- Is it possible to have a backend notification\n\nMeeting info: https://example.org/wiki\n';
    expect(read(text)).toEqual(['Information Architecture', 'FW Update']);
  });

  it('takes no heading that no topics intro leads to, nor a sentence above a list', () => {
    expect(read('Thanks for the review.\n\nSome notes\n- one\n- two\n')).toEqual([]);
    expect(read('The agenda:\n\nWe will go over these points.\n- one\n- two\n')).toEqual([]);
    // xen-devel 2019-06-21: a sentence running into its list has no full stop, and is still no heading.
    expect(
      read('Please propose topics by replying to the mail.\n\nNote that currently I have\n* Nothing under: D)\n* A prep item\n'),
    ).toEqual([]);
    // netdev 2024, the Driver and H/W APIs Workshop's call: the line introduces the list, no heading.
    expect(
      read(
        'Speakers will need to submit topics ahead of time.\n\nSuggested topics based on recent netdev threads include\n' +
          '- devlink - extensions, shortcomings, ...\n- extension to memory pools\n',
      ),
    ).toEqual([]);
  });
});
