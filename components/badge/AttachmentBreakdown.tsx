import type { BadgeView } from '@/components/badge/Badge';
import { countText, formatTokens } from '@/components/count-format';

/**
 * The turn's parts: "prompt 23 · report.pdf 1,940 · notes.md 962 · chart.png 765". Files still
 * being read say so (with their progress); files that could not be counted say why, by name.
 */
export function AttachmentBreakdown({ view }: { view: Pick<BadgeView, 'promptTokens' | 'attachments' | 'exact' | 'model'> }) {
  if (!view.attachments.length) return null;
  const band = view.model?.band;
  return (
    <div data-field="attachments">
      <p class="note" data-field="turn-breakdown">
        {[`prompt ${formatTokens(view.promptTokens)}`, ...view.attachments.filter((a) => a.status === 'counted').map((a) => `${a.name} ${formatTokens(a.tokens)}`)].join(' · ')}
      </p>
      <ul class="note">
        {view.attachments.map((a) => (
          <li key={a.id} data-attachment={a.name} data-status={a.status} data-tokens={a.status === 'counted' ? a.tokens : undefined} title={a.note ?? undefined}>
            {a.status === 'counted'
              ? `${a.name}: ${countText(a.tokens, a.exact, a.band || band)} tokens${a.note ? ` (${a.note})` : ''}`
              : a.status === 'pending'
                ? `${a.name}: reading…${a.progress !== null ? ` ${Math.round(a.progress * 100)}%` : ''}`
                : a.note}
          </li>
        ))}
      </ul>
    </div>
  );
}
