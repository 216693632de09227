import { describe, expect, it } from 'vitest';
import { openingList, paragraphTopics } from '../../../src/agenda/reading/reply-outline.js';
import { stripGreeting } from '../../../src/agenda/reading/text.js';

describe('topics a reply lays out as an outline', () => {
  it('drops the greeting under an attribution line whose "wrote:" was wrapped away (clang-built-linux 2019)', () => {
    const text = "On Mon, Nov 4, 2019 at 2:06 PM 'Bill Wendling' via Clang Built Linux\n\nHi Bill,\n\nI'd like to give a talk.";
    expect(stripGreeting(text)).toBe("I'd like to give a talk.");
  });

  it('reads a list from the first line, one topic an item', () => {
    expect(openingList('- Live migration of CVMs\n- Performance of CVMs\n')).toEqual(['Live migration of CVMs', 'Performance of CVMs']);
    expect(openingList('I would add:\n- Live migration\n')).toEqual([]);
    // "+ more folks, explicitly" (clang-built-linux 2019): people added to Cc.
    expect(openingList('+ more folks, explicitly\n\nHi Bill, I would like to talk.\n')).toEqual([]);
  });

  it('reads a paragraph per topic under "I can think of a couple more areas ...:", by its opening noun phrase', () => {
    // linux-media 2022-05, in answer to the Media Summit's request for topics.
    const text = [
      'If you want to throw in some more image sensor related issues, I can',
      'think of a couple more areas that could do with some consensus on how',
      'to implement:',
      '',
      'On-sensor temperature reporting. Thread started by Benjamin, but no',
      'resolution over using hwmon API or V4L2 control.',
      '',
      'Synchronising sensors for stereoscopic operation (trying to avoid the',
      'master / slave terminology). How should that be configured?',
      '',
      'Controlling sensor GPIO outputs for things such as flash triggers,',
      'vsync, frame start/end, etc.',
      '',
      'Lens drivers. Each driver will have a "useful" range.',
      '',
      'I think that is enough for one day.',
    ].join('\n');
    expect(paragraphTopics(text)).toEqual([
      'On-sensor temperature reporting',
      'Synchronising sensors for stereoscopic operation',
      'Controlling sensor GPIO outputs',
      'Lens drivers',
    ]);
  });

  it('needs the writer to offer the topics: "Here are some directions to take the feature:" outlines one', () => {
    // git 2019-01, a status report sent to the contributor summit's thread.
    const text = 'Here are some directions to take the feature in the near future:\n\nFile Format v2\n\nReachability Index\n';
    expect(paragraphTopics(text)).toEqual([]);
  });
});
