import { mimeShape } from './mime-structure.js';

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

/**
 * The reason a message's body must not be parsed, or null when it is within limits. Parts and
 * nesting are those of its real MIME structure (mime-structure.ts): counting "boundary=" and
 * "Content-Type:" text anywhere took a patch to MIME code for a bomb and left it unsearchable
 * (issue 13, repro 09 C).
 */
export function limitExceeded(raw: Buffer, headers?: Map<string, string[]>): string | null {
  if (raw.length > PARSE_LIMITS.maxBodyBytes) return `body over ${PARSE_LIMITS.maxBodyBytes} bytes: headers only`;
  const { parts, depth } = mimeShape(raw, PARSE_LIMITS, headers);
  if (parts > PARSE_LIMITS.maxParts) return `over ${PARSE_LIMITS.maxParts} MIME parts: headers only`;
  if (depth > PARSE_LIMITS.maxDepth) return `multiparts nested over ${PARSE_LIMITS.maxDepth} deep: headers only`;
  return null;
}
