import type { ModelInfo } from '@/utils/core/models/model-types';
import type { FormBindings } from '@/components/options/form-bindings';
import { formatPerMTok } from '@/utils/core/settings/price-catalog';
import { CellInput, Section } from '@/components/options/fields';
import { TableHead } from '@/components/TableHead';

export function PricesSection({ b, models, priceDate, priceSource }: { b: FormBindings; models: ModelInfo[]; priceDate: string; priceSource: string }) {
  return (
    <Section
      id="prices"
      title="Prices"
      intro={
        <>
          Bundled prices in USD per million tokens, from {priceSource}, dated <time dateTime={priceDate}>{priceDate}</time>. Enter both an input and an output price to override a
          model (for a negotiated rate or a newer price); clear both to go back to the bundled one.
        </>
      }
    >
      <div class="table-scroll">
        <table class="data-table prices">
          <TableHead columns={['Model', 'Input', 'Output', 'Your input price', 'Your output price']} />
          <tbody>
            {models.map((m) => {
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
