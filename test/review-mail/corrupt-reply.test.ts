/**
 * Review by reply meets verified raw reads (issue 13 item 8): a chair's command mail whose stored
 * bytes fail their content hash cannot be read, and must not stop the pass for good (the scan
 * cursor would never move past it, so every later reply of the chair would go unread).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listItems } from '../../src/agenda/items/reader.js';
import { syncOnce } from '../../src/ingest/sync-once.js';
import { appendMbox, harness, T, type Harness } from '../daemon/harness.js';
import { generateReply } from '../helpers/message-generator.js';
import type { Captured } from '../helpers/smtp-capture.js';

let h: Harness;
afterEach(async () => h?.close());

const midOf = (m: Captured) => /^Message-ID:\s*<([^>]+)>/im.exec(m.raw.toString().replace(/\r?\n[ \t]+/g, ' '))![1]!;

function answer(to: Captured, id: string, body: string): void {
  const from = 'Chair Person <chair@example.org>';
  const mail = generateReply(id, [midOf(to)], { from, to: 'convene <convene@example.org>', subject: 'Re: your mail', body });
  appendMbox(join(h.dir, 'list.mbox'), mail);
}

describe('review by reply: a corrupt command mail', () => {
  it('is recorded as ignored and logged; the chair’s next reply is still read and applied', async () => {
    h = await harness({ proposed: ['Rust'] });
    await h.at(T.callForItems);
    const [copy] = h.capture.ofKind('chair-copy') as [Captured];
    answer(copy, 'cmd-bad@example.org', 'accept 1');
    answer(copy, 'cmd-good@example.org', 'add Security review');
    await syncOnce(h.db, h.config, h.log, {}, () => T.callForItems + 60_000);
    const id = h.db.prepare('SELECT id FROM messages WHERE header_mid = ?').pluck().get('cmd-bad@example.org');
    h.db.prepare('UPDATE raw SET codec = ?, bytes = ? WHERE id = ?').run('deflate', Buffer.from('not deflate at all'), id);

    await h.at(T.callForItems + 3_600_000);
    const accepted = listItems(h.db, { meetingId: 'wg' }).filter((i) => i.state === 'accepted');
    expect(accepted.map((i) => i.title)).toContain('Security review');
    expect(accepted.map((i) => i.title)).not.toContain('Rust');
    expect(h.log.entries.filter((e) => e.msg === 'review by reply failed')).toEqual([]);
    const ignored = h.log.entries.find(
      (e) => e.msg === 'review by reply: mail ignored, not answered' && e.messageId === 'cmd-bad@example.org',
    );
    expect(String(ignored?.reason)).toMatch(/corrupt/);
    expect(h.capture.ofKind('review-confirmation')).toHaveLength(1);
  });
});
