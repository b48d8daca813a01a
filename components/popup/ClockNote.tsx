const day = (t: number) => new Date(t).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' });

/** The computer's clock is behind the newest record: the popup reads as of that record, and says why. */
export function ClockNote({ now, behindBy }: { now: number; behindBy: number }) {
  const clock = now - behindBy;
  return (
    <p class="notice held-turns" data-testid="clock-note" role="status">
      This computer's clock says {day(clock)}, but your newest record is from {day(now)}: the clock looks wrong. Totals are shown as of{' '}
      {day(now)} until it is right again.
    </p>
  );
}
