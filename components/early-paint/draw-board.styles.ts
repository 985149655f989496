/** The board's columns and cards: loaded only for a panel opened on the board. */
export const EARLY_BOARD_CSS = `
#locket-early-paint .board { display: flex; gap: 8px; overflow: hidden; align-items: flex-start; }
#locket-early-paint .column { flex: 0 0 220px; border: 1px solid var(--ep-border); border-radius: 6px; padding: 8px; background: var(--ep-alt); }
#locket-early-paint .column h3 { margin: 0 0 8px; }
#locket-early-paint .column ul { display: grid; gap: 6px; }
#locket-early-paint .card { background: Canvas; border: 1px solid var(--ep-border); border-radius: 6px; padding: 6px; display: grid; gap: 4px; }
#locket-early-paint .card .name { color: var(--ep-accent); text-decoration: underline; overflow-wrap: anywhere; }
`;
