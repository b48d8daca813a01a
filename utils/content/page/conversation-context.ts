import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { isAfter, isVisuallyHidden } from '@/utils/content/page/dom-query';
import { messageText, visibleMessages } from '@/utils/content/page/conversation-text';
import { ledgerFor, type ShownText } from '@/utils/content/page/conversation-ledger';
import { readRenderedText } from '@/utils/content/page/rendered-text';

/**
 * The context a chat turn re-sends: the conversation the page shows before the turn, plus the
 * prompts and replies this tab recorded in the conversation that the page no longer shows (a
 * virtualised transcript drops off-screen turns; see conversation-ledger.ts).
 */
export interface ConversationContext {
  /** Tokens of recorded turns the page no longer shows. */
  recordedTokens: number;
  /** Text of the messages the page shows before the turn, in page order. */
  visibleText: string;
}

export interface ContextOptions {
  /** Only what the page shows (an edited message starts a new branch: the recorded turns after it don't count). */
  ignoreLedger?: boolean;
  /** The last recorded turn is being regenerated: it is not context. */
  exceptLast?: boolean;
}

function contextOf(url: string, shown: ShownText[], options: ContextOptions): ConversationContext {
  const withText = shown.filter((s) => s.text.trim() !== '');
  const recordedTokens = options.ignoreLedger ? 0 : ledgerFor(url).unseenTokens(withText, { exceptLast: options.exceptLast });
  return { recordedTokens, visibleText: withText.map((s) => s.text).join('\n\n') };
}

/**
 * With the adapter's message selectors. `before`: the new turn's user message (only messages
 * before it count); without it, every visible message does (what the next turn would re-send).
 */
export function conversationContext(adapter: SiteAdapter, url: string, before?: Element | null, options: ContextOptions = {}): ConversationContext {
  const messages = visibleMessages(adapter).filter((el) => !before || (isAfter(el, before) && !el.contains(before)));
  return contextOf(url, messages.map((el) => ({ el, text: messageText(adapter, el) })), options);
}

/**
 * Without selectors: everything rendered before the user's message inside the thread (the
 * part of the page that holds the message but not the composer), block by block.
 */
export function fallbackConversationContext(url: string, userTurn: Element, threadRoot: Element, options: ContextOptions = {}): ConversationContext {
  const blocks: Element[] = [];
  for (let node: Element | null = userTurn; node && node !== threadRoot; node = node.parentElement) {
    const earlier: Element[] = [];
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) earlier.unshift(sibling);
    blocks.unshift(...earlier);
  }
  // A block that is itself visually hidden ("You said:") is not conversation.
  return contextOf(url, blocks.map((el) => ({ el, text: isVisuallyHidden(el) ? '' : readRenderedText(el) })), options);
}
