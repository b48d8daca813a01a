import type { Settings, SiteSettings } from '../settings/settings-schema';
import { siteSettingsFor } from '../settings/settings-schema';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store';
import { getModel, listModels, resolveModel } from '../models/model-registry';
import { costUsd } from '../models/cost';
import { createLiveCounter, prewarmTokenizer } from '../counting/live-counter';
import type { ModelInfo } from '../models/model-types';
import type { SiteAdapter } from '../sites/site-adapter';
import type { BadgeActions, BadgeView } from '@/components/badge/Badge';
import { BadgeSession, type SessionContext } from './badge-session';
import { editingHostOf } from './editor-text';
import { findFields } from './find-fields';
import { guard, reportError } from './guard';
import { detectPageModel } from './page-model';
import { watchPage } from './page-watcher';
import { readConversationText } from './conversation-text';

export interface BadgeManager {
  /** Model id in effect on this page (override > page > site default). */
  modelId(): string;
  /** Text of the field the user last typed in (or the first field), read as the site sends it. */
  promptText(): string;
  stop(): void;
}

interface ModelChoice {
  model: ModelInfo | null;
  source: BadgeView['modelSource'];
  pageModelId: string | null;
  overrideId: string | null;
}

/**
 * Runs the badges of one page: finds prompt fields (adapter selectors, then whichever
 * field gets focus when those find nothing), keeps one BadgeSession per field, follows
 * the page's model picker, and applies the user's per-site settings.
 */
export function startBadges(adapter: SiteAdapter, host: string): BadgeManager {
  const sessions = new Map<HTMLElement, BadgeSession>();
  const fallbackFields = new Set<HTMLElement>();
  // Only the prompt field is typed in: its counter fetches likely next keystrokes ahead.
  const promptCounter = createLiveCounter(undefined, { predictKeystrokes: true });
  const conversationCounter = createLiveCounter();
  let settings: Settings | null = null;
  let pageModelId: string | null = null;
  let active: BadgeSession | null = null;
  let openPanels = 0;
  let conversation: BadgeView['conversation'] = null;
  let conversationText: string | null = null;
  let conversationModel: string | null = null;
  let conversationBusy = false;
  let adapterFieldsFound = false;
  let stopped = false;
  let warmed = false;
  let models: ModelInfo[] | null = null;

  const site = (): SiteSettings | null => (settings ? siteSettingsFor(settings, host) : null);
  const showing = () => {
    const s = site();
    return !!s && s.enabled && !s.badgeHidden;
  };

  function chooseModel(): ModelChoice {
    const s = site();
    const resolve = (id: string | null | undefined) => (id && settings ? (resolveModel(id, settings) ?? null) : null);
    const overrideId = s?.modelOverride ?? null;
    const override = resolve(overrideId);
    if (override) return { model: override, source: 'override', pageModelId, overrideId };
    const fromPage = resolve(pageModelId);
    if (fromPage) return { model: fromPage, source: 'page', pageModelId, overrideId };
    const fallback = resolve(s?.defaultModel) ?? resolve(adapter.defaultModel) ?? getModel(adapter.defaultModel) ?? null;
    return { model: fallback, source: 'default', pageModelId, overrideId };
  }

  const changeSite = (patch: Partial<SiteSettings>) =>
    updateSettings((current) => ({
      ...current,
      sites: { ...current.sites, [host]: { ...siteSettingsFor(current, host), ...patch } },
    })).then((result) => {
      if (!result.ok) reportError(new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')));
    });

  const actions: BadgeActions = {
    onPickModel: guard((id: string | null) => changeSite({ modelOverride: id })),
    onOutputTokens: guard((tokens: number) => changeSite({ projectedOutputTokens: tokens })),
    onHide: guard(() => {
      if (settings) settings = { ...settings, sites: { ...settings.sites, [host]: { ...siteSettingsFor(settings, host), badgeHidden: true } } };
      detachAll();
      return changeSite({ badgeHidden: true });
    }),
    onOpenChange: guard((open: boolean) => {
      openPanels = Math.max(0, openPanels + (open ? 1 : -1));
      if (open) refreshConversation();
    }),
  };

  const ctx: SessionContext = {
    adapter,
    model: chooseModel,
    models: () => (models ??= listModels()),
    projectedOutputTokens: () => site()?.projectedOutputTokens ?? 1000,
    conversation: () => conversation,
    count: async (text, model) => {
      const result = await promptCounter.count(text, model);
      return { tokens: result.tokens, exact: result.exact };
    },
    countNow: (text, model) => {
      const result = promptCounter.countNow(text, model);
      return result && { tokens: result.tokens, exact: result.exact };
    },
    exactCountsOn: (model) => !!settings?.anthropicExactCounts && model.provider === 'anthropic',
    cost: (model, input, output) => costUsd(model, input, output),
    actions,
    onActivity: (session) => {
      active = session;
    },
  };

  function detachAll(): void {
    for (const session of sessions.values()) session.destroy();
    sessions.clear();
    fallbackFields.clear();
    active = null;
    openPanels = 0;
  }

  function attach(field: HTMLElement): BadgeSession {
    let session = sessions.get(field);
    if (!session) {
      session = new BadgeSession(field, ctx);
      sessions.set(field, session);
      if (!warmed) {
        warmed = true;
        warmUp();
      }
    }
    return session;
  }

  /**
   * Loads the tokenizer in the background before the first keystroke needs it: once when the
   * first field appears, and again on focus (Chrome drops an idle service worker, and its
   * tokenizers, after ~30 s).
   */
  function warmUp(): void {
    const model = chooseModel().model ?? getModel(adapter.defaultModel);
    if (model) void prewarmTokenizer(model.tokenizer);
  }

  function refreshConversation(): void {
    if (adapter.kind !== 'chat' || openPanels === 0 || conversationBusy) return;
    const { model } = chooseModel();
    if (!model) return;
    const text = readConversationText(adapter);
    if (text === conversationText && model.id === conversationModel) return;
    conversationBusy = true;
    const done = (value: BadgeView['conversation']) => {
      conversation = value;
      conversationText = text;
      conversationModel = model.id;
      conversationBusy = false;
      for (const session of sessions.values()) session.refresh();
    };
    if (!text) return done({ tokens: 0, exact: model.exact });
    conversationCounter
      .count(text, model)
      .then((r) => done({ tokens: r.tokens, exact: r.exact }))
      .catch((error) => {
        conversationBusy = false;
        reportError(error);
      });
  }

  function scan(): void {
    if (stopped || !settings) return;
    if (!showing()) {
      if (sessions.size) detachAll();
      return;
    }
    const nextPageModel = detectPageModel(adapter, (id) => !!getModel(id));
    const modelChanged = nextPageModel !== pageModelId;
    pageModelId = nextPageModel;

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
        if (active === session) active = null;
      }
    }
    for (const field of keep) attach(field);
    for (const session of sessions.values()) {
      session.maintain();
      if (modelChanged) session.refresh();
    }
    refreshConversation();
  }

  /** The generic fallback: a field the user focuses or types in when the adapter finds none. */
  function fieldFromEvent(event: Event): HTMLElement | null {
    const target = event.composedPath()[0];
    return target instanceof Element ? editingHostOf(target) : null;
  }

  const onFocusIn = guard((event: FocusEvent) => {
    if (!settings || !showing()) return;
    const field = fieldFromEvent(event);
    if (!field || field.closest('tokentally-badge')) return;
    const session = sessions.get(field);
    if (session) {
      active = session;
      warmUp();
      return;
    }
    if (adapterFieldsFound) return;
    fallbackFields.add(field);
    active = attach(field);
  });

  const onInput = guard((event: Event) => {
    if (!settings || !showing()) return;
    const field = fieldFromEvent(event);
    if (!field) return;
    let session = sessions.get(field);
    // Typing into any other multi-line field (an "edit message" box, a redesigned composer)
    // makes it a prompt field too; merely focusing one only counts when the adapter found none.
    if (!session && !field.closest('tokentally-badge')) {
      fallbackFields.add(field);
      session = attach(field);
    }
    session?.onInput();
  });

  // Start loading the site's usual tokenizer while the page is still settling.
  warmUp();
  warmed = true;
  document.addEventListener('focusin', onFocusIn, true);
  document.addEventListener('input', onInput, true);
  const stopWatching = watchPage(scan);
  const stopSettings = watchSettings(
    guard((next: Settings) => {
      settings = next;
      scan();
      for (const session of sessions.values()) session.refresh();
    }),
  );
  loadSettings()
    .then((loaded) => {
      settings ??= loaded;
      scan();
    })
    .catch(reportError);

  return {
    modelId: () => chooseModel().model?.id ?? adapter.defaultModel,
    promptText: () => {
      const session = active ?? sessions.values().next().value;
      try {
        return session ? session.readText() : '';
      } catch {
        return '';
      }
    },
    stop: () => {
      stopped = true;
      document.removeEventListener('focusin', onFocusIn, true);
      document.removeEventListener('input', onInput, true);
      stopWatching();
      stopSettings();
      detachAll();
    },
  };
}
