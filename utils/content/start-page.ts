import type { Settings, SiteSettings } from '@/utils/core/settings/settings-schema';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import { loadSettings, updateSiteSettings, watchSettings } from '@/utils/content/settings-client';
import { getModel, listModels } from '@/utils/core/models/model-registry';
import { createLiveCounter, prewarmTokenizer } from '@/utils/content/counting/live-counter';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { BadgeActions, BadgeRenderer } from '@/utils/core/page/badge-contract';
import { detectFeature, readPageRowCount, readReferenceCount } from '@/utils/content/clay/clay-page';
import { BadgeSession, type SessionContext } from '@/utils/content/badge/badge-session';
import { editingHostOf } from '@/utils/content/page/editor-text';
import { findFields } from '@/utils/content/page/find-fields';
import { guard, reportError } from '@/utils/content/page/guard';
import { fallbackModelLabel, modelLabelFromUrl, readPageModel, readPageModelLabel } from '@/utils/content/page/page-model';
import { closestOfList } from '@/utils/content/page/dom-query';
import { composerContainerOf } from '@/utils/content/page/fallback-composer';
import { watchPage } from '@/utils/content/page/page-watcher';
import { chooseModel, createPageStore, type PageState, type PageStore } from '@/utils/core/page/page-state';
import { conversationContext } from '@/utils/content/page/conversation-context';
import { copyDiagnostics } from '@/utils/content/page/diagnostics';
import { noteRoleReading } from '@/utils/core/page/site-health';

/** How often the selector-free model reading may run (it reads every menu button's text). */
const FALLBACK_MODEL_EVERY_MS = 2000;

export interface PageController {
  store: PageStore;
  /** Called by the turn tracker for a manual Clay "Log this run". */
  setLogThisRun(run: () => void): void;
  stop(): void;
}

/**
 * Runs one page: finds prompt fields (adapter selectors, then whichever field gets focus or
 * input when those find nothing), keeps one BadgeSession per field, reads the page's model
 * picker (and Clay's rows and references), counts the conversation while a badge is open,
 * and keeps all of it in the page store.
 */
export function startPage(adapter: SiteAdapter, host: string, renderer: BadgeRenderer): PageController {
  const store = createPageStore(adapter, host);
  const sessions = new Map<HTMLElement, BadgeSession>();
  const fallbackFields = new Set<HTMLElement>();
  // Only the prompt field is typed in: its counter fetches likely next keystrokes ahead.
  const promptCounter = createLiveCounter(undefined, { predictKeystrokes: true });
  const conversationCounter = createLiveCounter();
  let openPanels = 0;
  let conversationKey: string | null = null;
  let conversationBusy = false;
  let adapterFieldsFound = false;
  let stopped = false;
  let models: ModelInfo[] | null = null;
  let logThisRun: () => void = () => {};
  let lastFallbackModelAt = 0;
  let lastFallbackModel: string | null = null;
  let lastFallbackBox: Element | null = null;
  let fallbackModelTimer: ReturnType<typeof setTimeout> | undefined;

  /** The box around the field the user works in (adapter's container, else the one holding its buttons). */
  function composerBox(): Element | null {
    const state = store.get();
    const active = [...sessions.values()].find((s) => s.id === state.activeFieldId) ?? sessions.values().next().value;
    if (!active) return null;
    return closestOfList(active.field, adapter.selectors.composerContainer) ?? composerContainerOf(active.field);
  }

  const site = (state: PageState = store.get()): SiteSettings | null => (state.settings ? siteSettingsFor(state.settings, host) : null);
  const showing = () => {
    const s = site();
    return !!s && s.enabled && !s.badgeHidden;
  };

  // The background applies it to this site's entry (the sender's) and validates the whole document.
  const changeSite = (patch: Parameters<typeof updateSiteSettings>[0]) =>
    updateSiteSettings(patch).then((result) => {
      if (!result.ok) reportError(new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')));
    });

  const actions: BadgeActions = {
    onPickModel: guard((id: string | null) => changeSite({ modelOverride: id })),
    onOutputTokens: guard((tokens: number) => changeSite({ projectedOutputTokens: tokens })),
    onHide: guard(() => {
      const settings = store.get().settings;
      if (settings) store.set({ settings: { ...settings, sites: { ...settings.sites, [host]: { ...siteSettingsFor(settings, host), badgeHidden: true } } } });
      detachAll();
      return changeSite({ badgeHidden: true });
    }),
    onOpenChange: guard((open: boolean) => {
      openPanels = Math.max(0, openPanels + (open ? 1 : -1));
      if (open) refreshConversation();
    }),
    onCopyDiagnostics: () => copyDiagnostics(store.get()),
    clay: {
      setInputs: (patch) => store.set((s) => ({ clay: { ...s.clay, ...patch } })),
      logThisRun: () => logThisRun(),
    },
  };

  const ctx: SessionContext = {
    store,
    actions,
    renderer,
    models: () => (models ??= listModels()),
    count: async (text, model) => {
      const result = await promptCounter.count(text, model);
      return { tokens: result.tokens, exact: result.exact };
    },
    countNow: (text, model) => {
      const result = promptCounter.countNow(text, model);
      return result && { tokens: result.tokens, exact: result.exact };
    },
    onActivity: (session) => {
      if (store.get().activeFieldId !== session.id) store.set({ activeFieldId: session.id });
    },
  };

  function detachAll(): void {
    for (const session of sessions.values()) session.destroy();
    sessions.clear();
    fallbackFields.clear();
    openPanels = 0;
  }

  function attach(field: HTMLElement, foundBy: 'adapter' | 'fallback'): BadgeSession {
    let session = sessions.get(field);
    if (!session) {
      session = new BadgeSession(field, ctx, foundBy);
      sessions.set(field, session);
      warmUp();
    }
    return session;
  }

  /**
   * Loads the tokenizer in the background before the first keystroke needs it: once when the
   * first field appears, and again on focus (Chrome drops an idle service worker, and its
   * tokenizers, after ~30 s).
   */
  function warmUp(): void {
    const model = chooseModel(store.get()).model ?? getModel(adapter.defaultModel);
    if (model) void prewarmTokenizer(model.tokenizer);
  }

  function refreshConversation(): void {
    if (adapter.kind !== 'chat' || openPanels === 0 || conversationBusy) return;
    const { model } = chooseModel(store.get());
    if (!model) return;
    const { recordedTokens, visibleText } = conversationContext(adapter, location.href);
    const key = `${model.id}\u0000${recordedTokens}\u0000${visibleText}`;
    if (key === conversationKey) return;
    conversationBusy = true;
    const done = (tokens: number, exact: boolean) => {
      conversationKey = key;
      conversationBusy = false;
      store.set({ conversation: { tokens: recordedTokens + tokens, exact: exact && recordedTokens === 0 } });
    };
    if (!visibleText) return done(0, model.exact);
    conversationCounter
      .count(visibleText, model)
      .then((r) => done(r.tokens, r.exact))
      .catch((error) => {
        conversationBusy = false;
        reportError(error);
      });
  }

  function readPage(): void {
    let label = modelLabelFromUrl(adapter, location.href) ?? readPageModelLabel(adapter);
    let by: 'adapter' | 'fallback' | 'none' = label === null ? 'none' : 'adapter';
    if (label === null) {
      // Looked for without selectors at most every few seconds (it reads every menu button's
      // text), and at once when the composer's box changes (the first field found: a mode shows
      // only inside it). A throttled look is made later, not skipped: a page that stops changing
      // (typing into a textarea changes no DOM) would otherwise keep a reading taken before its
      // composer was found.
      const now = Date.now();
      const box = composerBox();
      const wait = FALLBACK_MODEL_EVERY_MS - (now - lastFallbackModelAt);
      if (wait <= 0 || box !== lastFallbackBox) {
        lastFallbackModelAt = now;
        lastFallbackBox = box;
        lastFallbackModel = fallbackModelLabel(adapter, host, box);
      } else if (fallbackModelTimer === undefined) {
        fallbackModelTimer = setTimeout(
          guard(() => {
            fallbackModelTimer = undefined;
            if (!stopped) readPage();
          }),
          wait,
        );
      }
      label = lastFallbackModel;
      if (label !== null) by = 'fallback';
    }
    if (label !== store.get().pageModel.label) store.set({ pageModel: { label, reading: readPageModel(label, adapter, host) } });
    noteRoleReading(store, 'model', by);
    if (adapter.kind === 'clay') {
      const clay = store.get().clay;
      const pageRows = readPageRowCount(adapter);
      const referenceCount = readReferenceCount(adapter);
      const detectedFeature = detectFeature(adapter);
      if (pageRows !== clay.pageRows || referenceCount !== clay.referenceCount || detectedFeature !== clay.detectedFeature) {
        store.set({ clay: { ...clay, pageRows, referenceCount, detectedFeature } });
      }
    }
  }

  function scan(): void {
    if (stopped || !store.get().settings) return;
    if (!showing()) {
      if (sessions.size) detachAll();
      return;
    }
    readPage();
    const found = findFields(adapter);
    adapterFieldsFound = found.length > 0;
    const keep = new Set<HTMLElement>(found);
    for (const field of fallbackFields) {
      if (field.isConnected) keep.add(field);
      else fallbackFields.delete(field);
    }
    for (const [field, session] of sessions) {
      if (!keep.has(field) || !field.isConnected) {
        session.destroy();
        sessions.delete(field);
      }
    }
    for (const field of keep) attach(field, found.includes(field) ? 'adapter' : 'fallback');
    for (const session of sessions.values()) session.maintain();
    noteRoleReading(store, 'composer', adapterFieldsFound ? 'adapter' : fallbackFields.size ? 'fallback' : 'none');
    refreshConversation();
  }

  /** The generic fallback: a field the user focuses or types in when the adapter finds none. */
  function fieldFromEvent(event: Event): HTMLElement | null {
    const target = event.composedPath()[0];
    return target instanceof Element ? editingHostOf(target) : null;
  }

  const onFocusIn = guard((event: FocusEvent) => {
    if (!store.get().settings || !showing()) return;
    const field = fieldFromEvent(event);
    if (!field || field.closest('tokentally-badge')) return;
    const session = sessions.get(field);
    if (session) {
      ctx.onActivity(session);
      warmUp();
      return;
    }
    if (adapterFieldsFound) return;
    fallbackFields.add(field);
    ctx.onActivity(attach(field, 'fallback'));
    noteRoleReading(store, 'composer', 'fallback');
  });

  const onInput = guard((event: Event) => {
    if (!store.get().settings || !showing()) return;
    const field = fieldFromEvent(event);
    if (!field) return;
    let session = sessions.get(field);
    // Typing into any other multi-line field (an "edit message" box, a redesigned composer)
    // makes it a prompt field too; merely focusing one only counts when the adapter found none.
    if (!session && !field.closest('tokentally-badge')) {
      fallbackFields.add(field);
      session = attach(field, 'fallback');
      if (!adapterFieldsFound) noteRoleReading(store, 'composer', 'fallback');
    }
    session?.onInput();
  });

  // Model, settings or the conversation changed: every field recounts (or re-asks exact counts).
  const stopRefresh = store.subscribe((state, previous) => {
    if (state.settings !== previous.settings || state.pageModel !== previous.pageModel) {
      for (const session of sessions.values()) session.refresh();
    }
    if (state.turns.recorded !== previous.turns.recorded) refreshConversation();
  });

  // Start loading the site's usual tokenizer while the page is still settling.
  warmUp();
  document.addEventListener('focusin', onFocusIn, true);
  document.addEventListener('input', onInput, true);
  const stopWatching = watchPage(scan);
  const stopSettings = watchSettings(
    guard((next: Settings) => {
      store.set({ settings: next });
      scan();
    }),
  );
  loadSettings()
    .then((loaded) => {
      if (!store.get().settings) store.set({ settings: loaded });
      scan();
    })
    .catch(reportError);

  return {
    store,
    setLogThisRun: (run) => {
      logThisRun = run;
    },
    stop: () => {
      stopped = true;
      if (fallbackModelTimer !== undefined) clearTimeout(fallbackModelTimer);
      document.removeEventListener('focusin', onFocusIn, true);
      document.removeEventListener('input', onInput, true);
      stopWatching();
      stopSettings();
      stopRefresh();
      detachAll();
    },
  };
}
