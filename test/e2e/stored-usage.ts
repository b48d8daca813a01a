import { expect, type Page } from '@playwright/test';

/** A usage event as the background stored it (read straight from the extension's IndexedDB). */
export interface StoredEvent {
  id: string; time: number; site: string; provider: string; model: string; kind: string;
  promptTokens: number; contextTokens: number; outputTokens: number; costUsd: number | null; priceDate: string | null; exact: boolean;
  credits?: number; detectedBy?: 'adapter' | 'fallback'; incomplete?: boolean;
}

/** Every stored usage event, from an extension page (popup or options). */
export async function readStoredEvents(extensionPage: Page): Promise<StoredEvent[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('tokentally-usage');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return resolve([]);
          const request = db.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => { db.close(); resolve(request.result as StoredEvent[]); };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** A usage event to seed through the background or an import, as a content script would record it. */
export interface SeedEvent {
  id: string;
  time: number;
  site: string;
  provider: 'openai' | 'anthropic' | 'google' | 'clay';
  model: string;
  promptTokens: number;
  contextTokens: number;
  outputTokens: number;
  costUsd: number | null;
  priceDate: string | null;
  exact: boolean;
  credits?: number;
  kind: 'chat' | 'console' | 'clay-run';
}

let seq = 0;
/** An event for `provider` on its usual site, a minute apart from the last one made; any field can be given. */
export function seedEvent(p: Partial<SeedEvent> & Pick<SeedEvent, 'provider' | 'model' | 'promptTokens' | 'outputTokens'>): SeedEvent {
  seq++;
  return {
    id: `e2e-seed-${seq}-${p.provider}`,
    time: Date.now() - 60_000 * seq,
    site: { openai: 'chatgpt.com', anthropic: 'claude.ai', google: 'gemini.google.com', clay: 'app.clay.com' }[p.provider],
    contextTokens: 0,
    costUsd: 0,
    priceDate: '2026-11-01',
    exact: p.provider === 'openai',
    kind: p.provider === 'clay' ? 'clay-run' : 'chat',
    ...p,
  };
}

/** The one event a turn stores: waits for it, then long enough that a second write would have landed, and checks none did. */
export async function onlyStoredEvent(extensionPage: Page): Promise<StoredEvent> {
  await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 20_000 }).toBe(1);
  await extensionPage.waitForTimeout(1500);
  const events = await readStoredEvents(extensionPage);
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** Imports `events` through the options page's own Import button, as a user would, and waits for its confirmation. */
export async function importThroughOptions(options: Page, events: readonly SeedEvent[]): Promise<void> {
  await options.getByLabel('Import usage (JSON)').setInputFiles({
    name: 'usage.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'tokentally-usage', version: 1, events })),
  });
  await expect(options.getByText(`Imported ${events.length} record${events.length === 1 ? '' : 's'}.`)).toBeVisible();
}
