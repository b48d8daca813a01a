import type { SiteAdapter } from '../sites/site-adapter';
import { readModelLabel, type ModelReading } from '../sites/model-labels';
import { firstMatch, isVisible } from './dom-query';
import { readRenderedText } from './rendered-text';

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
  return text || null;
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

function pickerButtons(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('button[aria-haspopup], [role="button"][aria-haspopup], [role="combobox"]')).filter(
    (b) => b.getAttribute('aria-haspopup') !== 'false' && !b.closest('tokentally-badge') && isVisible(b),
  );
}

/**
 * Without selectors: a model picker is a menu button whose visible text names a model ("Sonnet 5")
 * anywhere on the page, or, inside the composer's box, shows a mode of the site's table ("Medium",
 * "Pro"). Menu buttons are told by aria-haspopup, which survives a redesign's renaming.
 */
export function fallbackModelLabel(adapter: SiteAdapter, host: string, composerBox: Element | null): string | null {
  const labelOf = (b: Element) => readRenderedText(b).replace(/\s+/g, ' ').trim();
  const inBox = composerBox ? pickerButtons(composerBox) : [];
  const everywhere = pickerButtons(document);
  for (const button of [...inBox, ...everywhere]) {
    const text = labelOf(button);
    if (text.length < 2 || text.length > MAX_PICKER_LABEL) continue;
    if (readModelLabel(text, { provider: adapter.provider }).kind === 'model') return text;
  }
  for (const button of inBox) {
    const text = labelOf(button);
    if (text.length < 2 || text.length > MAX_PICKER_LABEL || !/\p{L}{2}/u.test(text)) continue;
    if (readModelLabel(text, { provider: adapter.provider, host }).kind === 'mode') return text;
  }
  return null;
}
