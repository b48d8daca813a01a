import { browser } from 'wxt/browser';

type AreaName = 'local' | 'sync' | 'session';
interface RestrictableArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Background, at every start: closes extension storage to content scripts where the browser
 * can. Chromium restricts all three areas (a content script's get or set is then refused with
 * "Access to storage is not allowed from this context"); Firefox only storage.session, which is
 * trusted-only there anyway. Where an area stays open, everything read from it is treated as
 * hostile input (settings are re-validated and the guarded ones come from a trusted copy,
 * guarded-settings.ts; turns and corrections live in the extension's own IndexedDB).
 * Returns which areas are restricted, for the log and the tests.
 */
export async function restrictStorageToTrustedContexts(): Promise<Record<AreaName, boolean>> {
  const result: Record<AreaName, boolean> = { local: false, sync: false, session: false };
  for (const area of Object.keys(result) as AreaName[]) {
    const storage = (browser.storage as unknown as Record<AreaName, RestrictableArea | undefined>)[area];
    if (typeof storage?.setAccessLevel !== 'function') continue;
    try {
      await storage.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      result[area] = true;
    } catch {
      // Firefox: only storage.session accepts it.
    }
  }
  return result;
}
