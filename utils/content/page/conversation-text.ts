import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { allOfFirstMatch, inDocumentOrder, outermost } from '@/utils/content/page/dom-query';
import { readRenderedText } from '@/utils/content/page/rendered-text';

/** The adapter's rendered messages (user and assistant), outermost only, in page order. */
export function visibleMessages(adapter: SiteAdapter, root: ParentNode = document): Element[] {
  const messages = [
    ...allOfFirstMatch(adapter.selectors.userMessage, root),
    ...allOfFirstMatch(adapter.selectors.assistantMessage, root),
  ];
  // Nested matches (a wrapper and its inner text node) would be counted twice.
  return outermost(messages).sort(inDocumentOrder);
}

/** A message's text as the model reads it: a reply's body when the adapter knows it, without hidden labels. */
export function messageText(adapter: SiteAdapter, message: Element): string {
  const body = allOfFirstMatch(adapter.selectors.replyBody, message);
  if (body.length) return outermost(body).map((el) => readRenderedText(el)).join('\n');
  return readRenderedText(message);
}

/**
 * Text of the visible conversation (user messages and replies, in page order), which a
 * chat site re-sends as context with every new message. Empty on non-chat sites.
 */
export function readConversationText(adapter: SiteAdapter): string {
  if (adapter.kind !== 'chat') return '';
  return visibleMessages(adapter)
    .map((el) => messageText(adapter, el))
    .join('\n\n');
}
