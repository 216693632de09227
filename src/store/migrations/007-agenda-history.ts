/**
 * Agenda history (issue 8): why an unreviewed proposal is history for good (it predates the
 * meeting's first call), or NULL. A column rather than a new state value: the state CHECK stays
 * as it is, a reviewed item (any state but 'proposed') is never history, and "its call is over"
 * is derived by readers from occ_start and their clock (src/agenda/items/item-row.ts historyOf).
 */
export const up = `
ALTER TABLE agenda_items ADD COLUMN history TEXT;
`;
