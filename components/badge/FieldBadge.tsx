import type { ModelInfo } from '@/utils/models/model-types';
import type { PageStore } from '@/utils/page/page-state';
import { badgeViewFor } from '@/utils/page/badge-view';
import { useStoreState } from '@/utils/page/use-page-state';
import { Badge, type BadgeActions } from './Badge';

/** One field's badge, rendered from the page store. */
export function FieldBadge(props: { store: PageStore; fieldId: string; actions: BadgeActions; models: () => ModelInfo[] }) {
  const state = useStoreState(props.store);
  return <Badge view={badgeViewFor(state, props.fieldId, props.models())} actions={props.actions} />;
}
