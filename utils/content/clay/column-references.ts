import { safeQueryAll } from '@/utils/content/page/dom-query';

/**
 * Column references in a Clay prompt. In Clay's prompt editor the user types "/" and picks a
 * column; the editor inserts it as a chip (an inline, non-editable node). In text form the
 * same reference is written `{{Column Name}}` (or `{{@Name}}` / `{{f_abc}}` in exported
 * prompts), and people paste prompts written as "/Company Name". At run time each reference
 * is replaced by that row's value, which is what makes a prompt's per-row size vary.
 */

/** `{{ ... }}` placeholders, as Clay writes references in text. */
const BRACE_REFERENCE = /\{\{\s*[^{}\n]{1,120}?\s*\}\}/g;
/**
 * "/Column Name" typed or pasted as text. Only a capitalised word after a space or line start,
 * so paths like "example.com/about" and "the /about page" don't count.
 */
const SLASH_REFERENCE = /(^|[\s(["'])\/[A-Z][\w&.'-]*/g;

/** References written in plain text (no chips). */
export function countTextReferences(text: string): number {
  const braces = text.match(BRACE_REFERENCE)?.length ?? 0;
  const withoutBraces = text.replace(BRACE_REFERENCE, ' ');
  const slashes = withoutBraces.match(SLASH_REFERENCE)?.length ?? 0;
  return braces + slashes;
}

/** Chips the editor renders for references, most specific first. */
export const REFERENCE_CHIP_SELECTORS = [
  '[data-column-reference]',
  '[data-field-id]',
  '[data-column-id]',
  '[data-type="mention"]',
  '[data-type="variable"]',
  '.mention',
  // Tiptap/ProseMirror inline atoms are rendered non-editable inside the editable field.
  '[contenteditable="false"]',
];

/**
 * Counts references in an editor element: chips plus references typed as text outside chips.
 * Never throws (a detached or odd element counts as 0).
 */
export function countFieldReferences(field: Element, chipSelectors: string[] = REFERENCE_CHIP_SELECTORS): number {
  try {
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) return countTextReferences(field.value);
    const chips = new Set<Element>();
    for (const selector of chipSelectors) {
      for (const chip of safeQueryAll(field, selector)) {
        // A chip nested in another chip (label inside the pill) is one reference.
        if (![...chips].some((c) => c.contains(chip) || chip.contains(c))) chips.add(chip);
      }
    }
    const clone = field.cloneNode(true) as Element;
    for (const selector of chipSelectors) for (const chip of safeQueryAll(clone, selector)) chip.remove();
    return chips.size + countTextReferences(textWithLineBreaks(clone));
  } catch {
    return 0;
  }
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'PRE', 'BR', 'H1', 'H2', 'H3', 'BLOCKQUOTE']);

/** Text with a newline at every block boundary, so "/Name" at a paragraph start stays a reference. */
function textWithLineBreaks(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName)) out += '\n';
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}
