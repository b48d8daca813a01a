import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { Theme } from '@/utils/core/page/page-state';
import type { SiteHealth } from '@/utils/core/page/page-state';
import type { ClayRunView } from '@/utils/core/clay/clay-run-view';
import type { BadgeActions } from '@/utils/core/page/badge-contract';
import { ClayRunEstimate } from '@/components/clay/ClayRunEstimate';
import { SiteHealthNote } from '@/components/badge/SiteHealthNote';
import { countText, foldedText, formatBand, formatTokens, formatUsd } from '@/components/count-format';
import { OptionList } from '@/components/OptionList';

/** Everything the badge shows; computed from the page store by badge-view.ts. */
export interface BadgeView {
  state: 'loading' | 'ready' | 'error';
  /** Shown in the error state, e.g. "Can't read this field". */
  error?: string;
  tokens: number;
  exact: boolean;
  /** Set when `tokens` is the provider's own count (opt-in exact Claude counts): where it came from. */
  exactSource: string | null;
  /** Why an opt-in exact count is missing (the estimate stays), or null. */
  exactNote: string | null;
  /** A newer count is on its way (large pastes). */
  counting: boolean;
  model: ModelInfo | null;
  /** Where the model came from. */
  modelSource: 'override' | 'page' | 'default';
  /** Model id the page shows, if any. */
  pageModelId: string | null;
  /** The page picker's own label ("Sonnet 5", "Pro"), recognised or not. */
  pageLabel: string | null;
  /** When the model is not simply what the page shows (a mode mapped to a model, an unknown label): why. */
  modelNote: string | null;
  overrideId: string | null;
  models: ModelInfo[];
  inputCostUsd: number | null;
  projectedOutputTokens: number;
  projectedOutputCostUsd: number | null;
  /** Chat sites only: the visible conversation's tokens (null elsewhere or not counted yet). */
  conversation: { tokens: number; exact: boolean } | null;
  theme: Theme;
  adapter: SiteAdapter;
  /** Whether the page is read by its adapter, the fallback layer, or not at all, and since when. */
  health: SiteHealth;
  /** Clay pages: the run estimate (null elsewhere). */
  clay: ClayRunView | null;
}

type PanelPosition = { top?: number; bottom?: number; right: number };

function placePanel(anchor: Element): PanelPosition {
  const rect = anchor.getBoundingClientRect();
  const right = Math.max(4, window.innerWidth - rect.right);
  // Composers sit at the bottom of chat pages: open upwards when there is room.
  if (rect.top > 360) return { bottom: window.innerHeight - rect.top + 4, right };
  return { top: rect.bottom + 4, right };
}

export function Badge({ view, actions }: { view: BadgeView; actions: BadgeActions }) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<PanelPosition>({ right: 4, top: 0 });
  const chipRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const setOpenAndTell = (next: boolean, refocus = false) => {
    setOpen(next);
    actions.onOpenChange(next);
    if (!next && refocus) chipRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open) return;
    if (chipRef.current) setPosition(placePanel(chipRef.current));
    panelRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const reposition = () => chipRef.current && setPosition(placePanel(chipRef.current));
    const closeOnOutside = (event: PointerEvent) => {
      const host = chipRef.current?.getRootNode() instanceof ShadowRoot ? (chipRef.current.getRootNode() as ShadowRoot).host : null;
      if (host && !event.composedPath().includes(host)) setOpenAndTell(false);
    };
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    document.addEventListener('pointerdown', closeOnOutside, true);
    return () => {
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
      document.removeEventListener('pointerdown', closeOnOutside, true);
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpenAndTell(false, true);
    }
  };

  const label =
    view.state === 'loading'
      ? 'Counting tokens…'
      : view.state === 'error'
        ? view.error ?? "Can't read this field"
        : foldedText(view.tokens, view.exact, view.inputCostUsd, view.model?.band);
  const modelName = view.model?.label ?? 'unknown model';

  return (
    <div class={`tt ${view.theme}`} onKeyDown={onKeyDown}>
      <div class="row">
        <button
          ref={chipRef}
          type="button"
          class="chip"
          data-state={view.state}
          aria-expanded={open}
          aria-haspopup="dialog"
          title={view.state === 'ready' ? `${label} (${modelName}${view.exact ? '' : ', estimate'})` : label}
          aria-label={`TokenTally: ${label}. ${open ? 'Close' : 'Open'} details`}
          onClick={() => setOpenAndTell(!open, open)}
        >
          <span class="text">{label}</span>
          {view.counting && view.state === 'ready' ? <span class="busy" aria-hidden="true">…</span> : null}
        </button>
      </div>
      {open ? (
        <div
          ref={panelRef}
          class="panel"
          role="dialog"
          aria-label="TokenTally prompt details"
          tabIndex={-1}
          style={{ top: position.top, bottom: position.bottom, right: position.right }}
        >
          <Details view={view} actions={actions} />
          <div class="actions">
            <button type="button" onClick={actions.onHide}>
              Hide on this site
            </button>
            <button type="button" onClick={() => setOpenAndTell(false, true)}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Details({ view, actions }: { view: BadgeView; actions: BadgeActions }) {
  const { model } = view;
  return (
    <>
      <h2>{view.adapter.name} prompt</h2>
      {view.state === 'error' ? <p class="error">{view.error}</p> : null}
      <ModelPicker view={view} onPickModel={actions.onPickModel} />
      {view.modelNote ? (
        <p class="note" data-field="model-note">
          {view.modelNote}
        </p>
      ) : null}
      <PromptCosts view={view} onOutputTokens={actions.onOutputTokens} />
      {view.adapter.kind === 'chat' && model ? <ContextUse view={view} model={model} /> : null}
      {view.clay && model ? <ClayRunEstimate run={view.clay} actions={actions.clay} model={model} /> : null}
      <CountSource view={view} />
      <SiteHealthNote health={view.health} siteName={view.adapter.name} onCopyDiagnostics={actions.onCopyDiagnostics} />
    </>
  );
}

/** The picker's empty choice names the model used without an override, and where it came from. */
function defaultModelLabel(view: BadgeView): string {
  const pageModel = view.models.find((m) => m.id === view.pageModelId);
  if (pageModel) return `From page: ${pageModel.label}`;
  if (view.pageModelId === 'unknown') return `From page: unknown model ("${view.pageLabel}")`;
  return `Site default${view.modelSource === 'default' && view.model ? `: ${view.model.label}` : ''}`;
}

function ModelPicker({ view, onPickModel }: { view: BadgeView; onPickModel: BadgeActions['onPickModel'] }) {
  return (
    <label>
      Model
      <select
        aria-label="Model for this site"
        value={view.overrideId ?? ''}
        onChange={(e) => onPickModel((e.currentTarget as HTMLSelectElement).value || null)}
      >
        <option value="">{defaultModelLabel(view)}</option>
        <OptionList items={view.models} />
      </select>
    </label>
  );
}

/** The prompt's count and input cost, and the output cost projected for the chosen output length. */
function PromptCosts({ view, onOutputTokens }: { view: BadgeView; onOutputTokens: BadgeActions['onOutputTokens'] }) {
  const { model } = view;
  return (
    <>
      <dl>
        <dt>Prompt</dt>
        <dd data-field="prompt-tokens">
          {countText(view.tokens, view.exact, model?.band)} tokens
        </dd>
        <dt>Input cost</dt>
        <dd data-field="input-cost">{formatUsd(view.inputCostUsd)}</dd>
      </dl>
      <label>
        Max output tokens
        <input
          type="number"
          min={0}
          max={model?.maxOutput ?? 10_000_000}
          step={100}
          value={view.projectedOutputTokens}
          aria-label="Max output tokens for the projected output cost"
          onChange={(e) => {
            const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            if (Number.isFinite(n) && n >= 0) onOutputTokens(n);
          }}
        />
      </label>
      <dl>
        <dt>Projected output cost</dt>
        <dd data-field="output-cost">{formatUsd(view.projectedOutputCostUsd)}</dd>
      </dl>
    </>
  );
}

/** Chat sites: how much of the model's context window the conversation plus this prompt fills. */
function ContextUse({ view, model }: { view: BadgeView; model: ModelInfo }) {
  const conversationTokens = view.conversation?.tokens ?? 0;
  const used = conversationTokens + view.tokens;
  const fraction = model.contextWindow > 0 ? used / model.contextWindow : 0;
  return (
    <>
      <dl>
        <dt>Conversation</dt>
        <dd data-field="conversation-tokens">
          {view.conversation ? `${countText(conversationTokens, view.conversation.exact, model.band)} tokens` : 'counting…'}
        </dd>
      </dl>
      <div class="note">
        Context used: {formatTokens(used)} of {formatTokens(model.contextWindow)} ({(fraction * 100).toFixed(1)}%)
      </div>
      <div
        class={`bar${fraction >= 0.9 ? ' full' : ''}`}
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

function countSourceText(view: BadgeView): string {
  const { model } = view;
  if (view.exactSource) return `Exact count from the ${view.exactSource} (your key; this prompt was sent to Anthropic to count it).`;
  if (view.exact) return `Exact count with ${model?.label ?? 'the model'}'s tokenizer.`;
  return `Estimate${model?.band ? ` (${formatBand(model.band)})` : ''}: ${model?.label ?? 'this model'}'s tokenizer is not public, so the count is approximate.`;
}

function priceGapText(model: ModelInfo | null): string {
  if (model?.price) return '';
  return model && !model.inCatalog ? ' Not in the price list yet: price unknown.' : ' No known price for this model.';
}

/** How far to trust the count (exact, provider-counted or estimated) and the price. */
function CountSource({ view }: { view: BadgeView }) {
  return (
    <>
      <p class="note" data-field="count-source">
        {countSourceText(view)}
        {priceGapText(view.model)}
      </p>
      {view.exactNote ? (
        <p class="note" data-field="exact-note" role="status">
          {view.exactNote}
        </p>
      ) : null}
    </>
  );
}
