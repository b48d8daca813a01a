import { HOUR_MS, DAY_MS, type MeterReport, type MeterWindow } from '@/utils/core/meters/meter-types';
import { parseResetTime } from '@/utils/core/meters/reset-time';

/**
 * Gemini's own usage numbers, read from its usage page (gemini.google.com/usage, or the
 * "Usage" dialog from the settings menu): an Angular `usage-metrics-window` with a "Current
 * usage" block and a "Weekly limit" block, each showing "N% used" and a reset time ("Resets at
 * 3:49 PM", "Resets Oct 7 at 12:49 PM"). Seen 2026-06 to 2026-10 by Nagi-ovo/gemini-voyager
 * (issues #690, #839) and others; voyager's captures of the app's data say the current block is
 * a rolling 5-hour window.
 *
 * The page is read only while the user has it open; no request is made. Selectors dated 2026-10.
 */

const ROOT = ['usage-metrics-window', '.usage-metrics-container'];
const BLOCKS: Array<{ id: string; label: string; lengthMs: number; selectors: string[] }> = [
  { id: 'gemini:session', label: 'Current usage (5 h)', lengthMs: 5 * HOUR_MS, selectors: ['[data-test-id="gxu-currently"]', '.gxu-currently', '[class*="gxu-currently"]'] },
  { id: 'gemini:weekly', label: 'Weekly limit', lengthMs: 7 * DAY_MS, selectors: ['[data-test-id="gxu-weekly"]', '.gxu-weekly', '[class*="gxu-weekly"]'] },
];
const RESET_WORD = /reset|réinit|zurück|restablec|reinici|ripristin|redefin|リセット|重置|초기화|재설정|сброс/i;

export function findUsageRoot(doc: Document): Element | null {
  for (const selector of ROOT) {
    const el = doc.querySelector(selector);
    if (el) return el;
  }
  return null;
}

function resetText(block: Element): string {
  const marked = block.querySelector('[class*="reset-time"]');
  if (marked?.textContent?.trim()) return marked.textContent;
  for (const el of block.querySelectorAll('p, span, div')) {
    if (el.children.length === 0 && RESET_WORD.test(el.textContent ?? '')) return el.textContent ?? '';
  }
  return '';
}

/**
 * The windows shown in a usage window element; null while it has no numbers yet (it renders
 * them after it opens). A block whose percentage can't be read is left out, never guessed.
 */
export function geminiWindowsFrom(root: Element, now: number, locale: string): MeterWindow[] | null {
  const windows: MeterWindow[] = [];
  for (const block of BLOCKS) {
    const el = block.selectors.map((s) => root.querySelector(s)).find(Boolean);
    if (!el) continue;
    // The percentage: the first "N %" in the block ("3% used", "3% 사용됨", "3 % utilisés").
    const pct = /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(el.textContent ?? '');
    if (!pct) continue;
    const value = Number(pct[1]!.replace(',', '.'));
    if (!(value >= 0 && value <= 100)) continue;
    windows.push({ id: block.id, label: block.label, used: value / 100, resetsAt: parseResetTime(resetText(el), now, locale), lengthMs: block.lengthMs });
  }
  return windows.length ? windows : null;
}

/** Gemini's account slot from the URL: /u/1/app -> "u/1"; the default account is "u/0". */
export function geminiAccount(pathname: string): string {
  const match = /^\/u\/(\d+)(?:\/|$)/.exec(pathname);
  return `u/${match ? match[1] : '0'}`;
}

export function geminiReport(root: Element, now: number, locale: string, pathname: string): MeterReport | null {
  const windows = geminiWindowsFrom(root, now, locale);
  if (!windows) return null;
  return { site: 'gemini', account: geminiAccount(pathname), accountName: null, active: true, windows, error: null };
}

export function geminiUnreadable(pathname: string): MeterReport {
  return {
    site: 'gemini',
    account: geminiAccount(pathname),
    accountName: null,
    active: true,
    windows: [],
    error: { reason: "Gemini's usage page has changed: TokenTally could not find its percentages." },
  };
}
