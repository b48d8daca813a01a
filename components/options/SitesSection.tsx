import type { ModelInfo } from '@/utils/core/models/model-types';
import type { FormBindings } from '@/components/options/form-bindings';
import type { SupportedSite } from '@/components/options/site-list';
import { CheckboxField, Section, SelectField } from '@/components/options/fields';

const POSITIONS = [
  { value: 'bottom-right', label: 'Bottom right' },
  { value: 'bottom-left', label: 'Bottom left' },
  { value: 'top-right', label: 'Top right' },
  { value: 'top-left', label: 'Top left' },
];

export function SitesSection({ b, sites, models }: { b: FormBindings; sites: SupportedSite[]; models: ModelInfo[] }) {
  return (
    <Section id="sites" title="Sites" intro="Where the badge appears, which model to assume when the page doesn't show one, and where the badge sits.">
      {sites.map((site) => {
        const base = ['sites', site.host];
        const enabled = b.value<boolean | undefined>([...base, 'enabled']);
        const model = b.value<string | null | undefined>([...base, 'defaultModel']);
        const position = b.value<string | undefined>([...base, 'badgePosition']);
        // Clay runs any provider's models; other sites only their own.
        const choices = models.filter((m) => site.provider === 'clay' || m.provider === site.provider);
        const adapterDefault = site.adapterDefaultModel ? (models.find((m) => m.id === site.adapterDefaultModel)?.label ?? site.adapterDefaultModel) : 'detected';
        return (
          <fieldset class="site" key={site.host} data-site={site.host}>
            <legend>{site.name}</legend>
            <div class="grid">
              <CheckboxField label={`Show the badge on ${site.host}`} binding={{ ...enabled, value: enabled.value ?? true }} />
              <SelectField
                label="Default model"
                id={model.id}
                value={model.value ?? ''}
                error={model.error}
                onChange={(v) => model.onChange(v === '' ? null : v)}
                choices={[{ value: '', label: `Site default (${adapterDefault})` }, ...choices.map((m) => ({ value: m.id, label: m.label }))]}
              />
              <SelectField label="Badge position" id={position.id} value={position.value ?? 'bottom-right'} error={position.error} onChange={position.onChange} choices={POSITIONS} />
            </div>
          </fieldset>
        );
      })}
    </Section>
  );
}
