import type { BadgeView } from '@/components/badge/Badge';
import type { BadgeActions } from '@/utils/core/page/badge-contract';
import { clayRunView } from '@/utils/core/clay/clay-run-view';
import { createBadgeRenderer } from '@/components/badge/badge-renderer';
import { ClayRunEstimate } from '@/components/clay/ClayRunEstimate';

/** Clay's section of the badge: the run estimate for the column's model and rows. */
function ClayBadgeSection({ view, actions }: { view: BadgeView; actions: BadgeActions }) {
  const { model, clay } = view;
  if (!clay || !model) return null;
  return <ClayRunEstimate run={clayRunView(clay.inputs, clay.settings, model, clay.promptTokens)} actions={actions.clay} model={model} />;
}

/** The badge as Clay's content script mounts it. */
export const clayBadgeRenderer = createBadgeRenderer(ClayBadgeSection);
