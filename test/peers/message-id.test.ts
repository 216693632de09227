/**
 * Message-ID parsing, as notmuch and public-inbox test it (issue 14 items 1, 2 and 4):
 * - notmuch test/T710-message-id.sh: _notmuch_message_id_parse_strict's GOOD/BAD cases, here
 *   strictSingleId, the reading of In-Reply-To that may name a parent;
 * - public-inbox t/mid.t: mids() and references() (comment ignored, bare mid OK, duplicates);
 * - public-inbox t/psgi_bad_mids.t: the seven hostile Message-IDs are each stored apart and found
 *   again by the spelling of their own header.
 */
import { describe, expect, it } from 'vitest';
import { parseMessageIds, parseReferences, strictSingleId } from '../../src/mail/message-id.js';
import { findMessage } from '../../src/store/message-reader.js';
import { archive, eml, parentOf, treeOf } from './helpers.js';

describe('notmuch T710: strict In-Reply-To parsing', () => {
  const strict = (line: string): string => {
    const id = strictSingleId([line]);
    return id ? `GOOD: ${id}` : `BAD: ${line}`;
  };

  it('good message ids', () => {
    expect(
      [
        '<018b1a8f2d1df62e804ce88b65401304832dfbbf.1346614915.git.jani@nikula.org>',
        '<1530507300.raoomurnbf.astroid@strange.none>',
        '<1258787708-21121-2-git-send-email-keithp@keithp.com>',
      ].map(strict),
    ).toEqual([
      'GOOD: 018b1a8f2d1df62e804ce88b65401304832dfbbf.1346614915.git.jani@nikula.org',
      'GOOD: 1530507300.raoomurnbf.astroid@strange.none',
      'GOOD: 1258787708-21121-2-git-send-email-keithp@keithp.com',
    ]);
  });

  it('leading and trailing space is OK', () => {
    expect(strict('   <1530507300.raoomurnbf.astroid@strange.none>    ')).toBe('GOOD: 1530507300.raoomurnbf.astroid@strange.none');
  });

  it('<> delimiters are required', () => {
    for (const bad of [
      '018b1a8f2d1df62e804ce88b65401304832dfbbf.1346614915.git.jani@nikula.org>',
      '<1530507300.raoomurnbf.astroid@strange.none',
      '1258787708-21121-2-git-send-email-keithp@keithp.com',
    ])
      expect(strict(bad)).toBe(`BAD: ${bad}`);
  });

  it('embedded whitespace is forbidden', () => {
    for (const bad of [
      '<018b1a8f2d1df62e804ce88b65401304832dfbbf.1346614915 .git.jani@nikula.org>',
      '<1530507300.raoomurnbf.astroid\t@strange.none>',
    ])
      expect(strict(bad)).toBe(`BAD: ${bad}`);
  });

  it('folded real life bad In-Reply-To values', () => {
    for (const bad of [
      '<22597.31869.380767.339702@chiark.greenend.org.uk> (Ian Jackson\'s message of "Mon, 5 Dec 2016 14:41:01 +0000")',
      '<20170625141242.loaalhis2eodo66n@gaara.hadrons.org>  <149719990964.27883.13021127452105787770.reportbug@seneca.home.org>',
      'Your message of Tue, 09 Dec 2014 13:21:11 +0100. <1900758.CgLNVPbY9N@liber>',
    ])
      expect(strict(bad)).toBe(`BAD: ${bad}`);
  });
});

describe('notmuch T710 values as In-Reply-To of a real reply: the stored parent is never junk', () => {
  // Each bad value is the In-Reply-To of a reply whose References name the true parent: the parent
  // is the last References id (notmuch add-message.cc), not whatever the lenient parse found.
  const bad = [
    '018b1a8f2d1df62e804ce88b65401304832dfbbf.1346614915.git.jani@nikula.org>',
    '<1530507300.raoomurnbf.astroid@strange.none',
    '1258787708-21121-2-git-send-email-keithp@keithp.com',
    '<018b1a8f2d1df62e804ce88b65401304832dfbbf.1346614915 .git.jani@nikula.org>',
    '<1530507300.raoomurnbf.astroid\t@strange.none>',
    '<22597.31869.380767.339702@chiark.greenend.org.uk> (Ian Jackson\'s message of "Mon, 5 Dec 2016 14:41:01 +0000")',
    '<20170625141242.loaalhis2eodo66n@gaara.hadrons.org>  <149719990964.27883.13021127452105787770.reportbug@seneca.home.org>',
    'Your message of Tue, 09 Dec 2014 13:21:11 +0100. <1900758.CgLNVPbY9N@liber>',
  ];
  it.each(bad.map((v, i) => [i, v] as const))('value %i', async (i, value) => {
    const db = await archive([
      eml({ 'Message-ID': `<root-${i}@example.org>` }),
      eml({ 'Message-ID': `<reply-${i}@example.org>`, 'In-Reply-To': value, References: `<root-${i}@example.org>` }),
    ]);
    expect(parentOf(db, `reply-${i}@example.org`)).toBe(`root-${i}@example.org`);
    expect(treeOf(db, `root-${i}@example.org`)).toBe(`root-${i}(reply-${i})`);
  });

  it('several ids in In-Reply-To and no References: the last one is the parent (ext4 20200109163802.GA33929@mit.edu)', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<first@example.org>' }),
      eml({ 'Message-ID': '<second@example.org>', 'In-Reply-To': '<first@example.org>' }),
      eml({ 'Message-ID': '<third@example.org>', 'In-Reply-To': '<first@example.org> <second@example.org>' }),
    ]);
    expect(parentOf(db, 'third@example.org')).toBe('second@example.org');
    expect(treeOf(db, 'first@example.org')).toBe('first(second(third))');
  });
});

describe('public-inbox t/mid.t: mids() and references()', () => {
  it('mids in the common case, two, duplicates, a trailing comment, a bare mid', () => {
    expect(parseMessageIds(['<mid-1@a>'])).toEqual(['mid-1@a']);
    expect(parseMessageIds(['<mid-1@a>', '<mid-2@b>'])).toEqual(['mid-1@a', 'mid-2@b']);
    expect(parseMessageIds(['<mid-1@a>', '<mid-1@a>'])).toEqual(['mid-1@a']);
    expect(parseMessageIds(['<mid-1@a> comment'])).toEqual(['mid-1@a']);
    expect(parseMessageIds(['bare-mid'])).toEqual(['bare-mid']);
    // Folding and terminal controls are not part of an id (issue 13: control characters stayed in ids).
    expect(parseMessageIds(['<mid-3\r\n @a\x1b]52;c;x\x07>'])).toEqual(['mid-3@a]52;c;x']);
  });

  it('references combine References and In-Reply-To, in that order', () => {
    // public-inbox keeps <hello> and <world>; ids that lack "@" are only kept when they could be
    // unique (message-id.ts plausibleReference), so the test's words become id-like tokens here.
    expect([...parseReferences(['<hello-1@x> <world-2@x>']), ...parseReferences(['<weld-3@x>'])]).toEqual([
      'hello-1@x',
      'world-2@x',
      'weld-3@x',
    ]);
  });

  it("a bare Message-ID is the message's id, and a reply to it threads", async () => {
    const db = await archive([
      eml({ 'Message-ID': 'bare-mid' }),
      eml({ 'Message-ID': '<reply@example.org>', 'In-Reply-To': '<bare-mid>', References: '<bare-mid>' }),
    ]);
    expect(findMessage(db, 'bare-mid')?.mid).toBe('bare-mid');
    expect(treeOf(db, 'bare-mid')).toBe('bare-mid(reply)');
  });

  it("comments and bracketed words are not ids: the ext4 slice's <(Dave> <Chinner's> <message> <of> ... and <yes>", async () => {
    // yq1a73t44h1.fsf@oracle.com on linux-ext4: a gateway wrapped each word of the comment.
    const junk =
      '<20200403025757.GL10737@dread.disaster.area> <(Dave> <Chinner\'s>\n <message> <of> <"Fri> <> <3> <Apr> <2020> <13:57:57> <+1100")>';
    expect(parseReferences([junk.replace(/\n/g, '')])).toEqual(['20200403025757.GL10737@dread.disaster.area']);
    expect(parseReferences(['<20200403.GL10737@dread.disaster.area> (Dave Chinner\'s message of "Fri, 3 Apr 2020")'])).toEqual([
      '20200403.GL10737@dread.disaster.area',
    ]);
    const db = await archive([
      eml({ 'Message-ID': '<a@one.example>', 'In-Reply-To': '<x@one.example> <message> <of> <2020>' }),
      eml({ 'Message-ID': '<b@two.example>', 'In-Reply-To': '<y@two.example> <message> <of> <2020>' }),
      eml({ 'Message-ID': '<c@three.example>', 'In-Reply-To': '<yes>' }),
      eml({ 'Message-ID': '<d@four.example>', 'In-Reply-To': '<yes>' }),
    ]);
    const tids = ['a@one.example', 'b@two.example', 'c@three.example', 'd@four.example'].map((m) => findMessage(db, m)?.thread_id);
    expect(new Set(tids).size).toBe(4);
  });
});

describe('public-inbox t/psgi_bad_mids.t: hostile Message-IDs', () => {
  const mids = [
    'F1V5OR6NMF.3M649JTLO9IXD@tux.localdomain/hehe1"\'<foo',
    'F1V5NB0PTU.3U0DCVGAJ750Z@tux.localdomain"\'<>/foo',
    'F1V5NB0PTU.3U0DCVGAJ750Z@tux&.ampersand',
    'F1V5MIHGCU.2ABINKW6WBE8N@tux.localdomain/raw',
    'F1V5LF9D9C.2QT5PGXZQ050E@tux.localdomain/t.atom',
    'F1V58X3CMU.2DCCVAKQZGADV@tux.localdomain/../../../../foo',
    'F1TVKINT3G.2S6I36MXMHYG6@tux.localdomain" onclick="alert(1)"',
  ];

  it("each is stored under an id of its own, none takes over another message's id, each is found by its header spelling", async () => {
    const db = await archive([
      eml({ 'Message-ID': '<foo>', Subject: 'the real foo' }),
      ...mids.map((mid, i) => eml({ 'Message-ID': `<${mid}>`, Subject: `bad ${i}` })),
    ]);
    expect(findMessage(db, 'foo')?.subject).toBe('the real foo');
    const stored = mids.map((mid) => findMessage(db, `<${mid}>`));
    expect(stored.map((r) => r?.subject)).toEqual(mids.map((_, i) => `bad ${i}`));
    expect(new Set(stored.map((r) => r?.mid)).size).toBe(mids.length);
    expect(stored.every((r) => r?.mid_source === 'header')).toBe(true);
  });
});
