/**
 * A message generator for edge cases real slices lack. Produces RFC 5322 bytes (LF line ends,
 * like maildir files and mbox). Every field can be left out to test the fallbacks.
 */
export interface GenerateOptions {
  readonly messageId?: string | null; // without brackets; null = no header
  readonly from?: string;
  readonly to?: string;
  readonly cc?: string;
  readonly subject?: string;
  readonly date?: string | null; // a header value; null = no header
  readonly inReplyTo?: string | null; // raw header value
  readonly references?: string | null; // raw header value
  readonly listId?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly transferEncoding?: string;
  readonly body?: string | Buffer;
}

let counter = 0;

export function generateMessage(o: GenerateOptions = {}): Buffer {
  counter++;
  const lines: string[] = [];
  lines.push(`From: ${o.from ?? 'Alice Example <alice@example.org>'}`);
  lines.push(`To: ${o.to ?? 'devel@lists.example.org'}`);
  if (o.cc) lines.push(`Cc: ${o.cc}`);
  lines.push(`Subject: ${o.subject ?? `Test message ${counter}`}`);
  if (o.date !== null) lines.push(`Date: ${o.date ?? 'Tue, 05 May 2015 10:00:00 +0000'}`);
  if (o.messageId !== null) lines.push(`Message-ID: <${o.messageId ?? `gen-${counter}@example.org`}>`);
  if (o.inReplyTo) lines.push(`In-Reply-To: ${o.inReplyTo}`);
  if (o.references) lines.push(`References: ${o.references}`);
  if (o.listId) lines.push(`List-Id: ${o.listId}`);
  for (const [k, v] of Object.entries(o.headers ?? {})) lines.push(`${k}: ${v}`);
  lines.push('MIME-Version: 1.0');
  lines.push(`Content-Type: ${o.contentType ?? 'text/plain; charset=utf-8'}`);
  if (o.transferEncoding) lines.push(`Content-Transfer-Encoding: ${o.transferEncoding}`);
  const head = Buffer.from(lines.join('\n') + '\n\n', 'utf8');
  const body = typeof o.body === 'string' || o.body === undefined ? Buffer.from(o.body ?? 'Hello list.\n', 'utf8') : o.body;
  return Buffer.concat([head, body]);
}

/** Shorthand: a reply to `parentId` with a proper In-Reply-To and References chain. */
export function generateReply(id: string, parentChain: readonly string[], extra: GenerateOptions = {}): Buffer {
  const parent = parentChain.at(-1)!;
  return generateMessage({
    messageId: id,
    subject: 'Re: thread',
    inReplyTo: `<${parent}>`,
    references: parentChain.map((p) => `<${p}>`).join(' '),
    ...extra,
  });
}
