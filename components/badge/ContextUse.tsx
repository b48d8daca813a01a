import type { ModelInfo } from '@/utils/core/models/model-types';
import type { ContextWindowChoice } from '@/utils/core/models/app-context-windows';
import type { ContextWarning } from '@/utils/core/models/context-warning';
import { shortWindow } from '@/utils/core/models/app-context-windows';
import { countText, formatTokens } from '@/components/count-format';

export interface ContextView {
  /** Conversation plus this prompt and its files. */
  used: number;
  window: ContextWindowChoice;
  /** 'near' from 80% of the window, 'full' from 95%, 'over' past it. */
  level: ContextWarning['level'];
  /** What to do about it (start a new conversation, or drop files), or null. */
  advice: string | null;
  action: ContextWarning['action'];
}

/** "of 200k, claude.ai" / "of 1M, API": whose window the prompt is measured against. */
export const windowText = (w: ContextWindowChoice) => `of ${shortWindow(w.tokens)}, ${w.sourceName}`;

/** Chat sites: how much of the context window the conversation plus this prompt fills. */
export function ContextUse({ context, conversation, model }: { context: ContextView; conversation: { tokens: number; exact: boolean } | null; model: ModelInfo }) {
  const fraction = context.used / context.window.tokens;
  return (
    <>
      <dl>
        <dt>Conversation</dt>
        <dd data-field="conversation-tokens">
          {conversation ? `${countText(conversation.tokens, conversation.exact, model.band)} tokens` : 'counting…'}
        </dd>
      </dl>
      <div class={`note${context.level === 'ok' ? '' : ' warn'}`} data-field="context" data-level={context.level}>
        Context used: {formatTokens(context.used)} <span data-field="context-window">{windowText(context.window)}</span> ({(fraction * 100).toFixed(1)}%)
        {context.level === 'over' ? ' · over context' : ''}
        {context.window.source === 'app' && context.window.tokens !== model.contextWindow ? ` (the API's window is ${shortWindow(model.contextWindow)})` : ''}
      </div>
      {context.advice ? (
        <p class="note warn" data-field="context-advice" data-action={context.action ?? undefined} role="status">
          {context.advice}
        </p>
      ) : null}
      <div
        class={`bar${context.level === 'ok' ? '' : ' full'}`}
        role="progressbar"
        aria-label="Context window used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.round(fraction * 100))}
      >
        <span style={{ width: `${Math.min(100, fraction * 100)}%` }} />
      </div>
    </>
  );
}
