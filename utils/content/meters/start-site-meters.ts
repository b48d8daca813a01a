import { sendRequest } from '@/utils/protocol/send-message';
import { guard, reportError } from '@/utils/content/page/guard';
import type { PageServices } from '@/utils/content/page-services';
import { throttledWatch } from '@/utils/content/page/page-changes';
import { lastActiveOrgCookie, readClaudeMeters } from '@/utils/content/meters/claude-meter-reader';
import { findUsageRoot, geminiReport, geminiUnreadable } from '@/utils/content/meters/gemini-usage';
import { watchLimitNotice } from '@/utils/content/meters/limit-notice-watcher';
import { meterSiteOfHost, type MeterReport, type MeterSite } from '@/utils/core/meters/meter-types';
import { createPageFetch } from '@/utils/content/meters/page-fetch';
import { createReadScheduler } from '@/utils/core/meters/read-scheduler';

/**
 * Content-side start of the site meters, from the page's composition root. Reads only while
 * the "read the sites' own meters" switch is on (the page store's settings); switched off, it
 * stops and makes no request. Never throws: the page's other features must not depend on it,
 * nor it on them.
 */
export function startSiteMeters(services: PageServices, host: string): () => void {
  try {
    return startFor(services, host);
  } catch (error) {
    reportError(error);
    return () => undefined;
  }
}

function startFor(services: PageServices, host: string): () => void {
  const site = meterSiteOfHost(host);
  if (!site) return () => undefined;
  let stop: (() => void) | null = null;
  const apply = () => {
    const read = services.store.get().settings?.siteMeters.read ?? false;
    if (read && !stop) stop = startReader(site, services);
    if (!read && stop) {
      stop();
      stop = null;
    }
  };
  apply();
  const unsubscribe = services.store.subscribe((state, previous) => {
    if (state.settings !== previous.settings) apply();
  });
  return () => {
    unsubscribe();
    stop?.();
    stop = null;
  };
}

const report = (r: MeterReport) => sendRequest({ type: 'meter-report', report: r });

function startReader(site: MeterSite, services: PageServices): () => void {
  if (site === 'claude') return startClaudeReader(services);
  if (site === 'gemini') return startGeminiReader(services);
  return watchLimitNotice(services.changes, (notice) => void sendRequest({ type: 'meter-notice', notice }).catch(reportError));
}

/** Wait after a reply before reading: the site's own counter catches up in a moment. */
const AFTER_REPLY_MS = 3_000;

function startClaudeReader({ store }: PageServices): () => void {
  const fetchPage = createPageFetch(location.origin);
  const scheduler = createReadScheduler({
    claim: async () => {
      const slot = await sendRequest({ type: 'meter-claim', site: 'claude' });
      if (slot.last && !store.get().meters) store.set({ meters: slot.last });
      return slot;
    },
    read: async () => {
      const reports = await readClaudeMeters({ fetch: fetchPage, activeOrganization: () => lastActiveOrgCookie(document.cookie) });
      // The badge shows the account this page uses, right at the chat box.
      const active = reports.find((r) => r.active && !r.error);
      if (active) store.set({ meters: { windows: active.windows, readAt: Date.now() } });
      for (const r of reports) await report(r);
    },
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  // Soon after load: the page's own requests come first.
  scheduler.request(300);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.turns.recorded !== previous.turns.recorded) scheduler.request(AFTER_REPLY_MS);
  });
  // Back to a tab left open for hours: read again (the slot still limits it to once a minute).
  const onVisible = guard(() => document.visibilityState === 'visible' && scheduler.request(0));
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    scheduler.stop();
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** A usage page with no numbers this long after it appeared has changed: say so. */
const GEMINI_UNREADABLE_AFTER_MS = 8_000;
const GEMINI_REPORT_EVERY_MS = 60_000;

function startGeminiReader({ changes }: PageServices): () => void {
  let lastSent = '';
  let lastSentAt = 0;
  let rootSince = 0;
  let reportedBroken = false;
  const send = (r: MeterReport) => {
    const key = JSON.stringify([r.account, r.windows.map((w) => [w.id, w.used, w.resetsAt]), r.error?.reason]);
    const now = Date.now();
    if (key === lastSent && now - lastSentAt < GEMINI_REPORT_EVERY_MS) return;
    lastSent = key;
    lastSentAt = now;
    void report(r).catch(reportError);
  };
  const locale = () => document.documentElement.lang || navigator.language || 'en';
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const root = findUsageRoot(document);
    if (!root) {
      rootSince = 0;
      return;
    }
    if (!rootSince) {
      rootSince = Date.now();
      // A page that stops changing is still checked once the wait is over.
      recheck = setTimeout(guard(check), GEMINI_UNREADABLE_AFTER_MS + 100);
    }
    const r = geminiReport(root, Date.now(), locale(), location.pathname);
    if (r) {
      reportedBroken = false;
      send(r);
    } else if (!reportedBroken && Date.now() - rootSince >= GEMINI_UNREADABLE_AFTER_MS) {
      reportedBroken = true;
      send(geminiUnreadable(location.pathname));
    }
  };
  const unwatch = throttledWatch(changes, check, 1_000);
  // Changes only are reported: a usage page already rendered is read now.
  const first = setTimeout(guard(check), 500);
  return () => {
    unwatch();
    clearTimeout(first);
    clearTimeout(recheck);
  };
}
