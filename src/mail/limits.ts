/** Parsing limits: a message past them is stored raw and indexed by its headers only. */
export const PARSE_LIMITS = {
  /** Bodies beyond this are not parsed (huge attachments stay raw, not text-indexed). */
  maxBodyBytes: 20 * 1024 * 1024,
  /** MIME parts; a message with thousands is an attack or a broken generator. */
  maxParts: 500,
  /** multipart nesting depth (distinct boundaries declared). */
  maxDepth: 20,
  /** Text kept for the index per message. */
  maxIndexedText: 512 * 1024,
} as const;

/** The reason a message's body must not be parsed, or null when it is within limits. */
export function limitExceeded(raw: Buffer): string | null {
  if (raw.length > PARSE_LIMITS.maxBodyBytes) return `body over ${PARSE_LIMITS.maxBodyBytes} bytes: headers only`;
  const text = raw.toString('latin1');
  const parts = countMatches(text, /^content-type:/gim);
  if (parts > PARSE_LIMITS.maxParts) return `${parts} MIME parts, over the limit of ${PARSE_LIMITS.maxParts}: headers only`;
  // Boundaries declared in Content-Type fields (and their folded lines) only: a patch that
  // quotes "boundary=" in its body is not a nested multipart.
  const boundaries = countMatches(text, /^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*?boundary\s*=/gim);
  if (boundaries > PARSE_LIMITS.maxDepth)
    return `${boundaries} nested multiparts, over the limit of ${PARSE_LIMITS.maxDepth}: headers only`;
  return null;
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}
