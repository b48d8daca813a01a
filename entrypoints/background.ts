import { forgetTab, routeMessage } from '@/utils/background/messaging/router';
import { servePorts } from '@/utils/background/messaging/port-server';
import { COUNT_PORT_NAME, REQUEST_PORT_NAME } from '@/utils/protocol/request-port';
import { countHandlers, prewarmTokenizers } from '@/utils/background/counting/count-handlers';
import { backgroundAnswersCounts, handOverToCountingDocument } from '@/utils/background/counting/counting-document';
import { usageHandlers } from '@/utils/background/usage-handlers';
import { registerRetentionAlarm } from '@/utils/background/retention-alarm';
import { afterUsageWrites, startUsageMonitor } from '@/utils/background/alerts/usage-monitor';
import { syncExtraSiteScripts, watchExtraSitePermissions } from '@/utils/sites/extra-sites';
import { loadSettings, updateSettings, watchSettings } from '@/utils/storage/settings-store';
import { getTotals } from '@/utils/storage/usage-queries';
import { cacheValidatedSettings } from '@/utils/storage/validated-settings-cache';
import { contentSettingsHandlers } from '@/utils/background/settings-handlers';
import { migrateLegacyStorage } from '@/utils/background/migrate-storage';
import { createMeterHandlers } from '@/utils/background/meters/meter-handlers';
import { siteWindowBadge, startMeterMonitor } from '@/utils/background/meters/meter-monitor';
import { storeEvents } from '@/utils/storage/usage-store';
import { broadcastUsageChanged } from '@/utils/background/usage-broadcast';
import { createTurnFinaliser } from '@/utils/background/turn-finaliser';
import { siteHealthHandler } from '@/utils/background/site-health-handler';

export default defineBackground(() => {
  // Toolbar badge + threshold notifications, refreshed after every usage write (issue 6).
  const onUsageWritten = startUsageMonitor({ loadSettings, watchSettings, getTotals, siteWindowBadge });
  // The sites' own meters (issue 13): readings from site tabs, their alerts, and ChatGPT's counted caps.
  const onMetersChanged = startMeterMonitor({ loadSettings, watchSettings });
  const meters = createMeterHandlers({
    now: Date.now,
    onChange: () => {
      onMetersChanged();
      onUsageWritten();
    },
  });
  // Every change to stored usage refreshes the toolbar badge, alerts and meters.
  const afterWrite = () => {
    onUsageWritten();
    onMetersChanged();
  };
  // Sent turns whose page went away before the reply ended are recorded as incomplete.
  const finaliser = createTurnFinaliser({
    store: async (events) => {
      const { stored } = await storeEvents(events);
      if (stored) {
        afterWrite();
        void broadcastUsageChanged();
      }
    },
  });
  // Listeners are registered synchronously at start-up: an MV3 worker woken by a
  // message only delivers it to listeners that exist in its first turn.
  browser.runtime.onMessage.addListener((raw, sender) =>
    routeMessage(raw, sender, {
      ...countHandlers,
      ...afterUsageWrites(usageHandlers, afterWrite),
      'turn-started': finaliser.turnStarted,
      'page-started': finaliser.pageStarted,
      'site-health': siteHealthHandler,
      ping: () => ({ pong: true }),
      'meter-claim': (request) => meters.claim(request.site),
      'meter-report': (request) => meters.report(request.report),
      'meter-notice': (request) => meters.notice(request.notice),
      ...contentSettingsHandlers,
    }),
  );
  // Content scripts' requests arrive over long-lived ports (one postMessage per keystroke). On
  // Chrome the counting document answers count ports once it is open (counting-document.ts).
  servePorts({
    [REQUEST_PORT_NAME]: { handlers: countHandlers },
    [COUNT_PORT_NAME]: { handlers: { count: countHandlers.count }, answers: backgroundAnswersCounts, afterReply: handOverToCountingDocument },
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    void finaliser.tabClosed(tabId).catch((e) => console.warn('[TokenTally] outbox:', e));
  });
  browser.runtime.onStartup.addListener(() => void finaliser.browserStarted().catch((e) => console.warn('[TokenTally] outbox:', e)));
  // A fresh browser (or install): load the usual tokenizer before the first page needs it.
  browser.runtime.onStartup.addListener(() => prewarmTokenizers());
  browser.runtime.onInstalled.addListener(() => prewarmTokenizers());
  // Usage retention runs daily (issue 5).
  registerRetentionAlarm(afterWrite);
  // What v0.1 kept within content scripts' reach (the API key, the old outbox) moves out.
  void migrateLegacyStorage(afterWrite).catch((e) => console.warn('[TokenTally] storage migration:', e));
  // The popup starts its queries with these instead of waiting for its own settings code.
  const cacheSettings = () => void cacheValidatedSettings(loadSettings).catch((e) => console.warn('[TokenTally] settings cache:', e));
  cacheSettings();
  watchSettings(cacheSettings);
  // Sites the user enabled from the popup: dynamic content scripts, re-registered at start-up (issue 6).
  watchExtraSitePermissions(updateSettings, loadSettings);
  void loadSettings().then(syncExtraSiteScripts).catch((e) => console.warn('[TokenTally] extra sites:', e));
});
