/**
 * The badge's whole stylesheet, injected into its shadow root. `:host { all: initial }`
 * stops the site's inherited styles (font, colour, line-height) from leaking in; the
 * shadow boundary stops ours from leaking out.
 */
export const BADGE_CSS = `
:host { all: initial; display: block; position: relative; z-index: 1; pointer-events: none;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.tt { font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: normal; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --accent: #0969da; --bar: #e4e9ee; --warn: #bc4c00; --err: #cf222e; }
.tt.dark { --bg: #1f2329; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #4493f8; --bar: #30363d; --warn: #f0883e; --err: #ff7b72; }
.row { display: flex; justify-content: flex-end; padding: 2px 4px; }
.chip { all: unset; pointer-events: auto; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px;
  padding: 1px 8px; border-radius: 999px; border: 1px solid var(--border); background: var(--bg); color: var(--muted);
  font: inherit; font-variant-numeric: tabular-nums; cursor: pointer; white-space: nowrap; user-select: none; }
.chip:hover { color: var(--fg); }
.chip:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.chip[data-state="error"] { color: var(--err); border-color: var(--err); }
.chip .busy { opacity: .6; }
.panel { pointer-events: auto; position: fixed; box-sizing: border-box; width: 300px; max-height: 70vh; overflow: auto;
  padding: 10px 12px; border-radius: 8px; border: 1px solid var(--border); background: var(--bg); color: var(--fg);
  box-shadow: 0 8px 24px rgba(0,0,0,.18); z-index: 2147483647; }
.panel:focus { outline: none; }
.panel h2 { font-size: 13px; margin: 0 0 8px; font-weight: 600; }
.panel dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; margin: 0 0 8px; }
.panel dt { color: var(--muted); }
.panel dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.panel label { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 6px 0; color: var(--muted); }
.panel select, .panel input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 4px; padding: 2px 4px; max-width: 170px; }
.panel input { width: 90px; text-align: right; }
.panel select:focus-visible, .panel input:focus-visible, .panel button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.note { color: var(--muted); font-size: 11px; margin: 4px 0 8px; }
.bar { height: 6px; border-radius: 3px; background: var(--bar); overflow: hidden; margin: 2px 0 8px; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.bar.full > span { background: var(--warn); }
.actions { display: flex; justify-content: space-between; gap: 8px; margin-top: 8px; }
.panel button { font: inherit; cursor: pointer; color: var(--fg); background: transparent; border: 1px solid var(--border); border-radius: 4px; padding: 2px 8px; }
.error { color: var(--err); }
.warn { color: var(--warn); }
.row { flex-wrap: wrap; align-items: center; gap: 2px 6px; }
.chip[data-context="near"] { color: var(--warn); border-color: var(--warn); }
.chip[data-context="over"] { color: var(--err); border-color: var(--err); font-weight: 600; }
.chip[data-context="full"] { color: var(--err); border-color: var(--err); }
.meters.urgent { color: var(--warn); border-color: var(--warn); font-weight: 600; }
.meters { pointer-events: auto; display: inline-flex; flex-wrap: wrap; gap: 2px 8px; align-items: center; padding: 1px 6px; border-radius: 999px;
  border: 1px solid var(--border); background: var(--bg); color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.meter { display: inline-flex; align-items: center; gap: 4px; }
.meter-bar { display: inline-block; width: 36px; height: 4px; border-radius: 2px; background: var(--bar); overflow: hidden; }
.meter-bar > span { display: block; height: 100%; background: var(--accent); }
.meter-details .meter-bar { display: block; width: auto; height: 6px; margin: 2px 0; }
[data-severity="warn"] .meter-bar > span, .meter-details [data-severity="warn"] .meter-bar > span { background: var(--warn); }
[data-severity="over"] .meter-bar > span { background: var(--err); }
.meter[data-severity="warn"] { color: var(--warn); font-weight: 600; }
.meter[data-severity="over"] { color: var(--err); font-weight: 600; }
.meter-details { margin: 0 0 8px; }
.meter-details h3 { font-size: 12px; margin: 0 0 4px; font-weight: 600; }
.meter-row__head { display: flex; justify-content: space-between; gap: 8px; }
.meter-row[data-severity="warn"] .meter-row__head { color: var(--warn); }
.meter-row[data-severity="over"] .meter-row__head { color: var(--err); }
.panel label.stack { flex-direction: column; align-items: stretch; gap: 2px; }
.panel label.stack select { max-width: none; width: 100%; }
.hide-notice { pointer-events: auto; display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 3px 8px; border-radius: 8px;
  border: 1px solid var(--border); background: var(--bg); color: var(--fg); max-width: 100%; white-space: normal; }
.hide-notice button { font: inherit; cursor: pointer; color: var(--fg); background: transparent; border: 1px solid var(--border); border-radius: 4px; padding: 1px 8px; }
.hide-notice button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
/* A narrow composer: the chip wraps inside its row rather than sticking out past it. */
.chip { max-width: 100%; min-width: 0; }
.chip .text { white-space: normal; overflow-wrap: anywhere; text-align: right; }
`;
