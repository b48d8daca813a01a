import type { ModelRow } from '@/components/popup/popup-data';
import { formatCompact, formatUsd } from '@/components/popup/format';
import { PROVIDER_NAMES } from '@/components/popup/ProviderCard';
import { TableHead } from '@/components/TableHead';
import { labelOfId } from '@/utils/core/models/model-id';
import { inputDetail, reasoningDetail } from '@/components/popup/usage-details';
import { DetailLine, ReasoningCell } from '@/components/popup/DetailLine';

export function ModelBreakdown({ rows }: { rows: ModelRow[] }) {
  if (!rows.length) return null;
  return (
    <section class="panel" aria-labelledby="models-title">
      <h2 id="models-title">By model</h2>
      <table class="table">
        <TableHead columns={['Model', 'Input', 'Output', 'Thinking', 'API-equiv. cost', 'Turns']} />
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.provider}/${r.model}`} data-model={r.model}>
              <th scope="row" title={`${PROVIDER_NAMES[r.provider]} · ${r.model}`}>
                {labelOfId(r.model)}
              </th>
              <td>
                {formatCompact(r.totals.inputTokens)}
                <DetailLine detail={inputDetail(r.totals.cacheReadTokens, r.totals.attachmentTokens)} kind="input" />
              </td>
              <td>{formatCompact(r.totals.outputTokens)}</td>
              <td data-reasoning={r.totals.reasoningTokens} data-reasoning-unknown={r.totals.reasoningUnknownTurns}>
                <ReasoningCell detail={reasoningDetail(r.totals.reasoningTokens, r.totals.reasoningUnknownTurns)} />
              </td>
              <td>{formatUsd(r.totals.costUsd)}</td>
              <td>{r.totals.turns}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
