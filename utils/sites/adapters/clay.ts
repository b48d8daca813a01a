import type { SiteAdapter } from '../site-adapter';
import { anthropicModelFromLabel, googleModelFromLabel, openAiModelFromLabel } from '../model-labels';

/**
 * Clay tables (app.clay.com). The AI prompt editors (Use AI, Claygent, ChatGPT Generate Text)
 * open late in a column/enrichment side panel: a Tiptap/ProseMirror editor (older panels:
 * a textarea) where "/" inserts column references as chips. Selectors go from Clay-specific
 * to generic, so an unseen redesign still finds an editor inside a panel or dialog.
 */
export const clayAdapter: SiteAdapter = {
  id: 'clay',
  name: 'Clay',
  hosts: ['app.clay.com'],
  provider: 'clay',
  kind: 'clay',
  // Clay's default model for "Use AI" runs on Clay credits.
  defaultModel: 'gpt-4o-mini',
  fieldSelectors: [
    '[data-testid*="prompt" i] [contenteditable="true"], [data-testid*="prompt" i] textarea',
    '[aria-label*="prompt" i][contenteditable="true"], textarea[aria-label*="prompt" i], textarea[placeholder*="prompt" i], textarea[name*="prompt" i]',
    '[role="dialog"] .ProseMirror[contenteditable="true"], aside .ProseMirror[contenteditable="true"], [class*="panel" i] .ProseMirror[contenteditable="true"]',
    '.tiptap[contenteditable="true"], .ProseMirror[contenteditable="true"]',
    '[role="dialog"] textarea, aside textarea, [class*="panel" i] textarea',
  ],
  modelSelectors: [
    '[data-testid*="model-select" i]',
    '[data-testid*="model" i][role="combobox"], button[aria-label*="model" i], [role="combobox"][aria-label*="model" i]',
    'select[name*="model" i]',
  ],
  modelFromLabel: (label) => openAiModelFromLabel(label) ?? anthropicModelFromLabel(label) ?? googleModelFromLabel(label),
  // Buttons that start a run from the panel or the column menu: Clay logs nothing for us,
  // so a click here is when the run's credits are logged. Text-matched in CLAY_RUN_BUTTON_LABELS.
  sendButtonSelectors: ['[data-testid*="save-and-run" i]', '[data-testid*="run-column" i]', 'button[aria-label*="run" i]'],
  sendsOnEnter: false,
  rowCountSelectors: [
    '[data-testid*="row-count" i]',
    '[aria-label*="row count" i], [class*="rowCount" i], [class*="row-count" i]',
    '[data-testid*="table-footer" i], footer',
  ],
  parseRowCount: parseClayRowCount,
};

/** Visible labels of buttons that start a run (matched on trimmed, lower-cased text). */
export const CLAY_RUN_BUTTON_LABELS: RegExp[] = [/^save and run\b/i, /^run column\b/i, /^run \d[\d,]* rows?\b/i, /^run all rows\b/i, /^run\b.*\brows?$/i];

/**
 * "250 rows", "1,000 records", "Showing 50 of 1,200 rows", "Rows: 3.4k" -> the table's total
 * (the last number before "rows"/"records"). Null when the text states no row count.
 */
export function parseClayRowCount(text: string): number | null {
  const t = text.replace(/\u00a0/g, ' ');
  const patterns = [
    /([\d][\d,.]*\s*[km]?)\s*(?:rows?|records?)\b/gi,
    /(?:rows?|records?)\s*[:=]\s*([\d][\d,.]*\s*[km]?)/gi,
  ];
  let last: number | null = null;
  for (const pattern of patterns) {
    for (const m of t.matchAll(pattern)) {
      const n = parseCompactNumber(m[1] ?? '');
      if (n !== null) last = n;
    }
    if (last !== null) return last;
  }
  return null;
}

function parseCompactNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  const suffix = s.endsWith('k') ? 1e3 : s.endsWith('m') ? 1e6 : 1;
  const digits = (suffix === 1 ? s : s.slice(0, -1)).trim();
  // "1,200" is a thousands separator; "3.4k" a decimal.
  const value = suffix === 1 ? Number(digits.replace(/[,\s.]/g, '')) : Number(digits.replace(/,/g, '.').replace(/\s/g, ''));
  if (!Number.isFinite(value) || digits === '') return null;
  return Math.round(value * suffix);
}
