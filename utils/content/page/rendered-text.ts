import { isVisuallyHidden } from '@/utils/content/page/dom-query';

/**
 * The text of a rendered message the way the model wrote it: blocks on their own lines, and
 * none of the page's chrome inside the message (buttons such as a code block's "Copy", icons,
 * screen-reader-only labels such as "ChatGPT said:", our own badge). Hidden labels are found by
 * their computed style, never a class name, and styles are read only for short elements (the
 * only ones that can be such a label), so a long reply still reads in a few milliseconds.
 */

const SKIPPED_TAGS = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'TOKENTALLY-BADGE', 'TEXTAREA', 'INPUT', 'SELECT']);
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'PRE', 'BLOCKQUOTE', 'SECTION', 'ARTICLE',
  'TABLE', 'TR', 'HR', 'DL', 'DT', 'DD', 'FIGURE', 'HEADER', 'FOOTER',
]);

/** Longest text a screen-reader-only label plausibly has. */
const LABEL_MAX_CHARS = 120;

export interface RenderedTextOptions {
  /** Leave out visually hidden elements (costs a style read per element). Default true. */
  skipHidden?: boolean;
  /**
   * Read what is hidden too (aria-hidden, [hidden], screen-reader-only): a collapsed thinking
   * block still holds its text. Default false.
   */
  keepHidden?: boolean;
  /** Elements left out with all they hold (a thinking block inside a reply, a block's toggle). */
  leaveOut?: (el: Element) => boolean;
}

/** Page chrome inside a message: controls, icons, and (unless kept) what is hidden. */
function isChrome(el: Element, options: RenderedTextOptions = {}): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'toolbar' || role === 'menu' || role === 'tooltip') return true;
  if (options.keepHidden) return false;
  if (el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return true;
  return (options.skipHidden ?? true) && (el.textContent?.length ?? 0) <= LABEL_MAX_CHARS && isVisuallyHidden(el);
}

export function readRenderedText(root: Element, options: RenderedTextOptions = {}): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const walk = (el: Element) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        line += (node as Text).data;
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      if (isChrome(child, options) || options.leaveOut?.(child)) continue;
      if (child.tagName === 'BR') {
        line += '\n';
        continue;
      }
      const block = BLOCK_TAGS.has(child.tagName.toUpperCase());
      if (block) flush();
      walk(child);
      if (block) flush();
    }
  };
  // The root itself is read even when it is chrome (a model picker is a button).
  walk(root);
  flush();
  return lines.join('\n').replace(/[ \t]+\n/g, '\n');
}

/** Cheap fingerprint of what a region shows now, for "has it changed" checks while a reply streams. */
export function roughText(root: Element): string {
  return root.textContent ?? '';
}
