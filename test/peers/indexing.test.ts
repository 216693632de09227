/**
 * What is indexed, as notmuch and public-inbox test it (issue 14 items 5 and 6):
 * - notmuch test/T080-search.sh: "parts have non-overlapping term positions", "parts do not have
 *   adjacent term positions", "headers do not have adjacent term positions", "Search body (phrase)";
 * - notmuch test/T680-html-indexing.sh: the text of an HTML part is indexed, the base64 of an
 *   embedded image is not, whether the HTML is alone, in multipart/related or multipart/mixed;
 * - notmuch test/T500-search-date.sh: an absolute date range and a single date;
 * - public-inbox t/eml.t: a long Subject continued without leading whitespace (linux-mips),
 *   a body-only subpart, a double epilogue;
 * - public-inbox t/msg_iter.t: parts in order, nested parts, every one indexed.
 */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mail/parse.js';
import { archive, eml, hits } from './helpers.js';

const multipart = (type: string, parts: readonly string[], extra: Record<string, string> = {}): Buffer =>
  eml(
    {
      'Message-ID': `<${type.replace('/', '-')}-${parts.length}@x>`,
      'MIME-Version': '1.0',
      'Content-Type': `${type}; boundary="==-=="`,
      ...extra,
    },
    `${parts.map((p) => `--==-==\n${p}\n`).join('')}--==-==--\n`,
  );

describe('notmuch T080: term positions', () => {
  const termpos = multipart('multipart/mixed', ['Content-Type: text/plain\n\na b c\n', 'Content-Type: text/plain\n\nx y z\n'], {
    'Message-ID': '<termpos>',
    From: 'Source <source@example.com>',
    To: 'Dest <dest@example.com>',
    Subject: 'part overlap test',
  });

  it('parts have non-overlapping term positions, and do not have adjacent ones', async () => {
    const db = await archive([termpos]);
    expect(hits(db, 'id:termpos "a y c"')).toEqual([]);
    expect(hits(db, 'id:termpos "c x"')).toEqual([]);
    expect(hits(db, 'id:termpos "a b c"')).toEqual(['termpos']);
    expect(hits(db, 'id:termpos "x y z"')).toEqual(['termpos']);
  });

  it('headers do not have adjacent term positions', async () => {
    const db = await archive([termpos]);
    expect(hits(db, 'id:termpos "com dest"')).toEqual([]);
  });

  it('Search body (phrase)', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<phrase@x>', Subject: 'body search (phrase)' }, 'body search (phrase)\n'),
      eml({ 'Message-ID': '<negative@x>', Subject: 'negative result' }, 'This phrase should not match the body search\n'),
    ]);
    expect(hits(db, '"body search (phrase)"')).toEqual(['phrase@x']);
  });
});

describe('notmuch T680: HTML parts are indexed by their text', () => {
  const html = 'Content-Type: text/html; charset=utf-8\n\n<html><body><p>The <b>hunter2</b> password &amp; more</p></body></html>\n';
  const image =
    'Content-Type: image/png\nContent-Transfer-Encoding: base64\nContent-Disposition: inline\n\nkwpza7svrgjzqwi8fhb2msggwtxtwgqcxp4wbqr4wjddstqmeqa7\n';

  it.each([
    ['at the root', eml({ 'Message-ID': '<root@x>', 'MIME-Version': '1.0', 'Content-Type': 'text/html' }, '<p>hunter2 at the root</p>\n')],
    ['in multipart/related beside an image', multipart('multipart/related', [html, image])],
    [
      'in multipart/mixed beside an attachment',
      multipart('multipart/mixed', [html, 'Content-Type: application/pdf\nContent-Disposition: attachment; filename=x.pdf\n\n%PDF\n']),
    ],
    ['alone in multipart/alternative', multipart('multipart/alternative', [html])],
  ])('%s', async (_, raw) => {
    const db = await archive([raw]);
    expect(hits(db, 'hunter2')).toHaveLength(1);
    expect(hits(db, 'html OR body OR kwpza7svrgjzqwi8fhb2msggwtxtwgqcxp4wbqr4wjddstqmeqa7')).toEqual([]);
  });

  it('beside a text/plain alternative, the HTML adds nothing', async () => {
    const db = await archive([multipart('multipart/alternative', ['Content-Type: text/plain\n\nplain words\n', html])]);
    expect(hits(db, 'plain')).toHaveLength(1);
    expect(hits(db, 'hunter2')).toEqual([]);
  });
});

describe('notmuch T500: date ranges', () => {
  it('an absolute date range and a date field', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<essai@x>', Date: 'Thu, 16 Dec 2010 13:17:01 +0100', Subject: 'Essai accentué' }),
      eml({ 'Message-ID': '<other@x>', Date: 'Wed, 18 Nov 2009 04:49:52 -0600' }),
    ]);
    expect(hits(db, 'date:2010-12-16..2010-12-16')).toEqual(['essai@x']);
    expect(hits(db, 'date:2010-12-16')).toEqual(['essai@x']);
  });
});

describe('public-inbox t/eml.t', () => {
  it('a long Subject continued without leading whitespace is kept, and the next header is intact', async () => {
    const raw = Buffer.from(
      'Message-ID: <20101130193431@z>\nSubject: something really long\nand really wrong\nFrom: linux-mips archive injection\nObject-Id: 8c56b7abdd551b1264e6522ededbbed9890cccd0\n\n',
    );
    const m = await parseMessage({ raw });
    expect(m.subject).toBe('something really long and really wrong');
    expect(m.from?.name).toBe('linux-mips archive injection');
    expect(m.messageId).toBe('20101130193431@z');
    const db = await archive([raw]);
    expect(hits(db, 'subject:wrong')).toEqual(['20101130193431@z']);
  });

  it('a subpart with no header block still has its body', async () => {
    const raw = eml(
      { 'Message-ID': '<header-less@x>', 'Content-Type': 'multipart/mixed; boundary="header-less"' },
      '--header-less\n\nthis is the body\n\n--header-less\ni-haz: header\n\nsomething else\n\n--header-less--\n',
    );
    const db = await archive([raw]);
    expect(hits(db, '"this is the body"')).toEqual(['header-less@x']);
    expect(hits(db, '"something else"')).toEqual(['header-less@x']);
  });

  it('a double epilogue: only the part before the close delimiter', async () => {
    const raw = eml(
      { 'Message-ID': '<epilogue@x>', 'Content-Type': 'multipart/mixed; boundary="b"' },
      '--b\nshould: appear\n\nyes\n\n--b--\n\n--b\nshould: not appear\n\nnope\n--b--\n',
    );
    const db = await archive([raw]);
    expect(hits(db, 'yes')).toEqual(['epilogue@x']);
    expect(hits(db, 'nope')).toEqual([]);
  });
});

describe('public-inbox t/msg_iter.t', () => {
  it('parts in order, nested parts included, each on its own', async () => {
    const raw = eml(
      { 'Message-ID': '<nested@x>', 'Content-Type': 'multipart/mixed; boundary="outer"' },
      '--outer\nContent-Type: multipart/mixed; boundary="inner"\n\n--inner\nContent-Type: text/plain\n\na\n--inner\nContent-Type: text/plain\n\nb\n--inner--\n--outer\nContent-Type: text/plain\n\nsig\n--outer--\n',
    );
    const m = await parseMessage({ raw });
    expect(m.bodyText.split(/\s+/).filter((w) => /\w/.test(w))).toEqual(['a', 'b', 'sig']);
    const db = await archive([raw]);
    expect(hits(db, 'a AND b AND sig')).toEqual(['nested@x']);
    expect(hits(db, '"b sig"')).toEqual([]);
  });
});
