import type { WindowView } from '@/utils/core/meters/plan-limits';

/** One window of a site's meter: the bar, % used, the reset countdown and the pace. */
export function PlanLimitsWindow({ window: w, stale }: { window: WindowView; stale: boolean }) {
  const labelId = `meter-${w.id.replace(/[^a-z0-9]+/gi, '-')}-label`;
  if (w.uncounted) return <UncountedCap window={w} stale={stale} />;
  const when =
    w.countdown !== null
      ? `Resets in ${w.countdown} (${w.resetClock})`
      : w.resetSinceRead
        ? 'Reset since this reading'
        : w.resetClock !== null
          ? `Reset time given as ${w.resetClock} (passed)`
          : 'Reset time not given';
  return (
    <div class={`limit limit--${w.severity} meter`} data-meter={w.id} data-used={String(w.used)} data-resets-at={w.resetsIso} data-stale={String(stale)}>
      <div class="limit__head">
        <span id={labelId} class="limit__name">
          {w.label}
        </span>
        <span class="limit__figures">
          <strong data-field="percent">{w.percentText}</strong> used
        </span>
      </div>
      <div
        class="limit__track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(w.used * 100)}
        aria-valuetext={`${w.percentText} used. ${when}.`}
      >
        <div class="limit__fill" style={{ width: `${w.used * 100}%` }} />
      </div>
      <p class="limit__pace" data-field="reset">
        {when}
        {w.pace && ` · ${w.pace}`}
      </p>
      {w.detail && <p class="limit__pace">{w.detail}</p>}
    </div>
  );
}

/** A cap nothing can count (a model the page does not name per message): its size and when it shows as full, no "0% used". */
function UncountedCap({ window: w, stale }: { window: WindowView; stale: boolean }) {
  return (
    <div class="limit meter" data-meter={w.id} data-used={String(w.used)} data-resets-at={w.resetsIso} data-stale={String(stale)} data-uncounted="true">
      <div class="limit__head">
        <span class="limit__name">{w.label}</span>
        <span class="limit__figures muted">not counted</span>
      </div>
      <p class="limit__pace">{w.detail}.</p>
    </div>
  );
}
