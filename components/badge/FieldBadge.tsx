import type { FieldBadgeProps } from '@/utils/core/page/badge-contract';
import { badgeViewFor } from '@/components/badge/badge-view';
import { useClock, useStoreState } from '@/components/badge/use-page-state';
import { Badge } from '@/components/badge/Badge';

/** One field's badge, rendered from the page store. */
export function FieldBadge(props: FieldBadgeProps) {
  const state = useStoreState(props.store);
  // Meter countdowns move on with no page change.
  const now = useClock(state.meters ? 30_000 : null);
  return <Badge view={badgeViewFor(state, props.fieldId, props.models(), now)} actions={props.actions} countdown={props.countdown} />;
}
