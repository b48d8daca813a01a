import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import { useRecordedModels } from '@/components/options/use-recorded-models';
import { modelsInUse } from '@/components/options/price-filter';
import { claySettingsWanted } from '@/components/options/page-behaviour';
import '@/entrypoints/options/style.css';
import { AccuracySection } from '@/components/options/AccuracySection';
import { ClaySectionForUsers } from '@/components/options/ClaySection';
import { DataSection } from '@/components/options/DataSection';
import { LimitsSection } from '@/components/options/LimitsSection';
import { LoadingPage, OptionsPage } from '@/components/options/OptionsPage';
import { PlanLimitsSection } from '@/components/options/PlanLimitsSection';
import { PricesSection } from '@/components/options/PricesSection';
import { SitesSection } from '@/components/options/SitesSection';
import { requestAnthropicAccess } from '@/components/options/anthropic-permission';
import { useAnthropicKey } from '@/components/options/use-anthropic-key';
import { useEstimateCorrections } from '@/components/options/use-estimate-corrections';
import { enrichmentTypeRows } from '@/utils/core/settings/clay-enrichment-types';
import { formBindings } from '@/components/options/form-bindings';
import { priceCatalog } from '@/utils/core/settings/price-catalog';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { exportSettingsJson, parseSettingsImport } from '@/components/options/settings-transfer';
import { supportedSites } from '@/components/options/site-list';
import { settingErrorText } from '@/components/options/setting-error-text';
import { timezoneChoices } from '@/utils/core/settings/timezones';
import { deleteAllUsage, downloadFile, exportAndDownloadUsage, importUsage, settingsExportFile } from '@/components/usage-data-actions';
import { useOptionsForm, useUnsavedChangesGuard } from '@/components/options/use-options-form';
import { TeamFeedSection } from '@/components/options/TeamFeedSection';
import { useTeamFeedSection } from '@/components/options/use-team-feed';

const EXACT_PATH = ['anthropicExactCounts'];

function Options() {
  const api = useOptionsForm();
  const key = useAnthropicKey();
  const corrections = useEstimateCorrections();
  const catalog = useMemo(priceCatalog, []);
  const recorded = useRecordedModels();
  const feed = useTeamFeedSection(api);
  useUnsavedChangesGuard(api?.dirty ?? false);
  if (!api) return <LoadingPage />;

  const b = formBindings(api);
  const draft = api.form.draft as Partial<Settings>;
  const sites = supportedSites(api.form.saved.extraSites);
  const timezones = timezoneChoices([draft.clay?.timezone ?? '', ...Object.values(draft.limits ?? {}).map((l) => l?.timezone ?? '')]);

  const clayUsed = claySettingsWanted(api.form.saved, recorded?.providers);

  return (
    <OptionsPage dirty={api.dirty} status={api.status} onSave={feed.save} onDiscard={api.discard} showClay={clayUsed}>
      <LimitsSection b={b} timezones={timezones} />
      <PlanLimitsSection b={b} />
      <ClaySectionForUsers used={clayUsed} b={b} timezones={timezones} enrichmentTypes={enrichmentTypeRows(draft.clay?.creditsPerEnrichment ?? {})} />
      <PricesSection b={b} models={catalog.models} priceDate={catalog.priceDate} priceSource={catalog.priceSource} usedModels={modelsInUse(recorded?.models ?? [], draft as Settings)} />
      <SitesSection b={b} sites={sites} models={catalog.models} savedSites={api.form.saved.sites} onShowBadge={api.showBadge} />
      <AccuracySection
        b={b}
        rules={catalog.rules}
        legacyClaudeFactor={catalog.legacyClaudeFactor}
        corrections={corrections.rows}
        onResetCorrections={corrections.reset}
        maskedKey={key.masked}
        onSaveKey={async (k) => {
          const result = await key.save(k);
          if (result.ok) api.setExtraError(EXACT_PATH, null);
          return result;
        }}
        onClearKey={async () => {
          await key.clear();
          if (draft.anthropicExactCounts) api.setExtraError(EXACT_PATH, 'Save your Anthropic API key first, or turn this off');
        }}
        onToggleExact={async (next) => {
          api.setValue(EXACT_PATH, next);
          if (!next) return api.setExtraError(EXACT_PATH, null);
          if (!key.masked) return api.setExtraError(EXACT_PATH, 'Save your Anthropic API key first, or turn this off');
          const granted = await requestAnthropicAccess();
          api.setExtraError(EXACT_PATH, granted ? null : 'TokenTally needs permission to reach api.anthropic.com for this');
        }}
      />
      <TeamFeedSection {...feed.props(api)} />
      <DataSection
        b={b}
        onExportUsage={exportAndDownloadUsage}
        onImportUsage={async (text) => {
          const { imported, duplicates } = await importUsage(text);
          return `Imported ${imported.toLocaleString()} record${imported === 1 ? '' : 's'}${duplicates ? ` (${duplicates.toLocaleString()} already present, skipped)` : ''}.`;
        }}
        onDeleteAllUsage={deleteAllUsage}
        onExportSettings={() => downloadFile(settingsExportFile(exportSettingsJson(api.form.saved)))}
        onImportSettings={(text) => {
          const parsed = parseSettingsImport(text, api.form.saved);
          if (!parsed.ok) return { ok: false, errors: parsed.errors.map(settingErrorText) };
          return {
            ...parsed,
            apply: async () => {
              const saved = await api.saveWhole(parsed.settings);
              return saved.ok ? { ok: true } : { ok: false, errors: [saved.message] };
            },
          };
        }}
      />
    </OptionsPage>
  );
}

render(<Options />, document.getElementById('app')!);
