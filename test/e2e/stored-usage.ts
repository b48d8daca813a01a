import type { Page } from '@playwright/test';

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
