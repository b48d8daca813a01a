import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { findFields } from '@/utils/content/page/find-fields';
import { safeMatches, safeQueryAll } from '@/utils/content/page/dom-query';
import { CLAY_RUN_BUTTON_LABELS } from '@/utils/sites/adapters/clay';
import { parseClayRowCount } from '@/utils/core/clay/row-count';
import type { AiFeatureId } from '@/utils/core/clay/credit-rules';
import type { PageStore } from '@/utils/core/page/page-state';
import { countFieldReferences } from '@/utils/content/clay/column-references';

/** Reading a Clay table page: row count, the active prompt editor, which AI feature, run clicks. */


/**
 * The table's row count as the page shows it, or null. Tries the adapter's selectors in
 * order, then scans a bounded number of short text nodes mentioning rows/records (Clay has
 * moved its counter between toolbar and footer; the words stay).
 */
export function readPageRowCount(adapter: SiteAdapter, root: ParentNode = document): number | null {
  for (const selector of adapter.selectors.rowCount ?? []) {
    for (const el of safeQueryAll(root, selector)) {
      const n = parseClayRowCount(el.textContent ?? '');
      if (n !== null) return n;
    }
  }
  const start = root instanceof Document ? root.body : root;
  if (!start) return null;
  const walker = document.createTreeWalker(start as Node, NodeFilter.SHOW_TEXT);
  const hint = /\b(rows?|records?)\b/i;
  for (let node = walker.nextNode(), seen = 0; node && seen < 5000; node = walker.nextNode(), seen++) {
    const text = node.nodeValue ?? '';
    if (text.length > 60 || !hint.test(text)) continue;
    // Skip our own badge and the prompt being typed.
    const parent = node.parentElement;
    if (!parent || parent.closest('tokentally-badge, [contenteditable="true"], textarea')) continue;
    const n = parseClayRowCount(parent.textContent ?? text);
    if (n !== null) return n;
  }
  return null;
}

/** The prompt editor the user is working in: the focused one, else the first the adapter finds. */
export function activePromptField(adapter: SiteAdapter): HTMLElement | null {
  const fields = findFields(adapter);
  const active = document.activeElement;
  return fields.find((f) => active && (f === active || f.contains(active))) ?? fields[0] ?? null;
}

/** Column references in the active prompt editor (chips and typed references). */
export function readReferenceCount(adapter: SiteAdapter): number {
  const field = activePromptField(adapter);
  return field ? countFieldReferences(field) : 0;
}

/** Feature names as the panel titles them, most specific first. */
const FEATURE_HINTS: Array<[RegExp, AiFeatureId]> = [
  [/claygent|web research/i, 'claygent'],
  [/chatgpt\s*generate\s*text|generate text/i, 'chatgpt-generate-text'],
  [/use ai|\bai\b/i, 'use-ai'],
];

/** Which AI feature the panel around the prompt editor is, from its heading/labels. */
export function detectFeature(adapter: SiteAdapter): AiFeatureId {
  const field = activePromptField(adapter);
  const panel = field?.closest('[role="dialog"], aside, [class*="panel" i], section, form');
  const headings = panel ? safeQueryAll(panel, 'h1, h2, h3, h4, [role="heading"], [data-testid*="title" i]') : [];
  const text = headings.map((h) => h.textContent ?? '').join(' ');
  for (const [pattern, feature] of FEATURE_HINTS) if (pattern.test(text)) return feature;
  return 'use-ai';
}

/** Which way `target` is recognised as a button that starts a Clay run: by the adapter's selectors, by its label, or not. */
export function runButtonMatchedBy(target: EventTarget | null, adapter: SiteAdapter): 'adapter' | 'fallback' | undefined {
  if (!(target instanceof Element)) return undefined;
  const button = target.closest('button, [role="button"]');
  if (!button || button.closest('tokentally-badge')) return undefined;
  if ((button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true') return undefined;
  if ((adapter.selectors.send ?? []).some((selector) => safeMatches(button, selector))) return 'adapter';
  const label = (button.getAttribute('aria-label') || button.textContent || '').replace(/\s+/g, ' ').trim();
  return CLAY_RUN_BUTTON_LABELS.some((re) => re.test(label)) ? 'fallback' : undefined;
}

/** True when `target` is (inside) a button that starts a Clay run. */
export function isRunButton(target: EventTarget | null, adapter: SiteAdapter): boolean {
  return runButtonMatchedBy(target, adapter) !== undefined;
}

/** Keeps the page store's Clay inputs (rows, references, feature) as the page shows them. */
export function readClayPage(adapter: SiteAdapter, store: PageStore): void {
  const clay = store.get().clay;
  const pageRows = readPageRowCount(adapter);
  const referenceCount = readReferenceCount(adapter);
  const detectedFeature = detectFeature(adapter);
  if (pageRows !== clay.pageRows || referenceCount !== clay.referenceCount || detectedFeature !== clay.detectedFeature) {
    store.set({ clay: { ...clay, pageRows, referenceCount, detectedFeature } });
  }
}
