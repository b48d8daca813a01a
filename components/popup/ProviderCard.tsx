import type { ProviderCardData } from '@/components/popup/popup-data';
import { formatCompact, formatDay, formatInt, formatUsd } from '@/components/popup/format';
import { LimitBar } from '@/components/popup/LimitBar';
import type { ProviderId } from '@/utils/core/models/model-types';
import { PROVIDER_NAMES as CORE_PROVIDER_NAMES } from '@/utils/core/models/providers';

export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = { ...CORE_PROVIDER_NAMES, clay: 'Clay credits' };

function Stat(props: { label: string; value: string; testId: string; title?: string }) {
  return (
    <div class="stat" title={props.title}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

/** "On the API this use would have cost $31.50: 1.6× your plan's price ($20.00 a month)." */
export function planValueText(costUsd: number, planUsd: number): string {
  const ratio = costUsd / planUsd;
  const verdict = ratio >= 1 ? `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}× your plan's price` : `${Math.round(ratio * 100)}% of your plan's price`;
  return `On the API this use would have cost ${formatUsd(costUsd)}: ${verdict} (${formatUsd(planUsd)} a month).`;
}

/** The API-equivalent cost of this period's use set against what the user's plan costs a month. */
function PlanValue({ costUsd, planUsd }: { costUsd: number; planUsd: number }) {
  return (
    <p class="card__note" data-testid="plan-value" data-plan-usd={String(planUsd)}>
      {planValueText(costUsd, planUsd)}
    </p>
  );
}

export function ProviderCard({ card }: { card: ProviderCardData }) {
  const { provider, totals } = card;
  const headingId = `card-${provider}-title`;
  const unpriced = totals.unpricedTurns > 0;
  return (
    <section
      class="card"
      aria-labelledby={headingId}
      data-provider={provider}
      data-input-tokens={String(totals.inputTokens)}
      data-output-tokens={String(totals.outputTokens)}
      data-cost-usd={String(totals.costUsd)}
      data-limit-used={card.limitUsed === null ? '' : String(card.limitUsed)}
    >
      <header class="card__head">
        <h2 id={headingId}>{PROVIDER_NAMES[provider]}</h2>
        <p class="card__reset">
          Resets {formatDay(card.period.resetDate)} ({card.timeZone}) · {card.daysLeft} {card.daysLeft === 1 ? 'day' : 'days'} left
        </p>
      </header>
      <dl class="stats">
        <Stat label="Input" testId="input-tokens" value={formatInt(totals.inputTokens)} title="Prompt + conversation context, as an API call would bill it" />
        <Stat label="Output" testId="output-tokens" value={formatInt(totals.outputTokens)} />
        <Stat
          label="API-equiv. cost"
          testId="cost-usd"
          value={formatUsd(totals.costUsd) + (unpriced ? '*' : '')}
          title={unpriced ? `${totals.unpricedTurns} turns used a model with no known price and are not included` : 'Estimated API-equivalent cost'}
        />
        <Stat label="Turns" testId="turns" value={formatInt(totals.turns)} />
      </dl>
      {unpriced && <p class="card__note">* {formatInt(totals.unpricedTurns)} turns with no known price are not in the cost.</p>}
      {card.planMonthlyUsd !== undefined && <PlanValue costUsd={totals.costUsd} planUsd={card.planMonthlyUsd} />}
      {card.clay && (
        <dl class="stats stats--clay">
          <Stat label="Credits used" testId="credits-used" value={formatInt(totals.credits)} />
          <Stat label="Plan" testId="credits-plan" value={formatInt(card.clay.planCredits)} />
          <Stat label="Premium left" testId="premium-credits" value={formatInt(card.clay.premiumCredits)} title="Premium credits roll over between periods" />
        </dl>
      )}
      {card.limits.map((bar) => (
        <LimitBar key={bar.kind} bar={bar} lastDay={card.lastDay} timeZone={card.timeZone} id={`limit-${provider}-${bar.kind}`} />
      ))}
      {card.limits.length === 0 && (
        <p class="card__pace">
          {card.projectedTokens !== null
            ? `On pace for ${formatCompact(card.projectedTokens)} tokens by ${formatDay(card.lastDay)}. No limit set.`
            : 'No limit set.'}
        </p>
      )}
    </section>
  );
}
