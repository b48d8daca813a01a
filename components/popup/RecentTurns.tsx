import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { formatCompact, formatTime, formatUsd } from '@/components/popup/format';
import { TableHead } from '@/components/TableHead';
import { labelOfId } from '@/utils/core/models/model-id';
import { DetailLine } from '@/components/popup/DetailLine';
import { inputDetail, turnReasoningDetail } from '@/components/popup/usage-details';

export function RecentTurns({ events }: { events: UsageEvent[] }) {
  if (!events.length) return null;
  return (
    <section class="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Last {events.length} turns</h2>
      <table class="table table--recent">
        <TableHead columns={['Site · model', 'Tokens in → out', 'API-equiv. cost']} />
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-event-id={e.id}>
              <td>
                {e.site} · <span title={e.model}>{labelOfId(e.model)}</span>
                <br />
                <span class="muted small">{formatTime(e.time)}</span>
              </td>
              <td>
                {formatCompact(e.promptTokens + e.contextTokens)} → {formatCompact(e.outputTokens)}
                {!e.exact && <abbr title="Estimated count (no exact tokenizer for this model)">&nbsp;~</abbr>}
                <DetailLine detail={thinkingOf(e.reasoningTokens)} kind="reasoning" />
                <DetailLine detail={inputDetail(e.cacheReadTokens, e.attachmentTokens)} kind="input" />
              </td>
              <td>{e.costUsd === null ? <abbr title="No known price for this model">n/a</abbr> : formatUsd(e.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "+ ≥420 thinking" / "+ ? thinking" beside the output, or nothing. */
function thinkingOf(reasoningTokens: number | null | undefined) {
  const detail = turnReasoningDetail(reasoningTokens);
  return detail && { ...detail, text: `+ ${detail.text} thinking` };
}
