/**
 * The early paint's own few rules: the look of the live rows (tokens and row rules of
 * components/shared/tokens.styles.ts, locket-record-list, locket-tasks and the board) without
 * loading Lit. It covers the page until the live view has drawn, so nothing flashes empty.
 */
export const EARLY_PAINT_CSS = `
#locket-early-paint {
  --ep-text: #1b1f24; --ep-muted: #5b6472; --ep-border: #d5d9e0; --ep-alt: #f5f7fa; --ep-danger: #b42318; --ep-accent: #1f5eff;
  position: fixed; inset: 0; z-index: 2147483647; overflow: hidden; background: Canvas; color: var(--ep-text);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; box-sizing: border-box;
}
@media (prefers-color-scheme: dark) {
  #locket-early-paint { --ep-text: #e6e9ee; --ep-muted: #a3acb9; --ep-border: #3a404a; --ep-alt: #23272f; --ep-danger: #ff8a80; --ep-accent: #7aa2ff; }
}
#locket-early-paint * { box-sizing: border-box; }
#locket-early-paint .muted { color: var(--ep-muted); }
#locket-early-paint .count { padding: 4px 12px; margin: 0; }
#locket-early-paint .row { border-bottom: 1px solid var(--ep-border); padding: 6px 12px; height: 52px; }
#locket-early-paint .title, #locket-early-paint .subtitle { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#locket-early-paint .view { padding: 12px; }
#locket-early-paint h2 { margin: 0 0 8px; font-size: 18px; }
#locket-early-paint h3 { margin: 14px 0 4px; font-size: 15px; }
#locket-early-paint ul { list-style: none; padding: 0; margin: 0; }
`;
