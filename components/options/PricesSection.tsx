import type { ModelInfo } from '@/utils/core/models/model-types';
import type { FormBindings } from '@/components/options/form-bindings';
import { formatPerMTok } from '@/utils/core/settings/price-catalog';
import { CellInput, Section, SelectField } from '@/components/options/fields';
import { CACHE_TTL_CONFIRMED, DEFAULT_CACHE_TTL_MINUTES } from '@/utils/core/cache/prompt-cache';
import { TableHead } from '@/components/TableHead';
import { useState } from 'preact/hooks';
import { filterPriceRows } from '@/components/options/price-filter';

/** Search and the "models I use" filter above the table. */
function PriceFilter(props: { query: string; onQuery: (q: string) => void; onlyUsed: boolean; onOnlyUsed: (on: boolean) => void; usedCount: number; shown: number; total: number }) {
  return (
    <div class="price-filter" role="search">
      <label for="price-search">Search models</label>
      <input id="price-search" type="search" placeholder="e.g. sonnet, gpt-5, gemini" value={props.query} onInput={(e) => props.onQuery(e.currentTarget.value)} />
      <label class="checkbox-inline">
        <input type="checkbox" checked={props.onlyUsed} disabled={props.usedCount === 0} onChange={(e) => props.onOnlyUsed(e.currentTarget.checked)} />
        Only models I use{props.usedCount === 0 ? ' (none recorded yet)' : ` (${props.usedCount})`}
      </label>
      <p class="hint" role="status" data-testid="price-count">
        Showing {props.shown} of {props.total} models
      </p>
    </div>
  );
}

/** claude.ai's prompt cache lifetime: how long after a reply the next message re-reads the conversation at the cache-read price. */
function CacheTtlField({ b }: { b: FormBindings }) {
  const ttl = b.value<number>(['cacheTtlMinutes']);
  const label = (m: number) => `${m === 60 ? '1 hour' : `${m} minutes`}${m === DEFAULT_CACHE_TTL_MINUTES ? ' (default)' : ''}`;
  return (
    <SelectField
      label="Claude's prompt cache lasts"
      id={ttl.id}
      value={String(ttl.value)}
      choices={[5, 60].map((m) => ({ value: String(m), label: label(m) }))}
      onChange={(v) => ttl.onChange(Number(v))}
      error={ttl.error}
      hint={
        <>
          On claude.ai a message sent within this time of the last reply re-reads the conversation from the cache, priced at the model's cache-read price
          (about a tenth of input); later, it is input again. Anthropic does not publish the app's lifetime: 1 hour is what the only tests on claude.ai
          found (last confirmed {CACHE_TTL_CONFIRMED}), 5 minutes is the API's default. ChatGPT and Gemini publish no cache rule for their apps, so their
          turns are priced as fresh input.
        </>
      }
    />
  );
}

export function PricesSection({ b, models, priceDate, priceSource, usedModels }: { b: FormBindings; models: ModelInfo[]; priceDate: string; priceSource: string; usedModels: Set<string> }) {
  const [query, setQuery] = useState('');
  const [onlyUsed, setOnlyUsed] = useState<boolean | null>(null);
  const usedCount = models.filter((m) => usedModels.has(m.id)).length;
  // Until the person chooses, the filter is on whenever there is something to filter to.
  const filterOn = (onlyUsed ?? usedCount > 0) && usedCount > 0;
  const rows = filterPriceRows(models, query, filterOn ? usedModels : null);
  return (
    <Section
      id="prices"
      title="Prices"
      collapsible
      summary="Bundled API prices per model, and your own where you pay a different rate."
      intro={
        <>
          Bundled prices in USD per million tokens, from {priceSource}, dated <time dateTime={priceDate}>{priceDate}</time>. Enter both an input and an output price to override a
          model (for a negotiated rate or a newer price); clear both to go back to the bundled one.
        </>
      }
    >
      <CacheTtlField b={b} />
      <PriceFilter query={query} onQuery={setQuery} onlyUsed={filterOn} onOnlyUsed={setOnlyUsed} usedCount={usedCount} shown={rows.length} total={models.length} />
      <div class="table-scroll">
        <table class="data-table prices">
          <TableHead columns={['Model', 'Input', 'Output', 'Your input price', 'Your output price']} />
          <tbody>
            {rows.map((m) => {
              const input = formatPerMTok(m.price, 'inputPerMTok');
              const output = formatPerMTok(m.price, 'outputPerMTok');
              return (
                <tr key={m.id} data-model={m.id}>
                  <th scope="row">
                    {m.label}
                    <span class="model-id">{m.id}</span>
                  </th>
                  {input === null ? (
                    <td colSpan={2} class="no-price">
                      No known price
                    </td>
                  ) : (
                    <>
                      <td>{input}</td>
                      <td>{output}</td>
                    </>
                  )}
                  <td>
                    <CellInput binding={b.priceOverride(m.id, 'inputPerMTok')} label={`${m.label} input price override, USD per million tokens`} placeholder="$" />
                  </td>
                  <td>
                    <CellInput binding={b.priceOverride(m.id, 'outputPerMTok')} label={`${m.label} output price override, USD per million tokens`} placeholder="$" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
