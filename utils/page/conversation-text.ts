import type { SiteAdapter } from '../sites/site-adapter';
import { allOfFirstMatch } from './find-fields';

/**
 * Text of the visible conversation (user messages and replies, in page order), which a
 * chat site re-sends as context with every new message. Empty on non-chat sites.
 */
export function readConversationText(adapter: SiteAdapter): string {
  if (adapter.kind !== 'chat') return '';
  const messages = [
    ...allOfFirstMatch(adapter.userMessageSelectors),
    ...allOfFirstMatch(adapter.assistantMessageSelectors),
  ];
  // Nested matches (a wrapper and its inner text node) would be counted twice.
  const outer = messages.filter((el) => !messages.some((o) => o !== el && o.contains(el)));
  outer.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return outer.map((el) => el.textContent ?? '').join('\n\n');
}
