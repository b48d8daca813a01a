import type { SiteAdapter } from '../sites/site-adapter';
import type { Settings } from '../settings/settings-schema';
import { DEFAULT_SETTINGS } from '../settings/settings-schema';
import { loadSettings, watchSettings } from '../settings/settings-store';
import { resolveModel, PRICE_DATA_DATE } from '../models/model-registry';
import { costUsd } from '../models/cost';
import { estimateClayRun } from './run-estimate';
import { buildClayRunEvent } from './clay-run-event';
import { detectFeature, readPageRowCount, readReferenceCount } from './clay-page';
import { startClayRunLogging, type RunEventSource } from './clay-run-logger';
import { ownKeyFor, tpmFor } from './use-clay-run';

/**
 * Page-wide Clay run logging for the content script, so a run started while the badge is
 * folded is still logged. Until the run estimate has been opened (which then supplies the
 * figures the user saw), the event is built from the badge's public attributes
 * (data-tokens, data-model on <tokentally-badge>), the page's row count and the settings.
 * Returns a stop function. Call once: `if (adapter.kind === 'clay') startClayAutoLog(adapter)`.
 */
export function startClayAutoLog(adapter: SiteAdapter): () => void {
  let settings: Settings = DEFAULT_SETTINGS;
  void loadSettings().then((s) => (settings = s));
  const stopSettings = watchSettings((s) => (settings = s));

  const fallback: RunEventSource = (now) => {
    const badge = document.querySelector('tokentally-badge[data-state="ready"]');
    const tokens = Number(badge?.getAttribute('data-tokens'));
    const model = resolveModel(badge?.getAttribute('data-model') || adapter.defaultModel, settings);
    if (!model || !Number.isFinite(tokens)) return null;
    const ownKey = ownKeyFor(settings, model);
    const estimate = estimateClayRun(
      {
        promptTokens: tokens,
        rows: readPageRowCount(adapter) ?? settings.clay.defaultRows,
        referenceCount: readReferenceCount(adapter),
        avgReferenceTokens: settings.clay.avgReferenceTokens,
        avgOutputTokens: settings.clay.avgOutputTokens,
        model,
        feature: detectFeature(adapter),
        ownKey,
        tpm: tpmFor(settings, model),
        overrides: settings.clay.creditsPerEnrichment,
      },
      costUsd,
    );
    return buildClayRunEvent({ estimate, model, ownKey, site: location.hostname, now, priceDate: PRICE_DATA_DATE });
  };

  const stopClicks = startClayRunLogging(adapter, fallback);
  return () => {
    stopClicks();
    stopSettings();
  };
}
