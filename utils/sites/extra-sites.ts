import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { SUPPORTED_SITE_MATCHES } from '@/utils/sites/site-matches';

/**
 * Sites the user enables from the popup beyond the supported ones. The host permission is
 * optional and asked for one site at a time; the same content script the manifest declares
 * is then registered dynamically for that site (and re-registered when the background starts,
 * since Firefox does not persist dynamic registrations).
 */

const SCRIPT_ID_PREFIX = 'tokentally-extra:';
/** Used when the manifest's own entry can't be read (it always can in a built extension). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Accepts "example.com", "https://example.com/path" etc. Returns the origin or null. */
export function normaliseOrigin(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const u = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** True when a supported-site match pattern covers this URL's host. */
export function isSupportedUrl(url: string): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return SUPPORTED_SITE_MATCHES.some((pattern) => new URL(pattern.replace('/*', '/')).hostname === host);
}

function contentScriptFiles(): { js: string[]; css: string[] } {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  return { js: declared?.js?.length ? [...declared.js] : [CONTENT_SCRIPT_FILE], css: [...(declared?.css ?? [])] };
}

const scriptId = (host: string) => SCRIPT_ID_PREFIX + host;
const patternsFor = (host: string) => [`https://${host}/*`, `http://${host}/*`];

async function grantedPatterns(host: string): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of patternsFor(host)) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  return granted;
}

async function register(host: string, matches: string[]): Promise<void> {
  const { js, css } = contentScriptFiles();
  const id = scriptId(host);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.scripting.registerContentScripts([
    { id, matches, js, ...(css.length ? { css } : {}), runAt: 'document_idle', allFrames: false },
  ]);
}

export type EnableResult = { ok: true; host: string } | { ok: false; reason: string };

/**
 * Call straight from a click handler: the permission prompt needs the user gesture, so the
 * request is the first thing that happens. `saveHost` records the host in settings.extraSites.
 */
export async function enableExtraSite(
  origin: string,
  saveHost: (update: (s: Settings) => Settings) => Promise<{ ok: boolean }>,
  tabId?: number,
): Promise<EnableResult> {
  const pattern = `${origin}/*`;
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) return { ok: false, reason: 'Permission was not granted.' };
  const host = new URL(origin).hostname.toLowerCase();
  await register(host, await grantedPatterns(host));
  const saved = await saveHost((s) => (s.extraSites.includes(host) ? s : { ...s, extraSites: [...s.extraSites, host] }));
  if (!saved.ok) return { ok: false, reason: 'Could not save the site list.' };
  // The open tab gets the badge now, without a reload.
  if (tabId !== undefined) {
    await browser.scripting.executeScript({ target: { tabId }, files: contentScriptFiles().js as never }).catch(() => undefined);
  }
  return { ok: true, host };
}

export async function disableExtraSite(
  host: string,
  saveHost: (update: (s: Settings) => Settings) => Promise<{ ok: boolean }>,
): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(host)] }).catch(() => undefined);
  await saveHost((s) => ({ ...s, extraSites: s.extraSites.filter((h) => h !== host) }));
  await browser.permissions.remove({ origins: patternsFor(host) }).catch(() => undefined);
}

/**
 * Background start-up and settings changes: register a script for each listed host whose
 * permission is still granted, and drop registrations for hosts no longer listed.
 */
export async function syncExtraSiteScripts(settings: Settings): Promise<string[]> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const wanted = new Set(settings.extraSites.map((h) => h.toLowerCase()));
  const stale = registered.map((s) => s.id).filter((id) => id.startsWith(SCRIPT_ID_PREFIX) && !wanted.has(id.slice(SCRIPT_ID_PREFIX.length)));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const active: string[] = [];
  for (const host of wanted) {
    const matches = await grantedPatterns(host);
    if (!matches.length) continue;
    await register(host, matches);
    active.push(host);
  }
  return active;
}

/**
 * Background: a host permission granted from the popup's prompt is recorded and registered
 * here too, because Chrome may close the popup while its prompt is showing and the popup's
 * own follow-up would then never run.
 */
export function watchExtraSitePermissions(
  saveHost: (update: (s: Settings) => Settings) => Promise<{ ok: boolean }>,
  loadSettings: () => Promise<Settings>,
): void {
  browser.permissions.onAdded.addListener((permissions) => {
    const hosts = (permissions.origins ?? [])
      .map((pattern) => hostOf(pattern.replace(/\*$/, '')))
      .filter((h): h is string => !!h && !h.includes('*') && !isSupportedUrl(`https://${h}/`));
    if (!hosts.length) return;
    void saveHost((s) => ({ ...s, extraSites: [...new Set([...s.extraSites, ...hosts])] }))
      .then(loadSettings)
      .then(syncExtraSiteScripts)
      .catch((e) => console.warn('[TokenTally] could not enable site', e));
  });
  browser.permissions.onRemoved.addListener(() => {
    void loadSettings().then(syncExtraSiteScripts).catch(() => undefined);
  });
}
