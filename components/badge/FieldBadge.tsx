import type { FieldBadgeProps } from '@/utils/core/page/badge-contract';
import { badgeViewFor } from '@/components/badge/badge-view';
import { useStoreState } from '@/components/badge/use-page-state';
import { Badge } from '@/components/badge/Badge';

/** One field's badge, rendered from the page store. */
export function FieldBadge(props: FieldBadgeProps) {
  const state = useStoreState(props.store);
  return <Badge view={badgeViewFor(state, props.fieldId, props.models())} actions={props.actions} />;
}
