import type { DailySeries } from '@/components/popup/popup-data';
import { formatCompact, formatDay, formatInt, formatUsd } from '@/components/popup/format';
import { TableHead } from '@/components/TableHead';

const WIDTH = 360;
const HEIGHT = 64;

export function DailyChart({ daily }: { daily: DailySeries }) {
  const days = daily.days;
  if (!days.length) return null;
  const max = Math.max(1, ...days.map((d) => d.tokens));
  const total = days.reduce((s, d) => s + d.tokens, 0);
  const busiest = days.reduce((a, b) => (b.tokens > a.tokens ? b : a), days[0]!);
  const gap = 2;
  const barWidth = Math.max(2, (WIDTH - gap * (days.length - 1)) / days.length);
  const summary =
    `Daily tokens, ${formatDay(daily.from)} to ${formatDay(daily.to)} (${daily.timeZone}): ${formatInt(total)} in total` +
    (busiest.tokens > 0 ? `, busiest ${formatDay(busiest.day)} with ${formatInt(busiest.tokens)}.` : '.');
  return (
    <section class="panel" aria-labelledby="daily-title">
      <h2 id="daily-title">This period, by day</h2>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {days.map((d, i) => {
          const h = d.tokens > 0 ? Math.max(2, (d.tokens / max) * HEIGHT) : 1;
          return (
            <rect key={d.day} class={d.tokens > 0 ? 'chart__bar' : 'chart__empty'} x={i * (barWidth + gap)} y={HEIGHT - h} width={barWidth} height={h}>
              <title>{`${formatDay(d.day)}: ${formatInt(d.tokens)} tokens`}</title>
            </rect>
          );
        })}
      </svg>
      <p class="chart__caption">
        <span>{formatDay(daily.from)}</span>
        <span>peak {formatCompact(max)} tokens/day</span>
        <span>{formatDay(daily.to)}</span>
      </p>
      <details>
        <summary>Show as table</summary>
        <table class="table">
          <caption class="visually-hidden">{summary}</caption>
          <TableHead columns={['Day', 'Tokens', 'Cost', 'Turns']} />
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(d.day)}</th>
                <td>{formatInt(d.tokens)}</td>
                <td>{formatUsd(d.costUsd)}</td>
                <td>{formatInt(d.turns)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
