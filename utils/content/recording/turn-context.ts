import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { findFields } from '@/utils/content/page/find-fields';
import { readEditorText } from '@/utils/content/page/editor-text';
import { isAfter } from '@/utils/content/page/dom-query';
import { messageText, visibleMessages } from '@/utils/content/page/conversation-text';
import { conversationContext, fallbackConversationContext, type ConversationContext } from '@/utils/content/page/conversation-context';
import { ledgerFor } from '@/utils/content/page/conversation-ledger';
import { threadRootOf } from '@/utils/content/page/fallback-thread';
import type { Turn } from '@/utils/content/recording/turn';

/**
 * What a turn re-sends besides its prompt: a chat's conversation before the turn (what the page
 * shows, plus the recorded turns it no longer shows), a console's other fields and transcript.
 */

/** A console run sends everything on the page: the other fields (system/developer instructions) and the messages already in the transcript. */
function consoleContextText(adapter: SiteAdapter, turn: Turn): string {
  const { field, userTurn, replyEls } = turn.page;
  // The prompt is the field sent from; a second copy of its text elsewhere is context.
  let promptSkipped = false;
  const fields = findFields(adapter)
    .filter((f) => f !== field)
    .map(readEditorText)
    .filter((text) => {
      if (!promptSkipped && text === turn.promptText) {
        promptSkipped = true;
        return false;
      }
      return text.trim() !== '';
    });
  const messages = visibleMessages(adapter)
    .filter((el) => findFields(adapter, el).length === 0)
    .filter((el) => !userTurn || (isAfter(el, userTurn) && !el.contains(userTurn)))
    .filter((el) => !replyEls.includes(el))
    .map((el) => messageText(adapter, el));
  return [...fields, ...messages].filter((t) => t.trim()).join('\n\n');
}

/** The context as the turn starts (for its outbox record): the adapter's messages before the user's. */
export function contextAtStart(adapter: SiteAdapter, turn: Turn): ConversationContext {
  if (turn.kind === 'console') return { recordedTokens: 0, visibleText: consoleContextText(adapter, turn) };
  return conversationContext(adapter, location.href, turn.page.userTurn);
}

/** The context the turn re-sent, read as it is recorded. */
export function contextAtEnd(adapter: SiteAdapter, turn: Turn): ConversationContext {
  const url = location.href;
  if (turn.kind === 'console') return { recordedTokens: 0, visibleText: consoleContextText(adapter, turn) };
  const { userTurn: u, userBy } = turn.page;
  // An edited message starts a new branch; a regenerated reply re-answers the last turn.
  const options = { ignoreLedger: !turn.mainComposer, exceptLast: turn.trigger === 'regenerate' };
  if (u && (userBy === 'adapter' || visibleMessages(adapter).length > 0)) return conversationContext(adapter, url, u, options);
  if (u) return fallbackConversationContext(url, u, threadRootOf(u, turn.page.composerArea().container ?? turn.page.field), options);
  return { recordedTokens: options.ignoreLedger ? 0 : ledgerFor(url).unseenTokens([], options), visibleText: '' };
}
