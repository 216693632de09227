import { describe, expect, it } from 'vitest';
import {
  decodeName,
  encodeName,
  makeOwnMessageId,
  occurrenceStem,
  parseOwnMessageId,
  type OwnMailKey,
} from '../../src/mail/own-message-id.js';

const SECRET = Buffer.alloc(32, 1);
const OTHER = Buffer.alloc(32, 2);
const key = (over: Partial<OwnMailKey> = {}): OwnMailKey => ({
  kind: 'call-for-items',
  meeting: 'wg',
  occurrence: 'wg/2026-06-10',
  revision: 0,
  ...over,
});

describe("convene's own Message-IDs", () => {
  it('carry the key and an HMAC, and parse back to the key', () => {
    const id = makeOwnMessageId(key(), 'Example.ORG', SECRET);
    expect(id).toMatch(/^convene\.call-for-items\.r0\.wg\.2026-06-10\.[a-z2-7]{26}@example\.org$/);
    expect(parseOwnMessageId(id, SECRET)).toEqual(key());
    expect(parseOwnMessageId(`<${id}>`, SECRET)).toEqual(key());
    const odd = key({ kind: 'digest', meeting: 'Team.A', occurrence: 'Team.A/2026-06-10T1600', revision: 12 });
    expect(parseOwnMessageId(makeOwnMessageId(odd, 'example.org', SECRET), SECRET)).toEqual(odd);
    const foreign = key({ occurrence: 'elsewhere/2026-06-10' }); // not under the meeting's prefix
    expect(parseOwnMessageId(makeOwnMessageId(foreign, 'example.org', SECRET), SECRET)).toEqual(foreign);
  });

  it('cannot be predicted without the secret: the old unkeyed id and look-alikes are not ours', () => {
    const id = makeOwnMessageId(key(), 'example.org', SECRET);
    expect(makeOwnMessageId(key(), 'example.org', OTHER)).not.toBe(id);
    expect(parseOwnMessageId(id, OTHER)).toBeNull();
    expect(parseOwnMessageId('convene.call-for-items.r0.wg.wg-2026-06-10@example.org', SECRET)).toBeNull();
    const mac = /\.([a-z2-7]{26})@/.exec(id)![1]!;
    const flipped = mac.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(parseOwnMessageId(id.replace(mac, flipped), SECRET)).toBeNull();
    // The MAC of one key does not vouch for another: revision, kind and meeting are all covered.
    expect(parseOwnMessageId(id.replace('.r0.', '.r1.'), SECRET)).toBeNull();
    expect(parseOwnMessageId(id.replace('call-for-items', 'digest'), SECRET)).toBeNull();
    expect(parseOwnMessageId(id.replace('@example.org', '@evil.example'), SECRET)).toBeNull();
    expect(parseOwnMessageId('someone@example.org', SECRET)).toBeNull();
  });

  it('the domain is compared case-insensitively (RFC 5321 section 2.4), the local part exactly', () => {
    const id = makeOwnMessageId(key(), 'example.org', SECRET);
    expect(parseOwnMessageId(id.replace('@example.org', '@EXAMPLE.org'), SECRET)).toEqual(key());
    expect(parseOwnMessageId(id.replace('convene.', 'CONVENE.'), SECRET)).toBeNull();
  });

  it('encodes meeting ids injectively (issue 13 item 11): team_a, team-a, Team-a and team.a differ', () => {
    const ids = ['team_a', 'team-a', 'Team-a', 'team.a', 'team=2ea'].map((m) =>
      makeOwnMessageId(key({ meeting: m, occurrence: `${m}/2026-06-03` }), 'example.org', SECRET),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length); // case-insensitive file systems too
    const stems = ['team_a', 'team-a', 'Team-a', 'team.a'].map((m) => occurrenceStem(m, `${m}/2026-06-03`));
    expect(stems).toEqual(['team_a.2026-06-03', 'team-a.2026-06-03', '=54eam-a.2026-06-03', 'team=2ea.2026-06-03']);
  });

  it('decodes only the one form it makes', () => {
    for (const name of ['wg', 'Team.A', 'ünïcode/x', 'a=b', '']) expect(decodeName(encodeName(name))).toBe(name);
    expect(decodeName('=61')).toBeNull(); // "a" is written as itself
    expect(decodeName('=2E')).toBeNull(); // hex is lower case
    expect(decodeName('=2')).toBeNull();
    expect(decodeName('=ff')).toBeNull(); // not UTF-8
  });

  it('refuses an id longer than archives keep, naming the meeting', () => {
    expect(() => makeOwnMessageId(key({ meeting: 'x'.repeat(64), occurrence: 'x'.repeat(64) }), 'd'.repeat(120), SECRET)).toThrow(
      /Message-ID of meeting "x{64}" would be \d+ characters, over the 244/,
    );
  });
});
