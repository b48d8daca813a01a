import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { feedPointOf } from '@/utils/core/telemetry/feed-point';
import { buildMetricsRequest, type FeedIdentity } from '@/utils/core/telemetry/otlp-metrics';
import { otlpMetricsUrl, otlpOriginPattern } from '@/utils/core/telemetry/otlp-endpoint';
import { exportOutcome, type ExportOutcome } from '@/utils/core/telemetry/export-response';
import { backoffDelay, type FeedStatus } from '@/utils/core/telemetry/feed-status';
import { retryWithBackoff, type Backoff } from '@/utils/core/retry-with-backoff';
import { loadSettings } from '@/utils/storage/settings-store';
import { readManagedPolicy } from '@/utils/storage/managed-policy';
import {
  clearOutbox,
  enqueuePoints,
  feedInstanceId,
  markSent,
  outboxSize,
  pruneSent,
  readOtlpHeaders,
  readFeedStatus,
  readOutbox,
  updateFeedStatus,
  type QueuedPoint,
} from '@/utils/storage/otlp-db';

/**
 * The team feed (background only): every recorded turn becomes a point in a durable outbox
 * (otlp-db.ts), and the outbox is sent to the collector the user or their organisation set, in
 * the order recorded, as OTLP/HTTP JSON. A failed export stays queued and is tried again on
 * the next turn or when the feed's alarm fires, after a backoff that doubles up to an hour
 * (or the collector's Retry-After). Nothing goes anywhere but `<endpoint>/v1/metrics`, and only
 * while the browser grants that host.
 */
export const FEED_ALARM = 'tokentally-team-feed';
/** About two months of heavy use; when full, new turns are refused for the feed and counted in the status. */
export const OUTBOX_LIMIT = 10_000;
export const BATCH_SIZE = 200;
const SENT_IDS_KEPT_MS = 30 * 24 * 3600_000;

export interface FeedDeps {
  fetch: typeof fetch;
  now: () => number;
  loadSettings: () => Promise<Settings>;
  headers: () => Promise<Record<string, string>>;
  hasPermission: (originPattern: string) => Promise<boolean>;
  scheduleRetry: (at: number) => void;
  /** Quick tries within one flush before leaving it to the alarm. */
  quickRetry: Backoff;
  outboxLimit: number;
  version: string;
}

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0';
  }
}

function defaultDeps(): FeedDeps {
  return {
    fetch: (...args) => fetch(...args),
    now: Date.now,
    loadSettings,
    // A header the policy sets wins over the user's own of the same name.
    headers: async () => ({ ...(await readOtlpHeaders()), ...((await readManagedPolicy()).policy.otlpHeaders ?? {}) }),
    hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false),
    scheduleRetry: (at) => void browser.alarms.create(FEED_ALARM, { when: Math.max(at, Date.now() + 30_000) }),
    quickRetry: { firstMs: 2_000, maxMs: 4_000, attempts: 2 },
    outboxLimit: OUTBOX_LIMIT,
    version: manifestVersion(),
  };
}

/** Queues the turns just recorded (when the feed is on) and starts sending them. */
export async function queueForFeed(events: readonly UsageEvent[], deps: FeedDeps = defaultDeps()): Promise<void> {
  if (events.length === 0) return;
  const settings = await deps.loadSettings();
  if (!settings.teamFeed.endpoint) return;
  const { refused } = await enqueuePoints(events.map(feedPointOf), deps.outboxLimit);
  if (refused > 0) {
    const now = deps.now();
    await updateFeedStatus((s) => ({
      ...s,
      refusedWhileFull: s.refusedWhileFull + refused,
      lastError: { at: now, message: `The feed's outbox is full (${deps.outboxLimit.toLocaleString('en-US')} turns waiting): ${s.refusedWhileFull + refused} newer turns were not queued for the collector. They are still in your own records.` },
    }));
  }
  await flushFeed(deps);
}

// One flush at a time in this worker: two would send the same points twice.
let running: Promise<void> = Promise.resolve();
export function flushFeed(deps: FeedDeps = defaultDeps()): Promise<void> {
  const run = running.then(() => flushOnce(deps));
  running = run.catch(() => undefined);
  return run;
}

async function flushOnce(deps: FeedDeps): Promise<void> {
  const settings = await deps.loadSettings();
  const endpoint = settings.teamFeed.endpoint;
  // Switched off: what was waiting is not sent later, to this or any other collector.
  if (!endpoint) return void (await clearOutbox());
  await pruneSent(deps.now() - SENT_IDS_KEPT_MS);
  if ((await outboxSize()) === 0) return;
  if ((await readFeedStatus()).busyUntil > deps.now()) return; // the alarm is set for then
  const host = new URL(endpoint).host;
  if (!(await deps.hasPermission(otlpOriginPattern(endpoint)))) {
    return failed(deps, { ok: false, retryAfterMs: 0, message: `TokenTally may not reach ${host}: open Options → Team usage feed and save the endpoint to grant it` });
  }
  const identity: FeedIdentity = { serviceName: settings.teamFeed.serviceName, user: settings.teamFeed.identity, instanceId: await feedInstanceId(), version: deps.version };
  const headers = await deps.headers();
  for (;;) {
    const batch = await readOutbox(BATCH_SIZE);
    if (batch.length === 0) return;
    const outcome = await sendBatch(deps, otlpMetricsUrl(endpoint), host, headers, identity, batch);
    if (!outcome.ok) return failed(deps, outcome);
    await markSent(batch, deps.now());
    await succeeded(deps, batch.length, outcome.warning);
  }
}

async function sendBatch(deps: FeedDeps, url: string, host: string, headers: Record<string, string>, identity: FeedIdentity, batch: QueuedPoint[]): Promise<ExportOutcome> {
  const body = JSON.stringify(buildMetricsRequest(batch.map((q) => q.point), identity));
  const attempt = async (): Promise<ExportOutcome> => {
    let response: Response;
    try {
      response = await deps.fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body, credentials: 'omit', signal: AbortSignal.timeout(20_000) });
    } catch (error) {
      throw new Error(`Could not reach ${host}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const outcome = await exportOutcome(response, host, deps.now());
    // A refusal with a Retry-After is left to the alarm; other failures get a quick second try.
    if (!outcome.ok && outcome.retryAfterMs === 0) throw Object.assign(new Error(outcome.message), { outcome });
    return outcome;
  };
  try {
    return await retryWithBackoff(attempt, deps.quickRetry);
  } catch (error) {
    const known = (error as { outcome?: ExportOutcome }).outcome;
    return known ?? { ok: false, retryAfterMs: 0, message: error instanceof Error ? error.message : String(error) };
  }
}

async function failed(deps: FeedDeps, outcome: Extract<ExportOutcome, { ok: false }>): Promise<void> {
  const now = deps.now();
  const status = await updateFeedStatus((s): FeedStatus => {
    const failures = s.failures + 1;
    const busyUntil = outcome.retryAfterMs ? now + outcome.retryAfterMs : 0;
    return { ...s, failures, busyUntil, retryAt: Math.max(now + backoffDelay(failures), busyUntil), lastError: { at: now, message: outcome.message } };
  });
  deps.scheduleRetry(status.retryAt);
}

async function succeeded(deps: FeedDeps, turns: number, warning: string | null): Promise<void> {
  const now = deps.now();
  await updateFeedStatus((s) => ({
    ...s,
    lastExportAt: now,
    lastExportTurns: turns,
    sentTurns: s.sentTurns + turns,
    failures: 0,
    retryAt: 0,
    busyUntil: 0,
    refusedWhileFull: 0,
    lastError: warning ? { at: now, message: warning } : s.lastError,
  }));
}

/**
 * The retry alarm, and a start-up flush of anything left waiting. Call synchronously at
 * background start: an alarm that woke the worker is delivered only to listeners that exist then.
 */
export function registerFeedAlarm(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void flushFeed().catch((e) => console.warn('[TokenTally] team feed:', e));
  });
}

/** After start-up: sends what an earlier worker left queued. */
export function resumeFeed(): void {
  void outboxSize()
    .then((size) => (size > 0 ? flushFeed() : undefined))
    .catch((e) => console.warn('[TokenTally] team feed:', e));
}
