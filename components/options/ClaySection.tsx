import { useState } from 'preact/hooks';
import type { FormBindings } from '@/components/options/form-bindings';
import type { EnrichmentTypeRow } from '@/utils/core/settings/clay-enrichment-types';
import { CellInput, CheckboxField, Section, SelectField, TextField, type Choice } from '@/components/options/fields';
import { TimezoneField } from '@/components/options/LimitsSection';
import { TableHead } from '@/components/TableHead';

const PLAN_PRESETS = [20_000, 50_000, 100_000];

/**
 * Clay's settings are for people who use Clay: shown once it is used or configured, or on request;
 * everyone else sees one line offering them.
 */
export function ClaySectionForUsers(props: { used: boolean; b: FormBindings; timezones: Choice[]; enrichmentTypes: EnrichmentTypeRow[] }) {
  const [asked, setAsked] = useState(() => location.hash === '#clay');
  if (props.used || asked) return <ClaySection b={props.b} timezones={props.timezones} enrichmentTypes={props.enrichmentTypes} />;
  return (
    <p class="clay-offer">
      Use Clay?{' '}
      <button type="button" class="secondary" onClick={() => setAsked(true)}>
        Show Clay settings
      </button>
    </p>
  );
}

export function ClaySection({ b, timezones, enrichmentTypes }: { b: FormBindings; timezones: Choice[]; enrichmentTypes: EnrichmentTypeRow[] }) {
  return (
    <Section id="clay" title="Clay" collapsible summary="Credits, your own keys in Clay, and run estimate defaults." intro="Clay charges credits per row an enrichment runs on. Plan credits reset each cycle; premium credits roll over.">
      <fieldset data-provider="clay">
        <legend>Credits</legend>
        <div class="grid">
          <PlanCreditsField b={b} />
          <TextField label="Premium credits left" binding={b.number(['clay', 'premiumCredits'], { empty: Number.NaN })} inputMode="numeric" suffix="credits" hint="They roll over between cycles, unlike plan credits." />
          <TextField label="Cycle starts on day" binding={b.number(['clay', 'cycleStartDay'], { empty: Number.NaN })} inputMode="numeric" hint="1 to 28." />
          <TimezoneField b={b} path={['clay', 'timezone']} timezones={timezones} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Your own API keys in Clay</legend>
        <p class="hint">With your own key, Clay charges no credits for that provider's AI columns; the provider bills you for tokens instead.</p>
        <CheckboxField label="OpenAI key connected in Clay" binding={b.value<boolean>(['clay', 'ownApiKey', 'openai'])} />
        <CheckboxField label="Anthropic key connected in Clay" binding={b.value<boolean>(['clay', 'ownApiKey', 'anthropic'])} />
        <CheckboxField label="Google key connected in Clay" binding={b.value<boolean>(['clay', 'ownApiKey', 'google'])} />
      </fieldset>
      <fieldset>
        <legend>Run estimate defaults</legend>
        <div class="grid">
          <TextField label="Rows per run" binding={b.number(['clay', 'defaultRows'], { empty: Number.NaN })} inputMode="numeric" suffix="rows" />
          <TextField label="Tokens per column reference" binding={b.number(['clay', 'avgReferenceTokens'], { empty: Number.NaN })} inputMode="numeric" suffix="tokens" hint="What a reference such as /Company Name adds per row." />
          <TextField label="Output tokens per row" binding={b.number(['clay', 'avgOutputTokens'])} inputMode="numeric" placeholder="Model maximum" suffix="tokens" hint="Empty = assume the model's maximum output (worst case)." />
        </div>
      </fieldset>
      <table class="data-table">
        <caption>Credits per row, by column type. Leave empty to use Clay's documented default.</caption>
        <TableHead columns={['Column type', 'Default', 'Your value']} />
        <tbody>
          {enrichmentTypes.map((t) => {
            const binding = b.number(['clay', 'creditsPerEnrichment', t.id], { empty: undefined });
            return (
              <tr key={t.id}>
                <th scope="row">
                  <label for={binding.id}>{t.label}</label>
                </th>
                <td>{t.defaultCredits === null ? '—' : `${t.defaultCredits} ${t.meterLabel.toLowerCase()}`}</td>
                <td>
                  <CellInput
                    binding={binding}
                    placeholder={t.defaultCredits === null ? '' : String(t.defaultCredits)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

function PlanCreditsField({ b }: { b: FormBindings }) {
  const path = ['clay', 'planCreditsPerMonth'];
  const v = b.value<number>(path);
  const [custom, setCustom] = useState(false);
  const selected = custom || !PLAN_PRESETS.includes(v.value) ? 'custom' : String(v.value);
  const choices: Choice[] = [...PLAN_PRESETS.map((n) => ({ value: String(n), label: `${n.toLocaleString('en-US')} credits` })), { value: 'custom', label: 'Custom…' }];
  return (
    <div>
      <SelectField
        label="Plan credits per month"
        id={`${v.id}-plan`}
        value={selected}
        choices={choices}
        onChange={(value) => {
          setCustom(value === 'custom');
          if (value !== 'custom') v.onChange(Number(value));
        }}
      />
      {selected === 'custom' && <TextField label="Credits per month" binding={b.number(path, { empty: Number.NaN })} inputMode="numeric" suffix="credits" />}
    </div>
  );
}
