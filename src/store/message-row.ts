/**
 * A row of the messages table as SQLite returns it (snake_case columns, JSON kept as text).
 * Readers select the columns they need and type the result as Pick<MessageRow, ...>, so every
 * reader agrees with the schema in migrations/001-archive.ts.
 */
export interface MessageRow {
  id: number;
  mid: string;
  header_mid: string | null;
  mid_source: 'header' | 'derived' | 'hash';
  variant_of: number | null;
  extra_mids_json: string;
  hash: string;
  size: number;
  date: number | null;
  date_source: string;
  from_name: string;
  from_addr: string;
  to_json: string;
  cc_json: string;
  subject: string;
  subject_norm: string;
  in_reply_to_json: string;
  refs_json: string;
  list_id: string | null;
  attachments_json: string;
  auto_generated: number;
  headers_json: string;
  parse_error: string | null;
  thread_id: number | null;
  parent_mid: string | null;
  added_at: number;
}
