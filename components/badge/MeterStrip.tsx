import type { WindowView } from '@/utils/core/meters/plan-limits';

/** "Session (5 h)" -> "Session": the chat box has room for the name only; the title has the rest. */
const shortName = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

function whenText(w: WindowView): string {
  if (w.countdown !== null) return `resets in ${w.countdown}`;
  if (w.resetSinceRead) return 'reset since this reading';
  return w.resetClock !== null ? `reset time given as ${w.resetClock} (passed)` : 'reset time not given';
}

/**
 * The windows worth a glance at the chat box: the session (the shortest window) and the fullest
 * of the others, so a weekly window close to its end is never hidden behind a quiet session.
 */
export function glanceWindows(windows: readonly WindowView[]): WindowView[] {
  if (windows.length <= 2) return [...windows];
  const [first, ...rest] = windows;
  const fullest = rest.reduce((top, w) => (w.used > top.used ? w : top), rest[0]!);
  return [first!, fullest];
}

function MiniBar({ w }: { w: WindowView }) {
  return (
    <span
      class="meter-bar"
      role="progressbar"
      aria-label={`${w.label} used`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.floor(w.used * 100)}
      aria-valuetext={`${w.percentText} used, ${whenText(w)}`}
    >
      <span style={{ width: `${w.used * 100}%` }} />
    </span>
  );
}

/** The site's own plan windows beside the chip: a slim bar each, the percentage, and the first one's reset. */
export function MeterStrip({ windows, siteName }: { windows: readonly WindowView[]; siteName: string }) {
  const shown = glanceWindows(windows);
  if (!shown.length) return null;
  return (
    <div class="meters" role="group" aria-label={`${siteName} plan limits`} data-testid="badge-meters">
      {shown.map((w, i) => (
        <span key={w.id} class="meter" data-meter={w.id} data-severity={w.severity} data-used={String(w.used)} title={`${w.label}: ${w.percentText} used, ${whenText(w)}`}>
          <span class="meter-name">{shortName(w.label)}</span>
          <MiniBar w={w} />
          <span class="meter-pct">{w.percentText}</span>
          {i === 0 && w.countdown !== null ? <span class="meter-reset">· {w.countdown}</span> : null}
        </span>
      ))}
    </div>
  );
}

/** Every window in the details panel, with its reset time in full. */
export function MeterDetails({ windows, siteName }: { windows: readonly WindowView[]; siteName: string }) {
  if (!windows.length) return null;
  return (
    <div class="meter-details" data-field="plan-limits">
      <h3>{siteName} plan limits</h3>
      {windows.map((w) => (
        <div key={w.id} class="meter-row" data-meter={w.id} data-severity={w.severity}>
          <div class="meter-row__head">
            <span>{w.label}</span>
            <span>{w.percentText} used</span>
          </div>
          <MiniBar w={w} />
          <div class="note">
            {w.countdown !== null ? `Resets in ${w.countdown} (${w.resetClock})` : whenText(w)}
            {w.detail ? ` · ${w.detail}` : ''}
          </div>
        </div>
      ))}
    </div>
  );
}
