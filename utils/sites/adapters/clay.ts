import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * Clay tables (app.clay.com). The AI prompt editors (Use AI, Claygent, ChatGPT Generate Text)
 * open late in a column/enrichment side panel: a Tiptap/ProseMirror editor (older panels:
 * a textarea) where "/" inserts column references as chips. No public selectors exist for
 * these panels (others match on visible text and Tailwind class chains), so selectors go from
 * Clay-specific to generic, and an unseen redesign still finds an editor in a panel or dialog.
 */
export const clayAdapter: SiteAdapter = {
  id: 'clay',
  name: 'Clay',
  hosts: ['app.clay.com'],
  provider: 'clay',
  kind: 'clay',
  // Clay's default model for "Use AI" runs on Clay credits.
  defaultModel: 'gpt-4o-mini',
  sendsOnEnter: false,
  selectors: {
    composer: [
      '[data-testid*="prompt" i] [contenteditable="true"], [data-testid*="prompt" i] textarea', // unconfirmed 2026-06
      '[aria-label*="prompt" i][contenteditable="true"], textarea[aria-label*="prompt" i], textarea[placeholder*="prompt" i], textarea[name*="prompt" i]', // unconfirmed 2026-06
      '[role="dialog"] .ProseMirror[contenteditable="true"], aside .ProseMirror[contenteditable="true"], [class*="panel" i] .ProseMirror[contenteditable="true"]', // unconfirmed 2026-06
      '.tiptap[contenteditable="true"], .ProseMirror[contenteditable="true"]', // unconfirmed 2026-06
      '[role="dialog"] textarea, aside textarea, [class*="panel" i] textarea', // unconfirmed 2026-06
    ],
    model: [
      '[data-testid*="model-select" i]', // unconfirmed 2026-06
      '[data-testid*="model" i][role="combobox"], button[aria-label*="model" i], [role="combobox"][aria-label*="model" i]', // unconfirmed 2026-06
      'select[name*="model" i]', // unconfirmed 2026-06
    ],
    // Buttons that start a run from the panel or the column menu: Clay logs nothing for us, so
    // a click here is when the run's credits are logged. Also text-matched: CLAY_RUN_BUTTON_LABELS.
    send: [
      '[data-testid*="save-and-run" i]', // unconfirmed 2026-06
      '[data-testid*="run-column" i]', // unconfirmed 2026-06
      'button[aria-label*="run" i]', // unconfirmed 2026-06
    ],
    rowCount: [
      '[data-testid*="row-count" i]', // unconfirmed 2026-06
      '[aria-label*="row count" i], [class*="rowCount" i], [class*="row-count" i]', // unconfirmed 2026-06
      '[data-testid*="table-footer" i], footer', // unconfirmed 2026-06
    ],
  },
};

/** Visible labels of buttons that start a run (matched on trimmed, lower-cased text). */
export const CLAY_RUN_BUTTON_LABELS: readonly RegExp[] = [/^save and run\b/i, /^run column\b/i, /^run \d[\d,]* rows?\b/i, /^run all rows\b/i, /^run\b.*\brows?$/i];
