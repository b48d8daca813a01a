import type { CountdownStore } from '@/utils/core/page/badge-contract';
import { useStoreState } from '@/components/badge/use-page-state';

/**
 * "cache warm · 4:12 left" beside the chip while the conversation's prompt cache is warm. It alone
 * subscribes to the countdown's store, so the once-a-second tick re-renders this line, not the badge.
 */
export function CacheCountdown({ store }: { store: CountdownStore }) {
  const { countdown } = useStoreState(store);
  if (!countdown) return null;
  return (
    <span
      class={`meters${countdown.urgent ? ' urgent' : ''}`}
      data-field="cache-countdown"
      data-urgent={String(countdown.urgent)}
      role="timer"
      title="Sent before then, the conversation is read from Claude's cache at about a tenth of the input price"
    >
      {countdown.text}
    </span>
  );
}
