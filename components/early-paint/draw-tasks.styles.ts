/** Tasks' rows: loaded only for a panel opened on Tasks. */
export const EARLY_TASKS_CSS = `
#locket-early-paint li[data-task] { padding: 8px 0 8px 24px; border-bottom: 1px solid var(--ep-border); display: grid; gap: 2px; }
#locket-early-paint .description { font-weight: 600; overflow-wrap: anywhere; }
#locket-early-paint .meta { font-size: 13px; color: var(--ep-muted); display: flex; gap: 6px; flex-wrap: wrap; }
#locket-early-paint .overdue .due { color: var(--ep-danger); }
`;
