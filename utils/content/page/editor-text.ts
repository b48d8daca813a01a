/**
 * Reads a prompt field the way the site will send it: a textarea's value, or an
 * editor's (ProseMirror, Quill, Tiptap, plain contenteditable) blocks joined by "\n",
 * with <br> as "\n" and placeholders ignored. Walks the DOM once without layout
 * (no innerText), so a multi-megabyte paste reads in milliseconds.
 */

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'PRE', 'BLOCKQUOTE',
  'SECTION', 'ARTICLE', 'TABLE', 'TR', 'HR', 'DL', 'DT', 'DD', 'FIGURE',
]);

/** Elements that are chrome around the text, never part of it. */
function isSkipped(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TOKENTALLY-BADGE' || tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const cls = el.classList;
  // Placeholders: ProseMirror/ChatGPT "placeholder", Quill "ql-placeholder", Tiptap empty-node
  // markers. Only while they hold no text but their own placeholder: the class is a decoration
  // on the paragraph the person types into, and an editor that is slow to drop it (or a page
  // that never does) must not read as empty while it holds their prompt.
  if (cls.contains('placeholder') || cls.contains('ql-placeholder') || cls.contains('tiptap-placeholder')) {
    const text = (el.textContent ?? '').trim();
    if (!text || text === (el.getAttribute('data-placeholder') ?? '').trim()) return true;
  }
  if (el.getAttribute('contenteditable') === 'false' && el.hasAttribute('data-placeholder')) return true;
  return false;
}

function isLastInBlock(node: Node): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === 1 || (next.nodeType === 3 && (next as Text).data !== '')) return false;
  }
  return true;
}

function readBlock(el: Element): string {
  const lines: string[] = [];
  let inline = '';
  let hasInline = false;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 /* text */) {
      inline += (node as Text).data;
      hasInline = true;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (isSkipped(child)) continue;
    if (child.tagName === 'BR') {
      // ProseMirror's trailing break only keeps an empty line selectable; it is not a newline.
      if (child.classList.contains('ProseMirror-trailingBreak')) continue;
      // A block's last <br> renders no extra line (Chrome's "<div><br></div>" is one empty line).
      if (isLastInBlock(child)) continue;
      inline += '\n';
      hasInline = true;
      continue;
    }
    if (BLOCK_TAGS.has(child.tagName)) {
      if (hasInline) {
        lines.push(inline);
        inline = '';
        hasInline = false;
      }
      lines.push(readBlock(child));
      continue;
    }
    inline += readBlock(child);
    hasInline = true;
  }
  if (hasInline) lines.push(inline);
  return lines.join('\n');
}

/**
 * Elements are told apart by tag name, not `instanceof`: an element from a frame (or a test's
 * separate page) belongs to another realm's classes.
 */
export function isTextarea(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

/** True when `el` is a text field TokenTally can read (textarea or editing host). */
export function isEditableField(el: Element | null): el is HTMLElement {
  if (!el) return false;
  if (isTextarea(el)) return !el.disabled && !el.readOnly;
  return (el as HTMLElement).isContentEditable === true;
}

/** The outermost editable element containing `el` (the editor root), or null. */
export function editingHostOf(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (isTextarea(el)) return isEditableField(el) ? el : null;
  if ((el as HTMLElement).isContentEditable !== true) return null;
  let host = el as HTMLElement;
  while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
  return host;
}

export function readEditorText(field: Element): string {
  if (isTextarea(field) || field.tagName === 'INPUT') return (field as HTMLTextAreaElement).value;
  // Quill marks an empty editor with ql-blank; its placeholder is CSS, but be sure.
  if (field.classList.contains('ql-blank')) return '';
  return readBlock(field);
}
