import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { PRICE_DATA_DATE } from '@/utils/core/models/model-registry';
import { billedCostUsd } from '@/utils/core/models/cost';
import { cachedContextTokens, noteReplyEnded, promptCacheApplies } from '@/utils/core/cache/prompt-cache';
import type { PageStore, Reading } from '@/utils/core/page/page-state';
import { noteRoleReadings } from '@/utils/core/page/site-health';
import { retryWithBackoff } from '@/utils/core/retry-with-backoff';
import { reportError } from '@/utils/content/page/guard';
import { addLedgerTurn, conversationKeyOf } from '@/utils/content/page/conversation-ledger';
import { readRenderedText } from '@/utils/content/page/rendered-text';
import { dropStartedTurn, saveStartedTurn } from '@/utils/content/recording/turn-outbox';
import type { FinishedVerdict } from '@/utils/content/recording/turn-machine';
import { contextAtEnd, contextAtStart } from '@/utils/content/recording/turn-context';
import { detectedBy, type Turn } from '@/utils/content/recording/turn';

/**
 * Turns a turn into its usage event: counts the prompt, the context and the reply (retrying
 * while the counting worker restarts), keeps the turn's outbox record current from the moment
 * it is confirmed (turn-outbox.ts), and at the end hands the event to `record`, adds the turn to
 * the conversation's ledger and notes in the page store how each role was read.
 */

export type CountFn = (text: string, model: ModelInfo) => Promise<{ tokens: number; exact: boolean }>;

export interface TurnRecorderDeps {
  store: PageStore;
  adapter: SiteAdapter;
  /** Keep started turns in the outbox (off in unit tests). */
  persist: boolean;
  record(event: UsageEvent): Promise<void>;
  /** One attempt at a count. */
  count: CountFn;
  /** The turn is over (recorded, or failed to be): it is no longer in flight. */
  ended(turn: Turn): void;
  /** A chat turn went into the ledger with this user message (a later regeneration re-answers it). */
  ledgered(userTurn: Element): void;
}

type Counted = { tokens: number; exact: boolean };
type Role = 'send' | 'userMessage' | 'reply' | 'finished';

export class TurnRecorder {
  constructor(private readonly deps: TurnRecorderDeps) {}

  /** Saves the turn to the outbox at once (a rough count), then with real counts of the prompt and the context so far. */
  async persistStart(turn: Turn): Promise<void> {
    const { outbox } = turn;
    if (!this.deps.persist || outbox.persisted) return;
    outbox.persisted = true;
    const rough = Math.ceil(turn.promptText.length / 4);
    await saveStartedTurn(this.event(turn, rough, 0, 0, false), true);
    try {
      const context = contextAtStart(this.deps.adapter, turn);
      const [prompt, ctx] = await Promise.all([this.count(turn.promptText, turn.model), this.count(context.visibleText, turn.model)]);
      outbox.counted = { prompt: prompt.tokens, context: context.recordedTokens + ctx.tokens };
      if (!turn.machine.done) await saveStartedTurn(this.event(turn, prompt.tokens, outbox.counted.context, 0, false), false);
    } catch (error) {
      reportError(error);
    }
  }

  /** Refreshes the outbox record with the reply so far. */
  async heartbeat(turn: Turn): Promise<void> {
    const { counted, persisted } = turn.outbox;
    if (!this.deps.persist || !persisted || !counted) return;
    const output = await this.count(turn.page.replySoFar(), turn.model).catch(() => null);
    if (output && !turn.machine.done) await saveStartedTurn(this.event(turn, counted.prompt, counted.context, output.tokens, false), false);
  }

  /** A send that came to nothing: its outbox record (if any) goes. */
  drop(turn: Turn): void {
    if (turn.outbox.persisted) void dropStartedTurn(turn.id);
  }

  async finish(turn: Turn, verdict: FinishedVerdict): Promise<void> {
    const { adapter, store } = this.deps;
    const endedAt = Date.now();
    try {
      const replyText = turn.page.finalReplyText();
      const context = contextAtEnd(adapter, turn);
      // The thinking is counted like the answer and kept apart from it (null: shown as a duration only).
      const thinking = turn.page.finalThinking();
      const [prompt, ctx, output, thought] = await Promise.all([
        this.count(turn.promptText, turn.model),
        this.count(context.visibleText, turn.model),
        this.count(replyText, turn.model),
        this.count(thinking.kind === 'text' ? thinking.text : '', turn.model),
      ]);
      const reasoning = thinking.kind === 'text' ? thought.tokens : thinking.kind === 'unknown' ? null : undefined;
      const exact = prompt.exact && ctx.exact && output.exact && thought.exact;
      const event: UsageEvent = {
        ...this.event(turn, prompt.tokens, context.recordedTokens + ctx.tokens, output.tokens, exact, reasoning),
        ...(verdict.incomplete ? { incomplete: true } : {}),
      };
      noteRoleReadings(store, rolesOf(turn));
      if (verdict.reason !== 'no-reply') this.noteCacheWritten(turn, endedAt);
      if (turn.kind === 'chat') this.addToLedger(turn, prompt.tokens, output.tokens, replyText);
      this.deps.ended(turn);
      await this.deps.record(event);
      store.set((s) => ({ turns: { ...s.turns, recorded: s.turns.recorded + 1, lastDetectedBy: event.detectedBy ?? null } }));
    } catch (error) {
      reportError(error);
      this.deps.ended(turn);
    }
  }

  /** The conversation whose prompt cache the turn uses, or null where no published cache rule applies. */
  private cacheKey(turn: Turn): string | null {
    const chat = turn.kind === 'chat' && promptCacheApplies(this.deps.store.get().host, turn.model.provider);
    return chat ? conversationKeyOf(location.href) : null;
  }

  /** A Claude chat's reply ended: its conversation is cached from now (a regeneration restarts it). */
  private noteCacheWritten(turn: Turn, endedAt: number): void {
    const key = this.cacheKey(turn);
    if (key) this.deps.store.set((s) => ({ cacheEnds: noteReplyEnded(s.cacheEnds, key, endedAt) }));
  }

  /** The part of the turn's context read from the prompt cache. */
  private cacheRead(turn: Turn, contextTokens: number): number {
    const key = this.cacheKey(turn);
    const { cacheEnds, settings } = this.deps.store.get();
    return key ? cachedContextTokens(cacheEnds, { conversation: key, sentAt: turn.startedAt, contextTokens, newBranch: !turn.mainComposer }, settings?.cacheTtlMinutes) : 0;
  }

  private addToLedger(turn: Turn, promptTokens: number, outputTokens: number, replyText: string): void {
    const { userTurn, replyEls } = turn.page;
    addLedgerTurn(location.href, {
      promptTokens,
      attachmentTokens: turn.attachmentTokens,
      outputTokens,
      promptTexts: [turn.promptText, userTurn ? readRenderedText(userTurn) : ''],
      replyText,
      promptElements: userTurn ? [userTurn] : [],
      replyElements: replyEls,
      replacesLast: turn.trigger === 'regenerate',
    });
    if (userTurn) this.deps.ledgered(userTurn);
  }

  private async count(text: string, model: ModelInfo): Promise<Counted> {
    if (!text.trim()) return { tokens: 0, exact: model.exact };
    // Counting goes through the background; a worker stopped mid-count must not lose the turn.
    const result = await retryWithBackoff(() => this.deps.count(text, model), { firstMs: 400, maxMs: 6_400, attempts: 6 });
    return { tokens: result.tokens, exact: result.exact };
  }

  private event(turn: Turn, promptTokens: number, contextTokens: number, outputTokens: number, exact: boolean, reasoning?: number | null): UsageEvent {
    const files = turn.attachmentTokens;
    const cacheReadTokens = this.cacheRead(turn, contextTokens);
    const cost = billedCostUsd(turn.model, { inputTokens: promptTokens + files + contextTokens, cacheReadTokens, outputTokens: outputTokens + (reasoning ?? 0) });
    return {
      id: turn.id,
      time: turn.startedAt,
      site: location.hostname,
      provider: turn.model.provider,
      model: turn.model.id,
      promptTokens,
      contextTokens,
      ...(files > 0 ? { attachmentTokens: files } : {}),
      ...(cacheReadTokens > 0 ? { cacheReadTokens } : {}),
      outputTokens,
      ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}),
      costUsd: cost,
      priceDate: cost === null ? null : PRICE_DATA_DATE,
      exact,
      kind: turn.kind,
      detectedBy: detectedBy(turn),
    };
  }
}

/** How each role was read, for the page's site health (a regeneration had no send to read). */
function rolesOf(turn: Turn): Partial<Record<Role, Reading>> {
  const roles: Partial<Record<Role, Reading>> = {
    send: turn.trigger === 'regenerate' ? undefined : turn.by,
    userMessage: turn.page.userBy ?? 'none',
    reply: turn.page.replyBy ?? 'none',
    finished: turn.machine.finishedBy ?? 'none',
  };
  return Object.fromEntries(Object.entries(roles).filter(([, v]) => v !== undefined));
}
