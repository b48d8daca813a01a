import type { Settings } from '@/utils/core/settings/settings-schema';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { getModel, resolveModel, unknownModel } from '@/utils/core/models/model-registry';
import { pageModelChoice, type ModelReading } from '@/utils/core/models/model-labels';
import type { AiFeatureId } from '@/utils/core/clay/credit-rules';
import { createStore, type Store } from '@/utils/core/page/store';
import type { Attachment } from '@/utils/core/attachments/attachment';
import type { MeterWindow } from '@/utils/core/meters/meter-types';
import type { CacheLedger } from '@/utils/core/cache/prompt-cache';

/**
 * One page's state, in one small store: what the readers found on the page (fields, the model
 * picker's label, Clay's rows), what the counters counted, which detection layer reads the page
 * and since when. The badge and the Clay estimate render from it; the turn tracker and Clay run
 * logging read from it. Nothing here is persisted, and no prompt text is kept in it.
 */

/** Which layer found something: the site's adapter selectors, or the selector-free fallback. */
/** The page's colour scheme around a field, which the badge follows. */
export type Theme = 'light' | 'dark';

export type Layer = 'adapter' | 'fallback';
/** How a page (or one role on it) is read right now. */
export type Reading = Layer | 'none';

/** One prompt field's count, as its badge shows it. */
export interface FieldState {
  state: 'loading' | 'ready' | 'error';
  /** Shown in the error state, e.g. "Can't read this field". */
  error?: string;
  tokens: number;
  exact: boolean;
  /** A newer count is on its way (large pastes). */
  counting: boolean;
  /** Set when `tokens` is the provider's own count (opt-in exact Claude counts): where it came from. */
  exactSource: string | null;
  /** Why an opt-in exact count is missing (the estimate stays), or null. */
  exactNote: string | null;
  theme: Theme;
  /** Found by the adapter's composer selectors, or as the field the user focused or typed in. */
  foundBy: Layer;
}

export const NEW_FIELD: FieldState = {
  state: 'loading',
  tokens: 0,
  exact: false,
  counting: false,
  exactSource: null,
  exactNote: null,
  theme: 'light',
  foundBy: 'adapter',
};

export interface ClayRunLog {
  status: 'idle' | 'logging' | 'logged' | 'failed';
  auto: boolean;
  credits: number;
  costUsd: number | null;
  at: number | null;
  error?: string;
}

/** What the Clay run estimate reads from the page and what the user typed over it. */
export interface ClayInputs {
  /** The table's row count as the page shows it, or null. */
  pageRows: number | null;
  /** Rows the user typed (wins over the page's), or null. */
  typedRows: number | null;
  referenceCount: number;
  detectedFeature: AiFeatureId;
  chosenFeature: AiFeatureId | null;
  /** null: the settings' average. */
  avgReferenceTokens: number | null;
  /** undefined: the settings' average; null: the model's maximum output. */
  avgOutputTokens: number | null | undefined;
  /** null: the settings' own-key default for the model's provider. */
  ownKey: boolean | null;
  log: ClayRunLog;
}

export const NO_CLAY_INPUTS: ClayInputs = {
  pageRows: null,
  typedRows: null,
  referenceCount: 0,
  detectedFeature: 'use-ai',
  chosenFeature: null,
  avgReferenceTokens: null,
  avgOutputTokens: undefined,
  ownKey: null,
  log: { status: 'idle', auto: false, credits: 0, costUsd: null, at: null },
};

/** The roles site health reports on (see site-health.ts). */
export type HealthRole = 'composer' | 'send' | 'userMessage' | 'reply' | 'finished' | 'model';

export interface SiteHealth {
  /** Adapter: its selectors read the page; fallback: the selector-free layer does; none: nothing read yet. */
  reading: Reading;
  /** When `reading` last changed (epoch ms). */
  since: number;
  /** How each role was last read. */
  roles: Partial<Record<HealthRole, Reading>>;
}

export interface PageState {
  adapter: SiteAdapter;
  host: string;
  settings: Settings | null;
  /** Prompt fields by id (see BadgeSession). */
  fields: Readonly<Record<string, FieldState>>;
  /** The field the user last typed in. */
  activeFieldId: string | null;
  /** The model picker as the page shows it: its raw label and what it names (a model, a mode, or nothing known). */
  pageModel: { label: string | null; reading: ModelReading | null };
  /** Chat sites: tokens of the conversation an API call would re-read (null: not counted yet). */
  conversation: { tokens: number; exact: boolean } | null;
  /** Files attached to the composer and not sent yet (names and counts only, never content). */
  attachments: readonly Attachment[];
  clay: ClayInputs;
  health: SiteHealth;
  turns: { active: number; recorded: number; lastDetectedBy: Layer | null };
  /** The site's own usage meter as this page last read it (claude.ai's session and weekly windows); the badge shows it. */
  meters?: { windows: MeterWindow[]; readAt: number } | null;
  /** When each conversation's last reply ended, for its prompt cache (utils/core/cache/prompt-cache.ts). */
  cacheEnds: CacheLedger;
  /** When the prompt cache of the conversation on screen expires while it is warm (epoch ms), else null. */
  cacheExpiresAt: number | null;
}

export type PageStore = Store<PageState>;

export function createPageStore(adapter: SiteAdapter, host: string, now = Date.now()): PageStore {
  return createStore<PageState>({
    adapter,
    host,
    settings: null,
    fields: {},
    activeFieldId: null,
    pageModel: { label: null, reading: null },
    conversation: null,
    attachments: [],
    clay: NO_CLAY_INPUTS,
    health: { reading: 'none', since: now, roles: {} },
    turns: { active: 0, recorded: 0, lastDetectedBy: null },
    cacheEnds: {},
    cacheExpiresAt: null,
  });
}

export interface ModelChoice {
  model: ModelInfo | null;
  /** Where the model came from. */
  source: 'override' | 'page' | 'default';
  /** The model the page names or its mode maps to ('unknown' for a label nothing could read), or null. */
  pageModelId: string | null;
  /** The picker's label as the page shows it ("Sonnet 5", "Pro"), even when not recognised. */
  pageLabel: string | null;
  /** When the model is not simply what the page shows: why ("The page shows a thinking effort…"). */
  note: string | null;
  overrideId: string | null;
}

let lastChoice: { settings: Settings | null; pageModel: PageState['pageModel']; adapter: SiteAdapter; host: string; choice: ModelChoice } | null = null;

/** The model in effect on this page: the user's pick for the site, else the page's, else the site default. */
export function chooseModel(state: PageState): ModelChoice {
  const { settings, pageModel, adapter, host } = state;
  if (lastChoice && lastChoice.settings === settings && lastChoice.pageModel === pageModel && lastChoice.adapter === adapter && lastChoice.host === host) {
    return lastChoice.choice;
  }
  const site = settings ? siteSettingsFor(settings, host) : null;
  const resolve = (id: string | null | undefined) => (id && settings ? (resolveModel(id, settings) ?? null) : null);
  const overrideId = site?.modelOverride ?? null;
  const page = pageModel.reading ? pageModelChoice(pageModel.reading) : null;
  const pageModelId = pageModel.reading ? (page?.id ?? 'unknown') : null;
  const common = { pageModelId, pageLabel: pageModel.label, overrideId };
  const override = resolve(overrideId);
  // A label nothing could read counts with the provider's usual tokenizer and no price, never another model's.
  const fromPage = page ? (page.id ? resolve(page.id) : unknownModel(adapter.provider, pageModel.label ?? '')) : null;
  const choice: ModelChoice = override
    ? { model: override, source: 'override', ...common, note: page?.note ? `Your pick for this site (the page shows "${pageModel.label}").` : null }
    : fromPage
      ? { model: fromPage, source: 'page', ...common, note: page?.note ?? null }
      : { model: resolve(site?.defaultModel) ?? resolve(adapter.defaultModel) ?? getModel(adapter.defaultModel) ?? null, source: 'default', ...common, note: null };
  lastChoice = { settings, pageModel, adapter, host, choice };
  return choice;
}

/** The active field's count (or the first field's): what "the prompt" is on this page. */
export function promptCount(state: PageState): FieldState | null {
  const id = state.activeFieldId && state.fields[state.activeFieldId] ? state.activeFieldId : Object.keys(state.fields)[0];
  return id ? (state.fields[id] ?? null) : null;
}
