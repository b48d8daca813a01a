import type { HeldTurnsSummary } from '@/utils/storage/held-turns';

const turns = (n: number) => `${n.toLocaleString('en-US')} turn${n === 1 ? '' : 's'}`;
const usd = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

/**
 * Turns held back, said plainly: those dated ahead of this computer's clock (recorded once it is
 * right again), and those an earlier version left where any page could have written them (the
 * user keeps or discards them, seeing what they claim).
 */
export function HeldTurnsNote({ summary, onReview }: { summary: HeldTurnsSummary; onReview: (keep: boolean) => void }) {
  const { aheadOfClock, unverified } = summary;
  return (
    <section class="notice held-turns" data-testid="held-turns" aria-label="Turns waiting">
      {aheadOfClock > 0 && (
        <p>
          {turns(aheadOfClock)} dated ahead of this computer's clock {aheadOfClock === 1 ? 'is' : 'are'} waiting: the clock looks wrong.{' '}
          {aheadOfClock === 1 ? 'It is' : 'They are'} recorded once the clock is right again, and never lost.
        </p>
      )}
      {unverified.count > 0 && (
        <>
          <p>
            {turns(unverified.count)} left by an earlier version of TokenTally could not be verified: any page could have written{' '}
            {unverified.count === 1 ? 'it' : 'them'}. {unverified.count === 1 ? 'It claims' : 'They claim'} {usd(unverified.costUsd)} on{' '}
            {unverified.sites.join(', ')}.
          </p>
          <p class="actions">
            <button type="button" onClick={() => onReview(true)}>
              Keep
            </button>{' '}
            <button type="button" onClick={() => onReview(false)}>
              Discard
            </button>
          </p>
        </>
      )}
    </section>
  );
}
