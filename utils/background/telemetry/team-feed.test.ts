import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushFeed, queueForFeed, type FeedDeps } from '@/utils/background/telemetry/team-feed';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/core/settings/settings-schema';
import { outboxSize, readFeedStatus } from '@/utils/storage/otlp-db';
import { bruteTotals, makeEvent } from '@/test/unit/usage-test-helpers';
import type { ExportMetricsServiceRequest } from '@/utils/core/telemetry/otlp-json';
import type { UsageEvent } from '@/utils/core/usage/usage-event';

const ENDPOINT = 'https://otel.example.com:4318';
const NOW = Date.UTC(2026, 11, 7, 12);

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: ExportMetricsServiceRequest;
}

/** A collector that can be up, down (connection refused) or answering with a chosen status. */
function fakeCollector() {
  const sent: Sent[] = [];
  const state = { mode: 'up' as 'up' | 'down' | 401 | 'html' | 429 };
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    if (state.mode === 'down') throw new TypeError('Failed to fetch');
    if (state.mode === 401) return new Response('no', { status: 401 });
    if (state.mode === 429) return new Response('slow down', { status: 429, headers: { 'retry-after': '600' } });
    if (state.mode === 'html') return new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    sent.push({ url: String(url), headers: init!.headers as Record<string, string>, body: JSON.parse(init!.body as string) });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { sent, state, fetch };
}

function deps(collector: ReturnType<typeof fakeCollector>, overrides: Partial<FeedDeps> = {}, endpoint: string | null = ENDPOINT): FeedDeps & { retries: number[] } {
  const retries: number[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, teamFeed: { endpoint, serviceName: 'team-a', identity: 'ada@example.com' } };
  return {
    fetch: collector.fetch as unknown as typeof fetch,
    now: () => NOW,
    loadSettings: async () => settings,
    headers: async () => ({ 'x-api-key': 'k-123' }),
    hasPermission: async (origin) => origin === 'https://otel.example.com/*',
    scheduleRetry: (at) => void retries.push(at),
    quickRetry: { firstMs: 1, maxMs: 1, attempts: 1 },
    outboxLimit: 10_000,
    version: '0.1.0',
    retries,
    ...overrides,
  };
}

/** What the collector received, added up the way a backend would (delta points). */
function received(sent: Sent[]) {
  const totals = { input: 0, output: 0, turns: 0, requests: sent.length, costUsd: 0 };
  for (const { body } of sent)
    for (const rm of body.resourceMetrics)
      for (const m of rm.scopeMetrics[0]!.metrics) {
        if ('histogram' in m) for (const p of m.histogram.dataPoints) totals[(p.attributes.find((a) => a.key === 'gen_ai.token.type')!.value as { stringValue: 'input' | 'output' }).stringValue] += p.sum;
        else if (m.name === 'tokentally.turns') for (const p of m.sum.dataPoints) totals.turns += p.asInt!;
        else if (m.name === 'tokentally.cost.usd') for (const p of m.sum.dataPoints) totals.costUsd += p.asDouble!;
      }
  return totals;
}

const turns = (n: number, from = 0): UsageEvent[] =>
  Array.from({ length: n }, (_, i) => makeEvent({ id: `evt-feed-${String(from + i).padStart(5, '0')}`, time: NOW - 3600_000 + (from + i) * 1000, promptTokens: 10 + from + i, outputTokens: 3 * (from + i) }));

afterEach(() => vi.useRealTimers());

describe('team feed outbox', () => {
  it('sends recorded turns as OTLP/JSON to <endpoint>/v1/metrics with the user’s headers, and says so', async () => {
    const collector = fakeCollector();
    const events = turns(3);
    await queueForFeed(events, deps(collector));
    expect(collector.sent).toHaveLength(1);
    expect(collector.sent[0]!.url).toBe(`${ENDPOINT}/v1/metrics`);
    expect(collector.sent[0]!.headers).toEqual({ 'x-api-key': 'k-123', 'Content-Type': 'application/json' });
    const expected = bruteTotals(events);
    expect(received(collector.sent)).toMatchObject({ input: expected.inputTokens, output: expected.outputTokens, turns: 3 });
    expect(await outboxSize()).toBe(0);
    expect(await readFeedStatus()).toMatchObject({ lastExportAt: NOW, lastExportTurns: 3, sentTurns: 3, failures: 0, lastError: null });
  });

  it('loses nothing while the collector is down, and later sends every turn exactly once', async () => {
    const collector = fakeCollector();
    collector.state.mode = 'down';
    const d = deps(collector);
    const first = turns(2);
    const second = turns(3, 2);
    await queueForFeed(first, d);
    await queueForFeed(second, d);
    expect(collector.sent).toHaveLength(0);
    expect(await outboxSize()).toBe(5);
    const status = await readFeedStatus();
    expect(status.lastError).toEqual({ at: NOW, message: 'Could not reach otel.example.com:4318: Failed to fetch' });
    expect(status.failures).toBe(2);
    // The alarm is set after the backoff: 30 s, then 60 s.
    expect(d.retries).toEqual([NOW + 30_000, NOW + 60_000]);

    collector.state.mode = 'up';
    // A retried turn (same ids) before the alarm fires is not queued twice.
    await queueForFeed(second, d);
    await flushFeed(d); // the alarm
    await flushFeed(d);
    const all = [...first, ...second];
    const expected = bruteTotals(all);
    expect(received(collector.sent)).toMatchObject({ input: expected.inputTokens, output: expected.outputTokens, turns: 5 });
    expect(await readFeedStatus()).toMatchObject({ failures: 0, sentTurns: 5, lastExportAt: NOW });
    // Recorded again after delivery: still not resent.
    await queueForFeed(all, d);
    expect(received(collector.sent).turns).toBe(5);
  });

  it('sends in the order recorded, batch by batch, across a worker restart', async () => {
    const collector = fakeCollector();
    collector.state.mode = 'down';
    const events = turns(450);
    await queueForFeed(events, deps(collector));
    collector.state.mode = 'up';
    // A new worker: nothing in memory, everything in the database.
    await flushFeed(deps(collector));
    expect(collector.sent).toHaveLength(3);
    const windows = collector.sent.map(({ body }) => body.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!);
    const starts = windows.map((m) => ('histogram' in m ? BigInt(m.histogram.dataPoints[0]!.startTimeUnixNano) : 0n));
    expect(starts[0]! < starts[1]! && starts[1]! < starts[2]!).toBe(true);
    expect(received(collector.sent).turns).toBe(450);
    expect(received(collector.sent).input).toBe(bruteTotals(events).inputTokens);
  });

  it('keeps the points and says why on 401, on a web page, and on a rate limit (whose Retry-After it honours)', async () => {
    const collector = fakeCollector();
    const d = deps(collector);
    collector.state.mode = 401;
    await queueForFeed(turns(1), d);
    expect((await readFeedStatus()).lastError?.message).toBe('otel.example.com:4318 refused the export (HTTP 401): check the headers (API key or token)');
    collector.state.mode = 'html';
    await flushFeed(d);
    expect((await readFeedStatus()).lastError?.message).toMatch(/answered with a web page, not an OTLP collector/);
    collector.state.mode = 429;
    await flushFeed(d);
    expect(d.retries.at(-1)).toBe(NOW + 600_000);
    collector.state.mode = 'up';
    await queueForFeed(turns(1, 1), d); // a new turn does not override the collector's Retry-After
    expect(collector.sent).toHaveLength(0);
    expect(await outboxSize()).toBe(2);
    await flushFeed({ ...d, now: () => NOW + 600_001 });
    expect(received(collector.sent).turns).toBe(2);
  });

  it('tries once more within the flush after a passing failure', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const collector = fakeCollector();
    collector.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const done = queueForFeed(turns(1), deps(collector, { quickRetry: { firstMs: 2_000, maxMs: 4_000, attempts: 2 } }));
    await vi.waitFor(() => expect(collector.fetch).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(collector.fetch).toHaveBeenCalledTimes(2);
    expect(received(collector.sent).turns).toBe(1);
  });

  it('contacts nothing without the host permission, and says how to grant it', async () => {
    const collector = fakeCollector();
    await queueForFeed(turns(1), deps(collector, { hasPermission: async () => false }));
    expect(collector.fetch).not.toHaveBeenCalled();
    expect((await readFeedStatus()).lastError?.message).toMatch(/may not reach otel\.example\.com:4318: open Options → Team usage feed/);
    expect(await outboxSize()).toBe(1);
  });

  it('off by default: queues and sends nothing; switched off, drops what was waiting', async () => {
    const collector = fakeCollector();
    await queueForFeed(turns(2), deps(collector, {}, null));
    expect(await outboxSize()).toBe(0);
    collector.state.mode = 'down';
    await queueForFeed(turns(2), deps(collector));
    expect(await outboxSize()).toBe(2);
    await flushFeed(deps(collector, {}, null));
    expect(await outboxSize()).toBe(0);
    expect(collector.sent).toHaveLength(0);
  });

  it('a full outbox refuses new turns and says how many, never silently', async () => {
    const collector = fakeCollector();
    collector.state.mode = 'down';
    const d = deps(collector, { outboxLimit: 3 });
    await queueForFeed(turns(5), d);
    expect(await outboxSize()).toBe(3);
    const status = await readFeedStatus();
    expect(status.refusedWhileFull).toBe(2);
    // The latest error is the connection's; the full outbox stays counted until a success.
    collector.state.mode = 'up';
    await flushFeed(d);
    expect(received(collector.sent).turns).toBe(3);
    expect((await readFeedStatus()).refusedWhileFull).toBe(0);
  });

  it('the full-outbox message names the limit and the count', async () => {
    const collector = fakeCollector();
    const d = deps(collector, { outboxLimit: 1, hasPermission: async () => false });
    await queueForFeed(turns(3), d);
    // The permission error comes last; the outbox message was written before it.
    expect((await readFeedStatus()).refusedWhileFull).toBe(2);
    const { lastError } = await readFeedStatus();
    expect(lastError?.message).toMatch(/may not reach/);
  });
});
