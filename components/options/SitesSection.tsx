import { useState } from 'preact/hooks';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { FormBindings } from '@/components/options/form-bindings';
import type { SupportedSite } from '@/components/options/site-list';
import { CheckboxField, Section, SelectField } from '@/components/options/fields';
import { HiddenBadgeList } from '@/components/HiddenBadgeList';

const POSITIONS = [
  { value: 'bottom-right', label: 'Bottom right' },
  { value: 'bottom-left', label: 'Bottom left' },
  { value: 'top-right', label: 'Top right' },
  { value: 'top-left', label: 'Top left' },
];

/** The sites where "Hide on this site" took the badge away, each with a Show button that saves at once. */
function HiddenBadges({ hosts, onShow }: { hosts: string[]; onShow: (host: string) => Promise<boolean> }) {
  const [status, setStatus] = useState('');
  if (!hosts.length && !status) return null;
  return (
    <div class="hidden-badges" data-testid="hidden-badges">
      {hosts.length > 0 && (
        <>
          <h3>Hidden badges</h3>
          <HiddenBadgeList hosts={hosts} onShow={onShow} onStatus={setStatus} buttonClass="secondary" />
        </>
      )}
      <p role="status" class="hint">
        {status}
      </p>
    </div>
  );
}

export function SitesSection(props: {
  b: FormBindings;
  sites: SupportedSite[];
  models: ModelInfo[];
  /** The stored sites: the hidden list shows what is saved, not the draft. */
  savedSites: Record<string, { badgeHidden?: boolean }>;
  onShowBadge: (host: string) => Promise<boolean>;
}) {
  const { b, sites, models, onShowBadge } = props;
  const hiddenHosts = Object.entries(props.savedSites).flatMap(([host, site]) => (site.badgeHidden ? [host] : []));
  return (
    <Section id="sites" title="Sites" intro="Where the badge appears, which model to assume when the page doesn't show one, and where the badge sits.">
      <HiddenBadges hosts={hiddenHosts} onShow={onShowBadge} />
      {sites.map((site) => {
        const base = ['sites', site.host];
        const enabled = b.value<boolean | undefined>([...base, 'enabled']);
        const hidden = b.value<boolean | undefined>([...base, 'badgeHidden']);
        const model = b.value<string | null | undefined>([...base, 'defaultModel']);
        const position = b.value<string | undefined>([...base, 'badgePosition']);
        const showCost = b.value<boolean | undefined>([...base, 'showCost']);
        // Clay runs any provider's models; other sites only their own.
        const choices = models.filter((m) => site.provider === 'clay' || m.provider === site.provider);
        const adapterDefault = site.adapterDefaultModel ? (models.find((m) => m.id === site.adapterDefaultModel)?.label ?? site.adapterDefaultModel) : 'detected';
        return (
          <fieldset class="site" key={site.host} data-site={site.host}>
            <legend>{site.name}</legend>
            <div class="grid">
              <CheckboxField
                label={`Show the badge on ${site.host}`}
                binding={{ ...enabled, value: (enabled.value ?? true) && !hidden.value }}
                hint={hidden.value ? 'Hidden from the badge itself ("Hide on this site"): tick to show it again.' : undefined}
                onToggle={(next) => {
                  enabled.onChange(next);
                  // Ticking means "show": it also undoes a hide made from the badge.
                  if (next && hidden.value) hidden.onChange(false);
                }}
              />
              <SelectField
                label="Default model"
                id={model.id}
                value={model.value ?? ''}
                error={model.error}
                onChange={(v) => model.onChange(v === '' ? null : v)}
                choices={[{ value: '', label: `Site default (${adapterDefault})` }, ...choices.map((m) => ({ value: m.id, label: m.label }))]}
              />
              <CheckboxField
                label="Show the cost beside the count"
                binding={{ ...showCost, value: showCost.value ?? true }}
                hint={site.provider === 'clay' ? undefined : 'An API-equivalent price; off, the chip shows the count alone.'}
                onToggle={showCost.onChange}
              />
              <SelectField label="Badge position" id={position.id} value={position.value ?? 'bottom-right'} error={position.error} onChange={position.onChange} choices={POSITIONS} />
            </div>
          </fieldset>
        );
      })}
    </Section>
  );
}
