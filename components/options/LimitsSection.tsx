import { useState } from 'preact/hooks';
import type { FormBindings } from '@/components/options/form-bindings';
import { presetMatching, presetsFor, RATE_TIER_SOURCES } from '@/utils/core/settings/rate-tiers';
import { Section, SelectField, TextField, type Choice } from '@/components/options/fields';
import { PROVIDER_NAMES, TOKEN_PROVIDER_IDS, type TokenProviderId } from '@/utils/core/models/providers';

export const LIMIT_PROVIDERS: ReadonlyArray<{ id: TokenProviderId; label: string }> = TOKEN_PROVIDER_IDS.map((id) => ({ id, label: PROVIDER_NAMES[id] }));
/** Providers with published rate-limit tiers (utils/core/settings/rate-tiers.ts). */
const TIERED = new Set<TokenProviderId>(['openai', 'anthropic', 'google']);

export function LimitsSection({ b, timezones }: { b: FormBindings; timezones: Choice[] }) {
  return (
    <Section
      id="limits"
      title="Limits"
      intro="Your monthly limits per provider. The popup shows this period's usage against them; leave a field empty for no limit."
    >
      {LIMIT_PROVIDERS.map((p) => (
        <fieldset class="provider" key={p.id} data-provider={p.id}>
          <legend>{p.label}</legend>
          <div class="grid">
            <TextField label="Monthly token limit" binding={b.number(['limits', p.id, 'monthlyTokenLimit'])} placeholder="No limit" suffix="tokens" hint="Input + output tokens per billing cycle." />
            <TextField label="Monthly budget" binding={b.number(['limits', p.id, 'monthlyBudgetUsd'])} placeholder="No budget" suffix="USD" />
            <TextField
              label="Subscription price"
              binding={b.number(['limits', p.id, 'planMonthlyUsd'])}
              placeholder="None"
              suffix="USD a month"
              hint="What your plan costs (ChatGPT Plus, Claude Pro…): the popup sets the API-equivalent cost of your use beside it."
            />
            <TextField label="Cycle starts on day" binding={b.number(['limits', p.id, 'cycleStartDay'], { empty: Number.NaN })} inputMode="numeric" hint="1 to 28, so every month has it." />
            <TimezoneField b={b} path={['limits', p.id, 'timezone']} timezones={timezones} />
            {TIERED.has(p.id) && <TierField b={b} provider={p.id} />}
          </div>
        </fieldset>
      ))}
      <TextField
        label="Alert thresholds"
        binding={b.percentList(['alertThresholds'])}
        suffix="% of a limit"
        hint="Comma-separated and going up, e.g. 80, 100. You are alerted when usage crosses each one."
      />
    </Section>
  );
}

export function TimezoneField({ b, path, timezones }: { b: FormBindings; path: string[]; timezones: Choice[] }) {
  const v = b.value<string>(path);
  return <SelectField label="Timezone" id={v.id} value={v.value} choices={timezones} onChange={v.onChange} error={v.error} hint="Days and resets are counted in this timezone." />;
}

function TierField({ b, provider }: { b: FormBindings; provider: TokenProviderId }) {
  const path = ['limits', provider, 'tpm'];
  const tpm = b.value<number | null>(path);
  const presets = presetsFor(provider);
  const matching = typeof tpm.value === 'number' && !Number.isNaN(tpm.value) ? presetMatching(provider, tpm.value) : undefined;
  const [custom, setCustom] = useState(false);
  const selected = custom || (tpm.value !== null && !matching) ? 'custom' : (matching?.id ?? '');
  const source = RATE_TIER_SOURCES.find((s) => s.provider === provider);
  const choices: Choice[] = [
    { value: '', label: 'Not set' },
    ...presets.map((p) => ({ value: p.id, label: `${p.label}: ${p.tpm.toLocaleString('en-US')} TPM${p.outputTpm ? ` (output ${p.outputTpm.toLocaleString('en-US')})` : ''}` })),
    { value: 'custom', label: 'Custom…' },
  ];
  return (
    <div class="tier">
      <SelectField
        label="API rate tier"
        id={`${tpm.id}-tier`}
        value={selected}
        choices={choices}
        onChange={(id) => {
          setCustom(id === 'custom');
          if (id === '') tpm.onChange(null);
          const preset = presets.find((p) => p.id === id);
          if (preset) tpm.onChange(preset.tpm);
        }}
        hint={source ? <>Tier figures: {source.basis}, from <a href={source.url} target="_blank" rel="noreferrer">the provider's docs</a> (checked {source.checked}). Your console shows your real limit.</> : 'Tokens per minute your API key allows.'}
      />
      {selected === 'custom' && <TextField label="Tokens per minute (TPM)" binding={b.number(path)} placeholder="e.g. 30,000" suffix="TPM" inputMode="numeric" />}
    </div>
  );
}
