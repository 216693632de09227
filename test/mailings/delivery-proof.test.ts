import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveHasOurMail } from '../../src/mailings/outbox.js';
import { sealOf } from '../../src/mail/seal.js';
import { OutboxStore } from '../../src/send/outbox-store.js';
import { ownMail } from '../../src/store/secrets.js';
import { appendMbox, harness, OCC, T, type Harness } from '../daemon/harness.js';

/**
 * Issue 13 item 6 (repro 07): the archive is not trusted on the Message-ID alone. A message
 * posted under our id (it leaked, or was guessed) must not pass for our sent mail; the list's
 * real echo, with its subject tag, footer and added headers, must.
 */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('delivery proof', () => {
  it('a squatted Message-ID is not our mail; the echo of what we sent is, list changes and all', async () => {
    h = await harness({ echo: false });
    await h.at(T.callForItems + 30_000);
    const row = new OutboxStore(h.db).byKey('wg', OCC, 'call-for-items', 0)!;
    expect(sealOf(row.eml)).toMatch(/^v1 /);
    expect(ownMail(h.db)(row.messageId)).toEqual({ kind: 'call-for-items', meeting: 'wg', occurrence: OCC, revision: 0 });
    const mbox = join(h.dir, 'list.mbox');
    const squat = `From: Mallory <m@evil.example>\r\nSubject: hello\r\nDate: Wed, 03 Jun 2026 15:00:00 +0000\r\nMessage-ID: <${row.messageId}>\r\n\r\nx\r\n`;
    appendMbox(mbox, Buffer.from(squat));
    await h.at(T.callForItems + 60_000);
    expect(archiveHasOurMail(h.db, row)).toBe(false);

    const sent = h.capture.ofKind('call-for-items')[0]!.raw.toString('utf8');
    const echo = sent
      .replace(/^Subject: /m, 'List-Id: <devel.lists.example.org>\r\nReceived: from list\r\nSubject: [devel] ')
      .concat('\r\n-- \r\nThe devel list footer\r\n');
    appendMbox(mbox, Buffer.from(echo));
    await h.at(T.callForItems + 90_000);
    expect(archiveHasOurMail(h.db, row)).toBe(true);
  });
});
