import type { LimitBarData } from '@/components/popup/popup-data';
import { formatDay, formatInstantDay, formatInt, formatPercent, formatUsd } from '@/components/popup/format';

const KIND_LABEL = { tokens: 'Tokens', budget: 'Budget', credits: 'Credits' } as const;

function amount(kind: LimitBarData['kind'], n: number): string {
  return kind === 'budget' ? formatUsd(n) : formatInt(n);
}

export function LimitBar(props: { bar: LimitBarData; lastDay: string; timeZone: string; id: string }) {
  const { bar, lastDay, timeZone, id } = props;
  const pct = formatPercent(bar.fraction);
  const label = `${KIND_LABEL[bar.kind]}: ${pct} (${amount(bar.kind, bar.used)} of ${amount(bar.kind, bar.limit)})`;
  return (
    <div class={`limit limit--${bar.severity}`} data-limit-kind={bar.kind}>
      <div class="limit__head">
        <span id={`${id}-label`} class="limit__name">
          {KIND_LABEL[bar.kind]}
        </span>
        <span class="limit__figures">
          <strong>{pct}</strong> · {amount(bar.kind, bar.used)} / {amount(bar.kind, bar.limit)}
          {bar.kind === 'tokens' ? ' tokens' : bar.kind === 'credits' ? ' credits' : ''}
        </span>
      </div>
      <div
        class="limit__track"
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.floor(bar.fraction * 100))}
        aria-valuetext={label}
      >
        <div class="limit__fill" style={{ width: `${Math.min(100, bar.fraction * 100)}%` }} />
      </div>
      {bar.projectedFraction !== null && (
        <p class="limit__pace">
          On pace for {formatPercent(bar.projectedFraction)} by {formatDay(lastDay)}
          {bar.reachedAt !== null && bar.fraction < 1 && ` · limit reached around ${formatInstantDay(bar.reachedAt, timeZone)}`}
          {bar.fraction >= 1 && ' · limit reached'}
        </p>
      )}
    </div>
  );
}
