import type { Settings, SiteSettings } from '@/utils/core/settings/settings-schema';
import type { SaveResult } from '@/utils/core/settings/settings-validation';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';
import { correctionFactor, parseCorrections, type Corrections } from '@/utils/core/accuracy/corrections';
import { sendRequest } from '@/utils/protocol/send-message';
import { onTabNotice } from '@/utils/protocol/tab-notices';
import { retryWithBackoff } from '@/utils/core/retry-with-backoff';

/**
 * Settings and the estimators' corrections as a content script reads and changes them: through
 * the background, which holds the settings schema and validates every change as a whole. A
 * content script reads no extension storage: the background restricts storage to trusted
 * contexts where the browser can (content scripts could otherwise write what they read), and
 * the settings schema would be a large part of the script every supported page loads
 * (scripts/bench-badge.ts). Changes arrive as a notice from the background (tab-notices.ts).
 */

/** The background may be starting (a woken worker, an updated extension): a few tries, backing off. */
const askBackground = <T>(ask: () => Promise<T>) => retryWithBackoff(ask, { firstMs: 200, maxMs: 2_000, attempts: 5 });

/** The corrections as last sent with the settings; checked again here, as everything received is. */
const corrections: { latest: Corrections | undefined; first: Promise<unknown> | null } = { latest: undefined, first: null };

/** The stored settings, validated and repaired by the background (and the corrections with them). */
export async function requestSettings(): Promise<Settings> {
  const reply = await askBackground(() => sendRequest({ type: 'settings' }));
  corrections.latest = parseCorrections(reply.corrections);
  return reply.settings;
}

/** Calls `onChange` with the new settings whenever they change (the latest of quick changes). */
export function watchSettingsChanges(onChange: (settings: Settings) => void): () => void {
  const state = { stopped: false, latest: 0 };
  const stopListening = onTabNotice('settings-changed', () => {
    const mine = ++state.latest;
    void requestSettings()
      .then((settings) => {
        if (!state.stopped && mine === state.latest) onChange(settings);
      })
      .catch((error) => console.warn('[TokenTally] could not read the changed settings:', error));
  });
  return () => {
    state.stopped = true;
    stopListening();
  };
}

/** Resolves once `correctionFactorNow` reflects the stored corrections (asks once if nothing has yet). */
export function correctionsReady(): Promise<unknown> {
  if (corrections.latest) return Promise.resolve();
  corrections.first ??= requestSettings().catch(() => (corrections.first = null));
  return corrections.first;
}

/** The multiplier for an estimator's estimates as this page last heard: 1 before the first answer. */
export const correctionFactorNow = (estimator: ClaudeEstimatorId): number => correctionFactor(corrections.latest, estimator);

/** What a page may change of its own site's settings: the badge's model, projected output, or hiding it. */
export type SiteSettingsPatch = Partial<Pick<SiteSettings, 'modelOverride' | 'projectedOutputTokens'>> & { badgeHidden?: true };

/** Changes this site's settings. */
export function updateSiteSettings(patch: SiteSettingsPatch): Promise<SaveResult> {
  return askBackground(() => sendRequest({ type: 'update-site-settings', patch }));
}
