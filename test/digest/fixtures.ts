import type { DigestSettings } from '../../src/config/digest.js';
import { DEFAULT_DIGEST } from '../../src/config/digest.js';
import type { AgendaSnapshot, MeetingInfo } from '../../src/digest/types.js';
import type { Occurrence } from '../../src/meetings/types.js';

export const settings: DigestSettings = {
  ...DEFAULT_DIGEST,
  from: 'convene <convene@example.org>',
  to: ['devel@lists.example.org'],
  listId: 'devel.lists.example.org',
  unsubscribe: ['mailto:devel-leave@lists.example.org', 'https://lists.example.org/leave'],
  archiveUrl: 'https://lore.example.org/devel/{messageId}/',
  zones: ['America/Los_Angeles', 'Europe/London', 'Asia/Tokyo'],
  join: 'https://meet.example.org/call',
  // These tests show the undecided list, which the operator must opt into (issue 13 item 5).
  holdUnreviewed: false,
};

export const meeting: MeetingInfo = {
  id: 'mirage',
  name: 'MirageOS call',
  zone: 'Europe/London',
  chair: 'Amir Chaudhry <amir@example.org>',
  durationMs: 3_600_000,
  lists: [],
  standingItems: ['Quality and Test'],
  subjectTags: ['[agenda]'],
};

/** 2015-05-06 16:00 BST = 15:00Z */
export const occurrence: Occurrence = {
  meetingId: 'mirage',
  key: 'mirage/2015-05-06',
  start: Date.UTC(2015, 4, 6, 15),
  end: Date.UTC(2015, 4, 6, 16),
  zone: 'Europe/London',
  status: 'scheduled',
  sequence: 0,
};

export const previous: Occurrence = {
  ...occurrence,
  key: 'mirage/2015-04-22',
  start: Date.UTC(2015, 3, 22, 15),
  end: Date.UTC(2015, 3, 22, 16),
};

export const agenda: AgendaSnapshot = {
  standing: [{ id: 's1', title: 'Quality and Test', messageIds: [] }],
  items: [
    {
      id: '1',
      title: 'TLS support',
      proposer: 'Hannes Mehnert <hannes@example.org>',
      presenter: 'Hannes',
      durationMinutes: 15,
      messageIds: ['tls@example.org'],
    },
    { id: '2', title: 'IndexedDB / Irmin-in-the-browser', proposer: 'Thomas Leonard <tal@example.org>', messageIds: ['irmin@example.org'] },
    { id: '3', title: 'MirageOS Q&A hangout?', proposer: 'Amir <amir@example.org>', messageIds: [] },
  ],
  carriedOver: [],
  awaitingReview: [{ id: '9', title: 'Logging <b>API</b>', proposer: 'Mindy <m@example.org>', messageIds: ['log@example.org'] }],
};
