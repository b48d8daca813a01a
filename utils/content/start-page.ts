import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import { getModel, listModels } from '@/utils/core/models/model-registry';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { BadgeActions, BadgeRenderer, CountdownStore } from '@/utils/core/page/badge-contract';
import { chooseModel, createPageStore, type PageStore } from '@/utils/core/page/page-state';
import { createPageServices, type PageServices } from '@/utils/content/page-services';
import { prewarmTokenizer } from '@/utils/content/counting/live-counter';
import { throttledWatch } from '@/utils/content/page/page-changes';
import { guard, reportError } from '@/utils/content/page/guard';
import { requestSettings, updateSiteSettings, watchSettingsChanges, type SiteSettingsPatch } from '@/utils/content/settings/settings-client';
import type { SessionContext } from '@/utils/content/badge/badge-session';
import { FieldBadges } from '@/utils/content/badge/field-badges';
import { createBadgeActions } from '@/utils/content/badge/badge-actions';
import { ModelReader } from '@/utils/content/model-reader';
import { ConversationCount } from '@/utils/content/conversation-count';
import type { ClayRunTracking } from '@/utils/content/recording/clay-runs';
import { startTurnTracking } from '@/utils/content/recording/turn-tracker';
import { startSiteMeters } from '@/utils/content/meters/start-site-meters';
import { reportSiteHealth } from '@/utils/content/site-health-reporter';
import { AttachmentTracker, chipArea } from '@/utils/content/attachments/attachment-tracker';
import { captureFiles } from '@/utils/content/attachments/file-capture';
import { CacheClock } from '@/utils/content/cache-clock';

/**
 * What only some sites' content scripts bring (Clay's page reader and run recording ship in
 * Clay's own content script, entrypoints/clay.content.ts, not in every chat page's).
 */
export interface PageFeatures {
  clay?: {
    readPage(adapter: SiteAdapter, store: PageStore): void;
    startRuns(services: PageServices): ClayRunTracking;
  };
}

/**
 * The content script's composition root. It owns the page store and the page's shared services
 * (one set of listeners, one observer, one timer, the counters: page-services.ts) and hands them
 * to each feature: the badges on the prompt fields, the model and Clay readers, the conversation
 * count, recording (turns and Clay runs), the sites' meters and site health. The features read
 * the store and each other's results from it; none builds listeners, pollers or counters of its
 * own. Returns the function that stops all of it.
 */
export function startPage(adapter: SiteAdapter, host: string, renderer: BadgeRenderer, features: PageFeatures = {}): () => void {
  const store = createPageStore(adapter, host);
  const services = createPageServices(store);
  // A site the user added from the popup gets the badge; recording needs a site's adapter.
  const records = adapter.id !== 'generic';
  const clayRuns = records && features.clay ? features.clay.startRuns(services) : null;
  const conversation = new ConversationCount(services, adapter);
  const showing = () => badgeShowing(store.get().settings, host);
  const detachAll = () => {
    fields.detachAll();
    conversation.reset();
  };
  const actions = createBadgeActions({
    store,
    host,
    detachAll,
    panelOpened: (open) => conversation.panelOpened(open),
    logClayRun: () => clayRuns?.logThisRun(),
    changeSite,
  });
  const warmUp = () => warmUpTokenizer(store, adapter);
  const cache = new CacheClock(services);
  const fields = new FieldBadges(services, adapter, sessionContext(services, actions, renderer, cache.countdown), showing, warmUp);
  const model = new ModelReader(services, adapter, host, () => fields.composerBox());
  const files = new AttachmentTracker(store, (text, m) => services.counters.text.count(text, m));

  const scan = guard(() => {
    if (!store.get().settings) return;
    if (!showing()) return detachAll();
    model.read();
    if (adapter.kind === 'clay') features.clay?.readPage(adapter, store);
    fields.scan();
    conversation.refresh();
    cache.refresh();
    if (store.get().attachments.length) files.checkChips(chipArea(fields.composerBox()));
  });
  const stops = [
    () => services.stop(),
    () => fields.stop(),
    () => model.stop(),
    () => clayRuns?.stop(),
    () => cache.stop(),
    store.subscribe((state, previous) => {
      if (state.settings !== previous.settings || state.pageModel !== previous.pageModel) {
        fields.refresh();
        files.refresh();
      }
      if (state.turns.recorded !== previous.turns.recorded) conversation.refresh();
      if (state.cacheEnds !== previous.cacheEnds || state.settings !== previous.settings || state.pageModel !== previous.pageModel) cache.refresh();
    }),
    throttledWatch(services.changes, scan),
    captureFiles(services.events, guard((picked: File[]) => showing() && files.add(picked))),
    followSettings(store, scan),
  ];
  // Start loading the site's usual tokenizer while the page is still settling.
  warmUp();
  if (records) stops.push(startTurnTracking(services), reportSiteHealth(store));
  stops.push(startSiteMeters(services, host));
  return () => {
    for (const stop of stops.reverse()) {
      try {
        stop();
      } catch (error) {
        reportError(error);
      }
    }
  };
}

/** Applies a change to this site's settings through the background, which validates the whole document. */
async function changeSite(patch: SiteSettingsPatch): Promise<void> {
  const result = await updateSiteSettings(patch);
  if (!result.ok) reportError(new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')));
}

/** Whether the badge shows here: settings loaded, the site on, and not hidden. */
function badgeShowing(settings: Settings | null, host: string): boolean {
  if (!settings) return false;
  const site = siteSettingsFor(settings, host);
  return site.enabled && !site.badgeHidden;
}

/** Loads the settings into the store once, then keeps them current; each change rescans the page. */
function followSettings(store: PageStore, scan: () => void): () => void {
  const stop = watchSettingsChanges(
    guard((next: Settings) => {
      store.set({ settings: next });
      scan();
    }),
  );
  requestSettings()
    .then((loaded) => {
      if (!store.get().settings) store.set({ settings: loaded });
      scan();
    })
    .catch(reportError);
  return stop;
}

/**
 * Loads the tokenizer in the background before the first keystroke needs it: once when the
 * first field appears, and again on focus (Chrome drops an idle service worker, and its
 * tokenizers, after ~30 s).
 */
function warmUpTokenizer(store: PageStore, adapter: SiteAdapter): void {
  const model = chooseModel(store.get()).model ?? getModel(adapter.defaultModel);
  if (model) void prewarmTokenizer(model.tokenizer);
}

/** What every field's badge session shares: the store, the badge's actions and view, the prompt counter. */
function sessionContext({ store, counters }: PageServices, actions: BadgeActions, renderer: BadgeRenderer, countdown: CountdownStore): SessionContext {
  let models: ModelInfo[] | null = null;
  return {
    store,
    actions,
    renderer,
    countdown,
    models: () => (models ??= listModels()),
    count: async (text, model) => {
      const result = await counters.prompt.count(text, model);
      return { tokens: result.tokens, exact: result.exact };
    },
    countNow: (text, model) => {
      const result = counters.prompt.countNow(text, model);
      return result && { tokens: result.tokens, exact: result.exact };
    },
    onActivity: (session) => {
      if (store.get().activeFieldId !== session.id) store.set({ activeFieldId: session.id });
    },
  };
}
