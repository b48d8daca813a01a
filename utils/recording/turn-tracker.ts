import type { SiteAdapter } from '../sites/site-adapter';
import { isReplyStreaming } from '../page/streaming';
import type { UsageEvent } from '../usage/usage-event';
import { allOfFirstMatch, findFields, firstMatch } from '../page/find-fields';
import { readEditorText } from '../page/editor-text';
import { readConversationText } from '../page/conversation-text';
import { guard, reportError } from '../page/guard';
import { createLiveCounter } from '../counting/live-counter';
import { resolveModel, PRICE_DATA_DATE } from '../models/model-registry';
import { costUsd } from '../models/cost';
import { loadSettings } from '../settings/settings-store';
import { flushPendingUsage, recordUsage } from './record-usage';
import { waitForReply, type ReplyWaitOptions } from './reply-watcher';

/** What the content script knows about the prompt field at the moment of a send. */
export interface TurnContext {
  /** Current model id for this page (override > page > site default). */
  modelId: () => string;
  /** Text of the prompt field right now, read the way the site will send it. */
  promptText: () => string;
}

/** A send, captured synchronously before the site clears the field. Text stays in memory only. */
interface CapturedTurn {
  id: string;
  time: number;
  modelId: string;
  promptText: string;
  contextText: string;
  /** Assistant messages on the page at send time: the reply is the first one not in here. */
  repliesBefore: Set<Element>;
  lastReplyTextBefore: string;
}

/** Test seams; production uses the defaults. */
export interface TurnTrackingOptions extends Partial<ReplyWaitOptions> {
  record?: (event: UsageEvent) => Promise<void>;
}

/** Two send signals for one send (Enter, then the site's synthetic click) within this window are one turn. */
const SAME_SEND_MS = 800;

/**
 * Watches the page for sent messages (chat) and runs (console), waits for the reply to
 * finish streaming, counts prompt / visible context / reply, and records one usage event
 * per turn through the background. Clay is logged elsewhere (its runs are not turns).
 * Returns a stop function. Never throws into the page.
 */
export function startTurnTracking(adapter: SiteAdapter, context: TurnContext, options: TurnTrackingOptions = {}): () => void {
  if (adapter.kind === 'clay') return () => {};
  const record = options.record ?? recordUsage;
  const counter = createLiveCounter();
  const stopController = new AbortController();
  let lastSend: { at: number; text: string } | null = null;
  let activeTurns = 0;

  // Events an earlier page (or a worker that died before acknowledging) left unsent.
  flushPendingUsage().catch(reportError);

  const capture = (): CapturedTurn | null => {
    const promptText = context.promptText();
    if (!promptText.trim()) return null;
    const now = Date.now();
    if (lastSend && now - lastSend.at < SAME_SEND_MS && lastSend.text === promptText) return null;
    lastSend = { at: now, text: promptText };
    const replies = allOfFirstMatch(adapter.selectors.assistantMessage);
    return {
      id: crypto.randomUUID(),
      time: now,
      modelId: context.modelId(),
      promptText,
      contextText: adapter.kind === 'chat' ? readConversationText(adapter) : consoleContextText(adapter, promptText),
      repliesBefore: new Set(replies),
      lastReplyTextBefore: replies.at(-1)?.textContent ?? '',
    };
  };

  const finish = async (turn: CapturedTurn) => {
    const replyText = await waitForReply(adapter, turn.repliesBefore, turn.lastReplyTextBefore, {
      ...options,
      signal: stopController.signal,
    });
    const settings = await loadSettings();
    const model = resolveModel(turn.modelId, settings) ?? resolveModel(adapter.defaultModel, settings);
    if (!model) throw new Error(`No model info for "${turn.modelId}"; turn not recorded`);
    const count = (text: string) => withRetries(() => counter.count(text, model));
    const [prompt, ctx, output] = await Promise.all([
      count(turn.promptText),
      turn.contextText ? count(turn.contextText) : null,
      replyText ? count(replyText) : null,
    ]);
    const promptTokens = prompt.tokens;
    const contextTokens = ctx?.tokens ?? 0;
    const outputTokens = output?.tokens ?? 0;
    const cost = costUsd(model, promptTokens + contextTokens, outputTokens);
    await record({
      id: turn.id,
      time: turn.time,
      site: location.hostname,
      provider: model.provider,
      model: model.id,
      promptTokens,
      contextTokens,
      outputTokens,
      costUsd: cost,
      priceDate: cost === null ? null : PRICE_DATA_DATE,
      exact: prompt.exact && (ctx?.exact ?? true) && (output?.exact ?? true),
      kind: adapter.kind === 'console' ? 'console' : 'chat',
    });
  };

  const track = (turn: CapturedTurn) => {
    activeTurns++;
    finish(turn)
      .catch(reportError)
      .finally(() => activeTurns--);
  };

  const onSend = () => {
    const turn = capture();
    if (turn) track(turn);
  };

  // A reply streaming with no send we saw: an edited or regenerated message, or a send
  // path the adapter doesn't know. It is a new turn; its prompt is the last user message.
  const watchUnseenTurns = setInterval(
    guard(() => {
      if (activeTurns > 0 || adapter.kind !== 'chat' || !isReplyStreaming(adapter)) return;
      if (lastSend && Date.now() - lastSend.at < 3_000) return;
      const turn = captureFromConversation(adapter, context.modelId());
      if (turn) track(turn);
    }),
    400,
  );

  const isSendButton = (target: EventTarget | null): boolean => {
    if (!(target instanceof Element)) return false;
    for (const selector of adapter.selectors.send ?? []) {
      try {
        const button = target.closest(selector);
        if (button && !(button as HTMLButtonElement).disabled) return true;
      } catch {
        // A bad selector in an adapter costs that selector only.
      }
    }
    return false;
  };

  const isInField = (target: EventTarget | null): boolean => {
    if (!(target instanceof Element)) return false;
    return adapter.selectors.composer.some((selector) => {
      try {
        return !!target.closest(selector);
      } catch {
        return false;
      }
    });
  };

  // Capture phase on window: runs before the site's own handlers clear the field.
  const onClick = guard((event: MouseEvent) => {
    if (isSendButton(event.target)) onSend();
  });
  const onKeyDown = guard((event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.altKey) return;
    if (!isInField(event.target)) return;
    const modifier = event.ctrlKey || event.metaKey;
    // Chats send on a bare Enter; consoles run on Ctrl/Cmd+Enter.
    if ((adapter.sendsOnEnter && !modifier) || (adapter.kind === 'console' && modifier)) {
      // A site may ignore Enter when its send button is disabled (e.g. still streaming).
      const button = firstMatch(adapter.selectors.send) as HTMLButtonElement | null;
      if (button?.disabled) return;
      onSend();
    }
  });
  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKeyDown, true);

  return () => {
    stopController.abort();
    clearInterval(watchUnseenTurns);
    window.removeEventListener('click', onClick, true);
    window.removeEventListener('keydown', onKeyDown, true);
  };
}

/** Builds a turn from the rendered conversation: prompt = last user message, context = everything before it. */
function captureFromConversation(adapter: SiteAdapter, modelId: string): CapturedTurn | null {
  const users = allOfFirstMatch(adapter.selectors.userMessage);
  const lastUser = users.at(-1);
  if (!lastUser) return null;
  const promptText = lastUser.textContent ?? '';
  if (!promptText.trim()) return null;
  const before = (el: Element) => !!(el.compareDocumentPosition(lastUser) & Node.DOCUMENT_POSITION_FOLLOWING);
  const earlier = [...users, ...allOfFirstMatch(adapter.selectors.assistantMessage)]
    .filter((el) => el !== lastUser && before(el) && !el.contains(lastUser) && !lastUser.contains(el));
  earlier.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const repliesBefore = new Set(allOfFirstMatch(adapter.selectors.assistantMessage).filter(before));
  return {
    id: crypto.randomUUID(),
    time: Date.now(),
    modelId,
    promptText,
    contextText: earlier.map((el) => el.textContent ?? '').join('\n\n'),
    repliesBefore,
    lastReplyTextBefore: '',
  };
}

/** Counting goes through the background; a worker stopped mid-count must not lose the turn. */
async function withRetries<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** i));
    }
  }
}

/**
 * A console run sends everything on the page: the other fields (system/developer
 * instructions) and the messages already in the thread. The focused field is the prompt.
 */
function consoleContextText(adapter: SiteAdapter, promptText: string): string {
  let promptSkipped = false;
  const fields = findFields(adapter).map(readEditorText).filter((text) => {
    if (!promptSkipped && text === promptText) {
      promptSkipped = true;
      return false;
    }
    return text.trim() !== '';
  });
  const messages = [...allOfFirstMatch(adapter.selectors.userMessage), ...allOfFirstMatch(adapter.selectors.assistantMessage)]
    // A message that hosts an editable field is already counted as a field.
    .filter((el) => findFields(adapter, el).length === 0)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((el) => el.textContent ?? '');
  return [...fields, ...messages].filter((t) => t.trim()).join('\n\n');
}
