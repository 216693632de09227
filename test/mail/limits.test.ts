/**
 * The "MIME bomb" check counts real MIME parts and real nesting (issue 13, Low; repro 09 C): a
 * plain-text patch that mentions "boundary=" or "Content-Type:" many times is parsed and
 * searchable like any other mail.
 */
import { describe, expect, it } from 'vitest';
import { Ingester } from '../../src/ingest/ingester.js';
import { limitExceeded, PARSE_LIMITS } from '../../src/mail/limits.js';
import { parseMessage } from '../../src/mail/parse.js';
import { prepareQuery } from '../../src/search/query.js';
import { searchMessages } from '../../src/search/run.js';
import { openDb } from '../../src/store/db.js';

const patch = Buffer.from(
  'From: a@x\nSubject: [PATCH] mime fix\nMessage-ID: <fp@x>\n\nfixes uniquepatchword\n' +
    Array.from({ length: 25 }, (_, i) => `+ h = "multipart/mixed; boundary=b${i}"`).join('\n') +
    '\n' +
    Array.from({ length: 600 }, (_, i) => `Content-Type: text/x-${i}`).join('\n') +
    '\n',
);

/** multipart/mixed nested `depth` deep, one text part at the bottom. */
function nested(depth: number): Buffer {
  let body = 'Content-Type: text/plain\n\ndeep text\n';
  for (let i = depth - 1; i >= 0; i--) body = `Content-Type: multipart/mixed; boundary="=b${i}="\n\n--=b${i}=\n${body}--=b${i}=--\n`;
  return Buffer.from(`From: a@x\nSubject: nested\nMessage-ID: <n@x>\nMIME-Version: 1.0\n${body}`);
}

/** One multipart with `n` text parts. */
function wide(n: number): Buffer {
  const parts = Array.from({ length: n }, (_, i) => `--B\nContent-Type: text/plain\n\npart ${i}\n`).join('');
  return Buffer.from(
    `From: a@x\nSubject: wide\nMessage-ID: <w@x>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n${parts}--B--\n`,
  );
}

describe('the MIME bomb check', () => {
  it('does not take text that mentions boundary= or Content-Type: for structure', async () => {
    expect(limitExceeded(patch)).toBeNull();
    const parsed = await parseMessage({ raw: patch });
    expect(parsed.parseError).toBeNull();
    expect(parsed.bodyText).toContain('uniquepatchword');
    const db = openDb(':memory:');
    await new Ingester(db).ingestBatch([{ raw: patch }]);
    expect(searchMessages(db, prepareQuery('uniquepatchword', 0).compiled, { sort: 'newest', limit: 0 }).map((h) => h.mid)).toEqual([
      'fp@x',
    ]);
    db.close();
  });

  it('refuses real nesting past the limit and real parts past the limit, and accepts what is within', () => {
    expect(limitExceeded(nested(PARSE_LIMITS.maxDepth))).toBeNull();
    expect(limitExceeded(nested(PARSE_LIMITS.maxDepth + 1))).toBe(`multiparts nested over ${PARSE_LIMITS.maxDepth} deep: headers only`);
    expect(limitExceeded(nested(5000))).toBe(`multiparts nested over ${PARSE_LIMITS.maxDepth} deep: headers only`);
    expect(limitExceeded(wide(PARSE_LIMITS.maxParts - 1))).toBeNull();
    expect(limitExceeded(wide(PARSE_LIMITS.maxParts + 1))).toBe(`over ${PARSE_LIMITS.maxParts} MIME parts: headers only`);
  });
});
