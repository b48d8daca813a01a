import { useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { PageState, SiteHealth, Theme } from '@/utils/core/page/page-state';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { BadgeActions, CountdownStore } from '@/utils/core/page/badge-contract';
import { CacheCountdown } from '@/components/badge/CacheCountdown';
import { SiteSection } from '@/components/badge/site-section';
import { SiteHealthNote } from '@/components/badge/SiteHealthNote';
import type { Attachment } from '@/utils/core/attachments/attachment';
import { AttachmentBreakdown } from '@/components/badge/AttachmentBreakdown';
import type { WindowView } from '@/utils/core/meters/plan-limits';
import { costText, countText, foldedText, formatBand } from '@/components/count-format';
import { ModelPicker } from '@/components/badge/ModelPicker';
import { ContextUse, windowText, type ContextView } from '@/components/badge/ContextUse';
import { MeterDetails, MeterStrip } from '@/components/badge/MeterStrip';
import { HideNotice } from '@/components/badge/HideNotice';
import { panelPositionFor, type PanelPosition } from '@/components/badge/panel-place';
import { usePanelDismiss } from '@/components/badge/use-panel-dismiss';

/** Everything the badge shows; computed from the page store by badge-view.ts. */
export interface BadgeView {
  state: 'loading' | 'ready' | 'error';
  /** Shown in the error state, e.g. "Can't read this field". */
  error?: string;
  /** The whole turn: the prompt plus the attached files. */
  tokens: number;
  /** The typed prompt alone. */
  promptTokens: number;
  /** Files attached to the composer (their counts, or why not counted). */
  attachments: readonly Attachment[];
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
  /** The chip shows the cost beside the count (the site's setting). */
  showCost: boolean;
  projectedOutputTokens: number;
  projectedOutputCostUsd: number | null;
  /** Chat sites only: the visible conversation's tokens (null elsewhere or not counted yet). */
  conversation: { tokens: number; exact: boolean } | null;
  theme: Theme;
  adapter: SiteAdapter;
  /** Whether the page is read by its adapter, the fallback layer, or not at all, and since when. */
  health: SiteHealth;
  /** Clay pages: what the run estimate is made from (null elsewhere). */
  clay: { inputs: PageState['clay']; settings: Settings; promptTokens: number } | null;
  host: string;
  /** A subscription chat: its costs are what the same tokens would cost on the API, and say so. */
  apiEquivalent: boolean;
  /** Conversation plus prompt against the app's (or the API's) context window; null without a model. */
  context: ContextView | null;
  /** The site's own plan windows as this page last read them (claude.ai), fullest reading first. */
  meters: WindowView[];
}

/** The chip's words: the count and cost, and "over context" when the prompt no longer fits. */
function chipLabel(view: BadgeView): string {
  if (view.state === 'loading') return 'Counting tokens…';
  if (view.state === 'error') return view.error ?? "Can't read this field";
  const text = foldedText(view.tokens, view.exact, view.showCost ? view.inputCostUsd : 'hidden', view.model?.band, view.apiEquivalent);
  if (view.context?.level === 'over') return `${text} · over context`;
  return view.context?.level === 'full' ? `${text} · context ${Math.floor((view.context.used / view.context.window.tokens) * 100)}% full` : text;
}

function chipTitle(view: BadgeView, label: string): string {
  if (view.state !== 'ready') return label;
  const context = view.context ? `; context ${Math.round((view.context.used / view.context.window.tokens) * 100)}% ${windowText(view.context.window)}` : '';
  return `${label} (${view.model?.label ?? 'unknown model'}${view.exact ? '' : ', estimate'}${context})`;
}

export function Badge({ view, actions, countdown }: { view: BadgeView; actions: BadgeActions; countdown?: CountdownStore }) {
  const [open, setOpen] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [position, setPosition] = useState<PanelPosition>({ right: 4, top: 0, maxHeight: 400 });
  const chipRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const setOpenAndTell = (next: boolean, refocus = false) => {
    setOpen(next);
    actions.onOpenChange(next);
    if (!next && refocus) chipRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open) return;
    if (chipRef.current) setPosition(panelPositionFor(chipRef.current));
    panelRef.current?.focus();
  }, [open]);

  usePanelDismiss(
    open,
    chipRef,
    (refocus) => setOpenAndTell(false, refocus),
    () => chipRef.current && setPosition(panelPositionFor(chipRef.current)),
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpenAndTell(false, true);
    }
  };

  const label = chipLabel(view);
  if (hiding) {
    return (
      <div class={`tt ${view.theme}`}>
        <div class="row">
          <HideNotice
            host={view.host}
            onUndo={() => {
              setHiding(false);
              setTimeout(() => chipRef.current?.focus(), 0);
            }}
            onCommit={actions.onHide}
          />
        </div>
      </div>
    );
  }

  return (
    <div class={`tt ${view.theme}`} onKeyDown={onKeyDown}>
      <div class="row">
        <MeterStrip windows={view.meters} siteName={view.adapter.name} />
        {countdown ? <CacheCountdown store={countdown} /> : null}
        <button
          ref={chipRef}
          type="button"
          class="chip"
          data-state={view.state}
          data-context={view.state === 'ready' ? (view.context?.level ?? 'ok') : undefined}
          aria-expanded={open}
          aria-haspopup="dialog"
          title={chipTitle(view, label)}
          aria-label={`TokenTally: ${label}. ${open ? 'Close' : 'Open'} details`}
          onClick={() => setOpenAndTell(!open, open)}
        >
          <span class="text">{label}</span>
          {view.counting && view.state === 'ready' ? <span class="busy" aria-hidden="true">…</span> : null}
        </button>
      </div>
      {open ? (
        <DetailsPanel
          panelRef={panelRef}
          position={position}
          view={view}
          actions={actions}
          onHide={() => {
            setOpenAndTell(false);
            setHiding(true);
          }}
          onClose={() => setOpenAndTell(false, true)}
        />
      ) : null}
    </div>
  );
}

function DetailsPanel(props: {
  panelRef: RefObject<HTMLDivElement>;
  position: PanelPosition;
  view: BadgeView;
  actions: BadgeActions;
  onHide: () => void;
  onClose: () => void;
}) {
  const { position } = props;
  return (
    <div
      ref={props.panelRef}
      class="panel"
      role="dialog"
      aria-label="TokenTally prompt details"
      tabIndex={-1}
      style={{ top: position.top, bottom: position.bottom, right: position.right, maxHeight: position.maxHeight }}
    >
      <Details view={props.view} actions={props.actions} />
      <div class="actions">
        <button type="button" onClick={props.onHide}>
          Hide on this site
        </button>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function Details({ view, actions }: { view: BadgeView; actions: BadgeActions }) {
  const { model } = view;
  const Section = useContext(SiteSection);
  return (
    <>
      <h2>{view.adapter.name} prompt</h2>
      {view.state === 'error' ? <p class="error">{view.error}</p> : null}
      <MeterDetails windows={view.meters} siteName={view.adapter.name} />
      <ModelPicker view={view} onPickModel={actions.onPickModel} />
      {view.modelNote ? (
        <p class="note" data-field="model-note">
          {view.modelNote}
        </p>
      ) : null}
      <PromptCosts view={view} onOutputTokens={actions.onOutputTokens} />
      <AttachmentBreakdown view={view} />
      {view.adapter.kind === 'chat' && model && view.context ? <ContextUse context={view.context} conversation={view.conversation} model={model} /> : null}
      {Section ? <Section view={view} actions={actions} /> : null}
      <CountSource view={view} />
      <SiteHealthNote health={view.health} siteName={view.adapter.name} onCopyDiagnostics={actions.onCopyDiagnostics} />
    </>
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
        <dd data-field="input-cost">{costText(view.inputCostUsd, view.apiEquivalent)}</dd>
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
        <dd data-field="output-cost">{costText(view.projectedOutputCostUsd, view.apiEquivalent)}</dd>
      </dl>
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
      {view.apiEquivalent ? (
        <p class="note" data-field="api-equivalent">
          Costs are API-equivalent: what these tokens would cost on the provider's API. Your subscription is not charged per prompt.
        </p>
      ) : null}
      {view.exactNote ? (
        <p class="note" data-field="exact-note" role="status">
          {view.exactNote}
        </p>
      ) : null}
    </>
  );
}
