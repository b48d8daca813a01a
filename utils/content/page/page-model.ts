import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { readModelLabel, type ModelReading } from '@/utils/core/models/model-labels';
import { modeTableFor } from '@/utils/core/models/app-modes';
import { firstMatch, isVisible } from '@/utils/content/page/dom-query';
import { readRenderedText } from '@/utils/content/page/rendered-text';

/**
 * The model picker's label as the page shows it ("Sonnet 5", "Medium", "Pro"), or null when the
 * page shows none. Visually hidden parts (ChatGPT's "Thinking effort" span) are left out; a
 * picker that shows only an icon is read from its aria-label.
 */
export function readPageModelLabel(adapter: SiteAdapter): string | null {
  const el = firstMatch(adapter.selectors.model);
  if (!el) return null;
  const label =
    (el.tagName === 'SELECT' ? (el as HTMLSelectElement).selectedOptions[0]?.textContent : null) ??
    (el.tagName === 'INPUT' ? (el as HTMLInputElement).value : null) ??
    el.getAttribute('data-model') ??
    readRenderedText(el).replace(/\s+/g, ' ');
  const text = label.trim() || (el.getAttribute('aria-label') ?? '').trim();
  return text ? withToggleState(el, text) : null;
}

/**
 * A mode toggle (DeepSeek's DeepThink) shows the same text on and off: one its ARIA state says is
 * off reads "<label> off", which the site's mode table maps to the base model.
 */
function withToggleState(el: Element, text: string): string {
  const pressed = el.getAttribute('aria-pressed') ?? el.getAttribute('aria-checked');
  // Without ARIA, a BEM toggle says "on" by a modifier class (ds-toggle-button--selected).
  const classes = Array.from(el.classList);
  const off = pressed === 'false' || (pressed === null && classes.some((c) => /toggle/i.test(c)) && !classes.some((c) => /--(selected|active|checked|on)$/.test(c)));
  return off ? `${text} off` : text;
}

/** What a page label names: a model, a mode (ChatGPT's effort tier, Gemini's Fast/Pro), or nothing known. */
export function readPageModel(label: string | null, adapter: SiteAdapter, host: string): ModelReading | null {
  return label ? readModelLabel(label, { provider: adapter.provider, host }) : null;
}

/** The model named by the page's address (`?models=gpt-5.5`), when the adapter says where to look. */
export function modelLabelFromUrl(adapter: SiteAdapter, url: string): string | null {
  if (!adapter.modelUrlParam) return null;
  try {
    const value = new URL(url).searchParams.get(adapter.modelUrlParam);
    // Several models compared side by side ("a,b"): the first is the one the composer sends to.
    return value?.split(',')[0]?.trim() || null;
  } catch {
    return null;
  }
}

const MAX_PICKER_LABEL = 40;

/** Menu buttons: aria-haspopup or aria-expanded, which survive a redesign's renaming. */
const MENU_BUTTONS = 'button[aria-haspopup], [role="button"][aria-haspopup], [role="combobox"], button[aria-expanded], [role="button"][aria-expanded]';
const ANY_BUTTON = `${MENU_BUTTONS}, button, [role="button"]`;

function pickerButtons(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter(
    (b) => b.getAttribute('aria-haspopup') !== 'false' && !b.closest('tokentally-badge') && isVisible(b),
  );
}

/**
 * A mode label that matches one of the site's named modes ("Pro"), not only the table's
 * catch-all: any button can show a word, only the picker shows a mode.
 */
function namesSpecificMode(text: string, host: string): boolean {
  const table = modeTableFor(host);
  if (!table) return false;
  let mode = text;
  for (const prefix of table.prefixes) mode = mode.replace(prefix, '');
  return table.modes.slice(0, -1).some((m) => m.match.test(mode.trim()));
}

/**
 * Without selectors: a model picker is a menu button whose visible text names a model ("Sonnet 5")
 * anywhere on the page, or any button inside the composer's box that does; or, inside the box, a
 * button that shows a mode of the site's table ("Medium", "Pro"). Menu buttons are told by
 * aria-haspopup / aria-expanded, which survive a redesign's renaming; a picker drawn without
 * them is still found inside the composer's box when its label names a model or a named mode.
 */
export function fallbackModelLabel(adapter: SiteAdapter, host: string, composerBox: Element | null): string | null {
  const labelOf = (b: Element) => withToggleState(b, readRenderedText(b).replace(/\s+/g, ' ').trim());
  const usable = (text: string) => text.length >= 2 && text.length <= MAX_PICKER_LABEL;
  const menusInBox = composerBox ? pickerButtons(composerBox, MENU_BUTTONS) : [];
  const anyInBox = composerBox ? pickerButtons(composerBox, ANY_BUTTON) : [];
  const everywhere = pickerButtons(document, MENU_BUTTONS);
  for (const button of [...menusInBox, ...anyInBox, ...everywhere]) {
    const text = labelOf(button);
    if (!usable(text)) continue;
    if (readModelLabel(text, { provider: adapter.provider }).kind === 'model') return text;
  }
  const isMode = (text: string) => usable(text) && /\p{L}{2}/u.test(text) && readModelLabel(text, { provider: adapter.provider, host }).kind === 'mode';
  // A named mode first (a "Tools" menu beside the picker would match the table's catch-all).
  for (const button of [...menusInBox, ...anyInBox]) {
    const text = labelOf(button);
    if (isMode(text) && namesSpecificMode(text, host)) return text;
  }
  for (const button of menusInBox) {
    const text = labelOf(button);
    if (isMode(text)) return text;
  }
  return null;
}
