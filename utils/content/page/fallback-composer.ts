import { isVisible } from '@/utils/content/page/dom-query';

/**
 * The selector-free layer's view of the composer: which box around a prompt field holds its
 * buttons, and which of those buttons is a stop-like control. It works from structure and
 * change over time, never from class names, ids, data-* attributes, aria-labels or text, so
 * it keeps working on a page whose names were all changed.
 */

const MAX_CLIMB = 8;
/**
 * A composer box holds the field, its buttons and little else (a placeholder, a disclaimer, the
 * model's name); one holding more text than this besides the field is a page region that
 * includes the conversation, not the composer.
 */
const MAX_CONTAINER_TEXT = 400;

export function isButtonLike(el: Element): boolean {
  return el.tagName === 'BUTTON' || el.getAttribute('role') === 'button';
}

function buttonsOutside(container: Element, field: Element): Element[] {
  return Array.from(container.querySelectorAll('button, [role="button"]')).filter((b) => !field.contains(b) && !b.closest('tokentally-badge'));
}

/**
 * The nearest ancestor of the field that also holds buttons (send, attach, stop...): the
 * composer's container. Climbs a few levels at most, and never into a region holding much more
 * text than the field (that would be the thread, not the composer).
 */
export function composerContainerOf(field: Element): Element | null {
  const fieldText = field.textContent?.length ?? 0;
  let node: Element | null = field.parentElement;
  for (let i = 0; node && node !== document.body && i < MAX_CLIMB; i++, node = node.parentElement) {
    if ((node.textContent?.length ?? 0) - fieldText > MAX_CONTAINER_TEXT) return null;
    if (buttonsOutside(node, field).length) return node;
  }
  return null;
}

/**
 * What a button looks like, without its text: tag, attributes (names and values: a stop
 * button differs from a send button in its class, icon or label even when they are renamed,
 * because the renaming is the same for both), disabled state, and its icon's shape. Two
 * signatures are equal when the page shows the same control.
 */
export function buttonSignature(button: Element): string {
  const parts: string[] = [];
  const describe = (el: Element, depth: number) => {
    const attrs = Array.from(el.attributes)
      .filter((a) => a.name !== 'style' && a.name !== 'tabindex' && !a.name.startsWith('aria-describedby') && a.name !== 'id')
      .map((a) => `${a.name}=${a.value.length > 200 ? a.value.slice(0, 200) : a.value}`)
      .sort();
    parts.push(`${depth}:${el.tagName}:${attrs.join('|')}`);
    if (depth < 3) for (const child of Array.from(el.children).slice(0, 8)) describe(child, depth + 1);
  };
  describe(button, 0);
  // A wrapper that carries the state (Gemini's div.send-button.stop) counts too.
  const parent = button.parentElement;
  if (parent && parent.children.length === 1) parts.push(`parent:${parent.tagName}:${parent.getAttribute('class') ?? ''}`);
  if ((button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true') parts.push('disabled');
  return parts.join('\n');
}

/** Signatures of the container's visible, enabled buttons (outside the field). */
export function visibleButtonSignatures(container: Element, field: Element): Set<string> {
  const found = new Set<string>();
  for (const button of buttonsOutside(container, field)) {
    if ((button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true') continue;
    if (isVisible(button)) found.add(buttonSignature(button));
  }
  return found;
}

/**
 * Learns what the composer's buttons look like when no reply is streaming (idle, or with text
 * typed), so that a control that appears only after a send, where the send button was, is
 * recognised as a stop-like control: whatever its name, label or language.
 */
export class ComposerButtons {
  private readonly calm = new Set<string>();
  /** Signatures seen only while a reply streamed. */
  private readonly streaming = new Set<string>();

  /**
   * The composer is idle (no turn in flight): its buttons now are not stop controls. A control
   * seen while a reply streamed is taken as calm only once things are `settled` (text typed, the
   * last reply ended a while ago): a stop button can linger after the reply's end (Gemini's
   * does, also while the next message is typed), and learning it then would hide the next
   * turn's stop control.
   */
  learnCalm(container: Element, field: Element, settled = true): void {
    for (const sig of visibleButtonSignatures(container, field)) {
      if (this.calm.size > 60) break;
      if (!settled && this.streaming.has(sig)) continue;
      this.calm.add(sig);
      this.streaming.delete(sig);
    }
  }

  /** A visible, enabled button that the composer never showed while calm. */
  stopLikeVisible(container: Element, field: Element): boolean {
    const unknown = this.unknownVisible(container, field);
    unknown.forEach((sig) => this.noteStreaming(sig));
    return unknown.length > 0;
  }

  /** Signatures of the visible, enabled buttons the composer never showed while calm. */
  unknownVisible(container: Element, field: Element): string[] {
    return [...visibleButtonSignatures(container, field)].filter((sig) => !this.calm.has(sig));
  }

  /** This control showed while a reply streamed (a stop control). */
  noteStreaming(sig: string): void {
    if (this.streaming.size < 60) this.streaming.add(sig);
  }

  knowsCalm(): boolean {
    return this.calm.size > 0;
  }
}
