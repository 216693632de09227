/** Defaults that more than the config loader needs (kept dependency-free for start-up). */
export const DEFAULT_DB_PATH = 'data/convene.sqlite';
