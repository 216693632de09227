import { describe, expect, it } from 'vitest';
import { digestFor } from '../../src/config/digest.js';
import { configFromValue } from '../../src/config/load.js';
import { formatDuration } from '../../src/time/duration.js';

const meeting = { id: 'wg', zone: 'Europe/London', dates: ['2026-06-10T16:00'] };
const load = (digest: unknown, m: Record<string, unknown> = {}) => configFromValue({ meetings: [{ ...meeting, ...m }], digest }, null);

describe('digest config', () => {
  it('accepts the documented example and fills defaults', () => {
    const c = load({
      from: 'convene <convene@example.org>',
      to: ['devel@lists.example.org'],
      listId: 'devel.lists.example.org',
      unsubscribe: ['mailto:devel-leave@lists.example.org', 'https://lists.example.org/leave'],
      archiveUrl: 'https://lore.example.org/devel/{messageId}/',
      zones: ['America/Los_Angeles', 'Europe/London', 'Asia/Tokyo'],
      join: 'https://meet.example.org/call',
    });
    const d = c.digest.global;
    expect(d.to).toEqual(['devel@lists.example.org']);
    expect(d.holdUnreviewed).toBe(true); // unreviewed proposals stay out of the public digest by default (issue 13 item 5)
    expect(formatDuration(d.timing.callForItems)).toBe('P7D');
    expect(formatDuration(d.timing.chairReminder)).toBe('P2D');
    expect(formatDuration(d.timing.digest)).toBe('P1D');
    expect(digestFor(c.digest, 'wg')).toBe(d);
  });

  it('one-click unsubscribe only when said so, and only with an https URL to POST to', () => {
    const urls = ['mailto:leave@lists.example.org', 'https://lists.example.org/leave'];
    expect(load({ unsubscribe: urls }).digest.global.unsubscribeOneClick).toBe(false);
    expect(load({ unsubscribe: urls, unsubscribeOneClick: true }).digest.global.unsubscribeOneClick).toBe(true);
    expect(() => load({ unsubscribe: ['mailto:leave@lists.example.org'], unsubscribeOneClick: true })).toThrow(
      'config: digest.unsubscribeOneClick: needs an https: URL in unsubscribe (RFC 8058 one-click is a POST to it)',
    );
  });

  it("reviewMailbox is synced with the list's mailboxes, and needs an IMAP account", () => {
    const imap = { host: 'imap.example.org', user: 'u', password: { env: 'P' }, mailboxes: ['INBOX'] };
    expect(configFromValue({ imap, reviewMailbox: 'convene' }, null).imap!.mailboxes).toEqual(['INBOX', 'convene']);
    expect(() => configFromValue({ reviewMailbox: 'convene' }, null)).toThrow('config: reviewMailbox: needs an imap section');
  });

  it('an absent section is fine (search-only installs)', () => {
    expect(configFromValue({}, null).digest.global.to).toEqual([]);
  });

  it('lets a meeting override any key, keeping the rest', () => {
    const c = load(
      { to: ['devel@example.org'], zones: ['Asia/Tokyo'] },
      { digest: { to: ['wg@example.org'], holdUnreviewed: false, timing: { digest: 'PT12H' }, templates: { text: 'my.txt' } } },
    );
    const d = digestFor(c.digest, 'wg');
    expect(d.to).toEqual(['wg@example.org']);
    expect(d.zones).toEqual(['Asia/Tokyo']);
    expect(d.holdUnreviewed).toBe(false);
    expect(formatDuration(d.timing.digest)).toBe('PT12H');
    expect(d.templates.text).toBe('my.txt');
    expect(c.digest.global.holdUnreviewed).toBe(true);
  });

  it.each([
    [{ unsubscribe: ['http://example.org/leave'] }, 'config: digest.unsubscribe[0]: must be a mailto: or https: URL'],
    [{ archiveUrl: 'https://lore.example.org/devel/' }, 'config: digest.archiveUrl: must contain {messageId}'],
    [{ zones: ['Mars/Olympus'] }, 'config: digest.zones[0]: "Mars/Olympus" is not an IANA time zone'],
    [{ zones: ['+02:00'] }, 'config: digest.zones[0]: "+02:00" is a UTC offset'],
    [{ to: ['nobody'] }, 'config: digest.to[0]: must be an email address'],
    [{ holdUnreviewed: 'yes' }, 'config: digest.holdUnreviewed: must be true or false'],
    [{ timing: { callForItems: '7 days' } }, 'config: digest.timing.callForItems: must be a non-zero ISO 8601 duration'],
    [{ templates: { mjml: 'x' } }, 'config: digest.templates.mjml: unknown key'],
    [{ colour: 'red' }, 'config: digest.colour: unknown key'],
  ])('names the key in errors: %j', (digest, message) => {
    expect(() => load(digest)).toThrow(message);
  });

  it('names the meeting in per-meeting errors', () => {
    expect(() => load({}, { digest: { join: 42 } })).toThrow('config: meetings[0].digest.join: must be a string');
  });
});
