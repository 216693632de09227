/**
 * Agenda history (issue 8): why an unreviewed proposal is history, or NULL when it is live. A
 * column rather than a new state value: the state CHECK stays as it is, and a reviewed item
 * (any state but 'proposed') is never history.
 */
export const up = `
ALTER TABLE agenda_items ADD COLUMN history TEXT;
`;
