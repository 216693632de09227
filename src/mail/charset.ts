import { Transform } from 'node:stream';

/**
 * The charset fallback chain for body parts: declared → UTF-8 → windows-1252 → latin-1.
 * WHATWG's TextDecoder already reads the "iso-8859-1" label as windows-1252, which is what the
 * many mailers that mislabel cp1252 text (curly quotes in 0x80-0x9F) actually meant.
 */
export function decodeWithFallback(bytes: Buffer, declared: string | undefined): string {
  const chain = [declared, 'utf-8', 'windows-1252'];
  for (const label of chain) {
    if (!label) continue;
    try {
      return new TextDecoder(label.trim().toLowerCase(), { fatal: true }).decode(bytes);
    } catch {
      // unknown label or invalid bytes for it: try the next one
    }
  }
  return bytes.toString('latin1'); // every byte sequence is valid latin-1
}

/**
 * A stand-in for node-iconv's Iconv class, given to mailparser's `Iconv` option so that every
 * declared non-UTF-8 charset goes through the fallback chain above instead of failing.
 * It buffers one MIME part (parts are size-limited before parsing).
 */
export class FallbackIconv extends Transform {
  private readonly chunks: Buffer[] = [];
  constructor(private readonly from: string, _to: string) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  override _flush(done: () => void): void {
    this.push(Buffer.from(decodeWithFallback(Buffer.concat(this.chunks), this.from), 'utf8'));
    done();
  }
}
