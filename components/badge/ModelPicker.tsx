import type { ModelInfo, ProviderId } from '@/utils/core/models/model-types';
import type { BadgeActions } from '@/utils/core/page/badge-contract';
import type { BadgeView } from '@/components/badge/Badge';
import { OptionList } from '@/components/OptionList';
import { PROVIDER_NAMES, TOKEN_PROVIDER_IDS } from '@/utils/core/models/providers';

const PROVIDER_ORDER: ProviderId[] = [...TOKEN_PROVIDER_IDS, 'clay'];

const byLabel = (a: ModelInfo, b: ModelInfo) => a.label.localeCompare(b.label, 'en', { numeric: true, sensitivity: 'base' });

/** The picker's groups: the site's own provider first, then the others, each sorted by label. */
export function pickerGroups(models: readonly ModelInfo[], siteProvider: ProviderId): Array<{ provider: ProviderId; label: string; models: ModelInfo[] }> {
  const order = [siteProvider, ...PROVIDER_ORDER.filter((p) => p !== siteProvider)];
  return order
    .map((provider) => ({
      provider,
      label: provider === siteProvider && provider !== 'clay' ? `${PROVIDER_NAMES[provider]} (this site)` : PROVIDER_NAMES[provider],
      models: models.filter((m) => m.provider === provider).sort(byLabel),
    }))
    .filter((g) => g.models.length > 0);
}

/** The picker's empty choice names the model used without an override, and where it came from. */
function defaultModelLabel(view: BadgeView): string {
  const pageModel = view.models.find((m) => m.id === view.pageModelId);
  if (pageModel) return `From page: ${pageModel.label}`;
  if (view.pageModelId === 'unknown') return `From page: unknown model ("${view.pageLabel}")`;
  return `Site default${view.modelSource === 'default' && view.model ? `: ${view.model.label}` : ''}`;
}

export function ModelPicker({ view, onPickModel }: { view: BadgeView; onPickModel: BadgeActions['onPickModel'] }) {
  return (
    <label class="stack">
      Model
      <select
        aria-label="Model for this site"
        value={view.overrideId ?? ''}
        onChange={(e) => onPickModel((e.currentTarget as HTMLSelectElement).value || null)}
      >
        <option value="">{defaultModelLabel(view)}</option>
        {pickerGroups(view.models, view.adapter.provider).map((g) => (
          <optgroup key={g.provider} label={g.label} data-provider={g.provider}>
            <OptionList items={g.models} />
          </optgroup>
        ))}
      </select>
    </label>
  );
}
