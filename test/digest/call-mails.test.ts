import { describe, expect, it } from 'vitest';
import { buildCallForItems, buildCancelProposal, buildChairReminder } from '../../src/digest/build-mails.js';
import { composeEml } from '../../src/digest/compose.js';
import { callForItemsMessage, chairMessage } from '../../src/digest/messages.js';
import { agenda, meeting, occurrence, settings } from './fixtures.js';

const NOW = Date.UTC(2015, 3, 29, 15);
/** The clock and a fixed Message-ID secret, as mailings/ hands them to the builders. */
const STAMP = { now: NOW, secret: Buffer.alloc(32, 7) };
const input = {
  meeting,
  occurrence,
  agenda: { ...agenda, carriedOver: [{ id: 'c', title: 'Logging API', messageIds: [] }] },
  settings,
  digestDue: Date.UTC(2015, 4, 5, 15),
};

describe('call for items, chair reminder, cancel proposal', () => {
  it('the call for items gives the deadline, how to propose, standing and carried-over items', async () => {
    const m = callForItemsMessage(buildCallForItems(input), occurrence.key, settings, STAMP);
    expect(m.subject).toBe('Call for agenda items: MirageOS call, Wednesday 6 May 2015');
    expect(m.to).toEqual(['devel@lists.example.org']);
    expect(m.text).toContain('Please propose agenda items by Tuesday 5 May 2015, 16:00 Europe/London');
    expect(m.text).toContain('reply to this mail with one topic per line');
    expect(m.text).toContain('or start a new thread whose subject begins with "[agenda]".');
    expect(m.text).toMatch(/Standing items\n- Quality and Test\n/);
    expect(m.text).toMatch(/Carried over from the previous call\n- Logging API\n/);
    const raw = (await composeEml(m)).toString();
    // The extractor recognises convene's own call by this header (src/agenda/call-detect.ts).
    expect(raw).toMatch(/^X-Convene: call-for-items; meeting=mirage;/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  });

  it('the chair reminder goes to the chair only and lists what awaits review', () => {
    const m = chairMessage('chair-reminder', buildChairReminder(input), occurrence.key, settings, STAMP);
    expect(m.to).toEqual(['Amir Chaudhry <amir@example.org>']);
    expect(m.headers['List-Id']).toBeUndefined();
    expect(m.text.startsWith('Hello Amir Chaudhry,\n')).toBe(true);
    expect(m.text).toContain('1. Logging <b>API</b> (proposed by Mindy <m@example.org>)');
    expect(m.text).toContain('convene agenda review --meeting mirage');
  });

  it('the cancel proposal tells the chair how to cancel or go ahead', () => {
    const m = chairMessage('cancel-proposal', buildCancelProposal(input), occurrence.key, settings, STAMP);
    expect(m.subject).toBe('Nothing on the agenda: cancel MirageOS call, Wednesday 6 May 2015?');
    expect(m.text).toContain('convene meeting cancel mirage 2015-05-06');
  });
});
