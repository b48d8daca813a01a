// Usage storage bench: 100k events in one month, then time how long the popup's
// read of that month's per-provider totals takes (target <= 50 ms).
//
// Preferred: real Chromium with the built extension (TT_OUT_DIR or .output). The events go
// in through the background's real 'import-usage' handler; the queries run in an extension
// page against the extension's own IndexedDB, bundled from utils/storage/usage-queries.ts.
// Fallback (no build or no Chromium): Node + fake-indexeddb, labelled as such.
//
//   npx tsx scripts/bench-usage.ts            (auto)
//   npx tsx scripts/bench-usage.ts --node     (force Node)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { UsageEvent } from '@/utils/core/usage/usage-event';

const EVENTS = 100_000;
const RUNS = 20;
const TARGET_MS = 50;
// A past month: the background refuses imported events dated more than a day ahead of its clock.
const MONTH = { from: Date.UTC(2026, 9, 1, 4), to: Date.UTC(2026, 10, 1, 4) }; // October 2026 in New York (UTC-4)
const TIME_ZONE = 'America/New_York';
const MODELS: Array<[UsageEvent['provider'], string]> = [
  ['openai', 'gpt-5'], ['openai', 'gpt-4o'], ['openai', 'gpt-4.1-mini'],
  ['anthropic', 'claude-sonnet-4-5'], ['anthropic', 'claude-opus-4-1'],
  ['google', 'gemini-2.5-pro'], ['google', 'gemini-2.5-flash'],
];

function makeEvents(): UsageEvent[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: EVENTS }, (_, i) => {
    const [provider, model] = MODELS[Math.floor(rand() * MODELS.length)]!;
    return {
      id: `bench-${i.toString().padStart(6, '0')}`,
      time: MONTH.from + Math.floor(rand() * (MONTH.to - MONTH.from)),
      site: 'chatgpt.com', provider, model,
      promptTokens: Math.floor(rand() * 400), contextTokens: Math.floor(rand() * 8000), outputTokens: Math.floor(rand() * 1500),
      costUsd: Math.round(rand() * 1e5) / 1e7, priceDate: '2026-11-01', exact: provider === 'openai', kind: 'chat',
    };
  });
}

/** The measured read, as the popup does it: per-provider totals for the period. */
const READ_SOURCE = `async (q, range) => {
  const rows = await q.getTotalsByModel(range);
  const byProvider = {};
  for (const r of rows) {
    const t = (byProvider[r.provider] ??= { inputTokens: 0, outputTokens: 0, costUsd: 0, turns: 0 });
    t.inputTokens += r.totals.inputTokens; t.outputTokens += r.totals.outputTokens; t.costUsd += r.totals.costUsd; t.turns += r.totals.turns;
  }
  return byProvider;
}`;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]!, max: sorted.at(-1)! };
}

function report(where: string, figures: { importMs: number; first: number; perProvider: number[]; separate: number[]; daily: number[]; overview: number[]; recent: number[]; turns: number }) {
  const a = stats(figures.perProvider);
  const b = stats(figures.separate);
  const c = stats(figures.daily);
  const o = stats(figures.overview);
  const r = stats(figures.recent);
  console.log(`Runtime: ${where}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`Events: ${EVENTS.toLocaleString('en-US')} in one month (${MODELS.length} models, 3 providers); stored ${figures.turns.toLocaleString('en-US')}`);
  console.log(`Import of all events (one transaction): ${figures.importMs.toFixed(0)} ms (${Math.round(EVENTS / (figures.importMs / 1000)).toLocaleString('en-US')} events/s)`);
  console.log(`Month per-provider totals, first read: ${figures.first.toFixed(1)} ms`);
  console.log(`Month per-provider totals (getTotalsByModel), ${RUNS} runs: median ${a.median.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms, max ${a.max.toFixed(1)} ms`);
  console.log(`Month totals, getTotals x 3 providers:        median ${b.median.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms`);
  console.log(`Month daily totals (${TIME_ZONE}, history):   median ${c.median.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms`);
  console.log(`Popup read: per-model month totals + daily (${TIME_ZONE}) in one getUsageOverview: median ${o.median.toFixed(1)} ms, p95 ${o.p95.toFixed(1)} ms`);
  console.log(`Last 20 turns (getRecentEvents(20)):          median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
  const ok = a.median <= TARGET_MS && c.median <= TARGET_MS && o.median <= TARGET_MS;
  console.log(`Target <= ${TARGET_MS} ms (median) for per-provider totals, daily totals and the popup's combined read: ${ok ? 'MET' : 'MISSED'}`);
  return ok;
}

async function inChromium(extensionDir: string): Promise<boolean> {
  const { chromium } = await import('@playwright/test');
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [path.resolve('utils/storage/usage-queries.ts')],
    bundle: true, write: false, format: 'iife', globalName: '__ttUsageQueries', platform: 'browser', target: 'chrome120',
  });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tokentally-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${worker.url().split('/')[2]}/popup.html`);
    const events = makeEvents();
    const importMs = await page.evaluate(async (events) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'import-usage', events });
      if (!reply?.ok) throw new Error(`import failed: ${reply?.error}`);
      return performance.now() - t0;
    }, events);
    // Let the storage engine finish compacting after the bulk write, as it would long before a user opens the popup.
    await page.waitForTimeout(5000);
    // Extension pages forbid inline scripts; evaluate installs the bundle without one.
    await page.evaluate(`${bundle.outputFiles[0]!.text}\nglobalThis.__ttUsageQueries = __ttUsageQueries;`);
    // tsx compiles this file with keepNames, so functions passed to evaluate call __name().
    await page.evaluate('globalThis.__name = (f) => f');
    return report('real Chromium (extension page, the extension\'s own IndexedDB)', await page.evaluate(
      async ({ readSource, range, runs, timeZone, importMs }) => {
        const q = (globalThis as any).__ttUsageQueries;
        const read = (0, eval)(readSource);
        const time = async (fn: () => Promise<unknown>) => { const t0 = performance.now(); await fn(); return performance.now() - t0; };
        const first = await time(() => read(q, range));
        const perProvider: number[] = [], separate: number[] = [], daily: number[] = [], overview: number[] = [], recent: number[] = [];
        for (let i = 0; i < runs; i++) perProvider.push(await time(() => read(q, range)));
        for (let i = 0; i < runs; i++) separate.push(await time(() => Promise.all(['openai', 'anthropic', 'google'].map((p) => q.getTotals(range, p)))));
        for (let i = 0; i < runs; i++) daily.push(await time(() => q.getDailyTotals(range, timeZone)));
        for (let i = 0; i < runs; i++) overview.push(await time(() => q.getUsageOverview({ totals: [range], daily: { range, timeZone } })));
        for (let i = 0; i < runs; i++) recent.push(await time(() => q.getRecentEvents(20, range.to)));
        const turns = (await q.getTotals(range)).turns;
        return { importMs, first, perProvider, separate, daily, overview, recent, turns };
      },
      { readSource: READ_SOURCE, range: MONTH, runs: RUNS, timeZone: TIME_ZONE, importMs },
    ));
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function inNode(): Promise<boolean> {
  const fakeIndexedDb = 'fake-indexeddb/auto'; // side-effect entry without types
  await import(fakeIndexedDb);
  const q = await import('@/utils/storage/usage-queries');
  const { storeEvents } = await import('@/utils/storage/usage-store');
  const t0 = performance.now();
  await storeEvents(makeEvents());
  const importMs = performance.now() - t0;
  const read = (0, eval)(READ_SOURCE);
  const time = async (fn: () => Promise<unknown>) => { const s = performance.now(); await fn(); return performance.now() - s; };
  const first = await time(() => read(q, MONTH));
  const perProvider: number[] = [], separate: number[] = [], daily: number[] = [], overview: number[] = [], recent: number[] = [];
  for (let i = 0; i < RUNS; i++) perProvider.push(await time(() => read(q, MONTH)));
  for (let i = 0; i < RUNS; i++) separate.push(await time(() => Promise.all((['openai', 'anthropic', 'google'] as const).map((p) => q.getTotals(MONTH, p)))));
  for (let i = 0; i < RUNS; i++) daily.push(await time(() => q.getDailyTotals(MONTH, TIME_ZONE)));
  for (let i = 0; i < RUNS; i++) overview.push(await time(() => q.getUsageOverview({ totals: [MONTH], daily: { range: MONTH, timeZone: TIME_ZONE } })));
  for (let i = 0; i < RUNS; i++) recent.push(await time(() => q.getRecentEvents(20, MONTH.to)));
  const turns = (await q.getTotals(MONTH)).turns;
  return report('Node + fake-indexeddb (NOT a browser; fake-indexeddb is much slower than Chromium)', { importMs, first, perProvider, separate, daily, overview, recent, turns });
}

const extensionDir = path.resolve(process.env.TT_OUT_DIR ?? '.output', 'chrome-mv3');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useChromium = !process.argv.includes('--node') && existsSync(path.join(extensionDir, 'manifest.json')) && existsSync(chromiumPath);
if (!useChromium && !process.argv.includes('--node')) console.log(`(No built extension at ${extensionDir} or no Chromium: using Node. Build first for the real figure.)`);
const ok = await (useChromium ? inChromium(extensionDir) : inNode());
process.exit(ok ? 0 : 1);
