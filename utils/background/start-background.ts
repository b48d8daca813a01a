import { browser } from 'wxt/browser';
import { forgetTab, routeMessage } from '@/utils/background/messaging/router';
import { servePorts } from '@/utils/background/messaging/port-server';
import { COUNT_PORT_NAME, REQUEST_PORT_NAME } from '@/utils/protocol/request-port';
import { countHandlers, prewarmTokenizers } from '@/utils/background/counting/count-handlers';
import { backgroundAnswersCounts, ensureCountingDocument, handOverToCountingDocument } from '@/utils/background/counting/counting-document';
import { recordDueTurns, usageHandlers } from '@/utils/background/usage-handlers';
import { registerRetentionAlarm } from '@/utils/background/retention-alarm';
import { afterUsageWrites, startUsageMonitor } from '@/utils/background/alerts/usage-monitor';
import { syncExtraSiteScripts, watchExtraSitePermissions } from '@/utils/sites/extra-sites';
import { loadSettings, seedGuardedSettings, updateSettings, watchSettings } from '@/utils/storage/settings-store';
import { getTotals } from '@/utils/storage/usage-queries';
import { cacheValidatedSettings } from '@/utils/storage/validated-settings-cache';
import { resetCorrections } from '@/utils/storage/estimate-corrections';
import { contentSettingsHandlers } from '@/utils/background/settings-handlers';
import { migrateLegacyStorage } from '@/utils/background/migrate-storage';
import { createMeterHandlers } from '@/utils/background/meters/meter-handlers';
import { siteWindowBadge, startMeterMonitor } from '@/utils/background/meters/meter-monitor';
import { broadcastUsageChanged } from '@/utils/background/usage-broadcast';
import { createTurnFinaliser } from '@/utils/background/turn-finaliser';
import { takeTurns } from '@/utils/background/usage-intake';
import { siteHealthHandler } from '@/utils/background/site-health-handler';
import { announceCorrectionsChanged, noticeToTabs } from '@/utils/background/notices/tab-notices';
import { restrictStorageToTrustedContexts } from '@/utils/background/storage-access';
import { startFileReading } from '@/utils/background/attachments/file-reading';
import { registerFeedAlarm, resumeFeed } from '@/utils/background/telemetry/team-feed';
import { startSyncWriter } from '@/utils/background/sync/sync-writer';

/**
 * The background's composition root. Listeners are registered synchronously, in the worker's
 * first turn: an MV3 worker woken by a message or an alarm only delivers it to listeners that
 * exist then.
 */
export function startBackground(): void {
  // Before anything else reads storage: content scripts may no longer read or write it (where the browser can).
  const restricted = restrictStorageToTrustedContexts().catch(() => null);
  const afterWrite = startMonitors();
  const finaliser = createTurnFinaliser({ store: (events) => storeAndNotify(events, afterWrite) });
  const meters = createMeterHandlers({ now: Date.now, onChange: afterWrite });
  const tellTabs = () => void noticeToTabs({ type: 'settings-changed' }).catch(() => undefined);
  browser.runtime.onMessage.addListener((raw, sender) =>
    routeMessage(raw, sender, {
      ...countHandlers,
      ...afterUsageWrites(usageHandlers, afterWrite),
      'save-turn': finaliser.saveTurn,
      'drop-turn': finaliser.dropTurn,
      'page-started': finaliser.pageStarted,
      'site-health': siteHealthHandler,
      ping: () => ({ pong: true }),
      'meter-claim': (request) => meters.claim(request.site),
      'meter-report': (request) => meters.report(request.report),
      'meter-notice': (request) => meters.notice(request.notice),
      'reset-corrections': async () => (await resetCorrections(), announceCorrectionsChanged(), { reset: true as const }),
      ...contentSettingsHandlers,
    }),
  );
  serveCountPorts();
  watchTabsAndBrowser(finaliser);
  registerRetentionAlarm(afterWrite);
  registerFeedAlarm();
  void restricted.then(() => startStorage(afterWrite, tellTabs)).then(resumeFeed);
}

/** Toolbar badge, threshold notifications, the sites' meters and browser sync, refreshed after every write. */
function startMonitors(): () => void {
  const onUsageWritten = startUsageMonitor({ loadSettings, watchSettings, getTotals, siteWindowBadge });
  const onMetersChanged = startMeterMonitor({ loadSettings, watchSettings });
  // This browser's monthly aggregates in browser sync, written in batches after turns.
  const onSyncDue = startSyncWriter();
  return () => {
    onUsageWritten();
    onMetersChanged();
    onSyncDue();
  };
}

async function storeAndNotify(events: Parameters<typeof takeTurns>[0], afterWrite: () => void): Promise<void> {
  const { stored } = await takeTurns(events);
  if (stored) {
    afterWrite();
    void broadcastUsageChanged();
  }
}

/** Content scripts' requests arrive over long-lived ports; on Chrome the counting document answers count ports once it is open. */
function serveCountPorts(): void {
  servePorts({
    [REQUEST_PORT_NAME]: { handlers: countHandlers },
    [COUNT_PORT_NAME]: { handlers: { count: countHandlers.count }, answers: backgroundAnswersCounts, afterReply: handOverToCountingDocument },
  });
}

function watchTabsAndBrowser(finaliser: ReturnType<typeof createTurnFinaliser>): void {
  const warn = (e: unknown) => console.warn('[TokenTally] saved turns:', e);
  // Attached PDFs are read by the counting document (Chrome) or here (Firefox).
  startFileReading(ensureCountingDocument);
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    void finaliser.tabClosed(tabId).catch(warn);
  });
  browser.runtime.onStartup.addListener(() => void finaliser.browserStarted().catch(warn));
  // A fresh browser (or install): load the usual tokenizer before the first page needs it.
  browser.runtime.onStartup.addListener(() => prewarmTokenizers());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    prewarmTokenizers();
    // A fresh install adopts nothing that sends or deletes data from the synced settings.
    if (reason === 'install') void seedGuardedSettings().catch((e) => console.warn('[TokenTally] settings:', e));
  });
}

/** What needs storage: old storage cleared, held turns the clock caught up with, settings caches and notices. */
function startStorage(afterWrite: () => void, tellTabs: () => void): void {
  void migrateLegacyStorage()
    .then(() => recordDueTurns())
    .then((stored) => stored && afterWrite())
    .catch((e) => console.warn('[TokenTally] storage migration:', e));
  // The popup starts its queries with these instead of waiting for its own settings code.
  const cacheSettings = () => void cacheValidatedSettings(loadSettings).catch((e) => console.warn('[TokenTally] settings cache:', e));
  cacheSettings();
  watchSettings(() => {
    cacheSettings();
    tellTabs();
  });
  // Sites the user enabled from the popup: dynamic content scripts, re-registered at start-up.
  watchExtraSitePermissions(updateSettings, loadSettings);
  void loadSettings().then(syncExtraSiteScripts).catch((e) => console.warn('[TokenTally] extra sites:', e));
}
