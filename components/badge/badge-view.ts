import type { BadgeView } from '@/components/badge/Badge';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { costUsd } from '@/utils/core/models/cost';
import { siteSettingsFor, DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { clayRunView } from '@/utils/core/clay/clay-run-view';
import { chooseModel, NEW_FIELD, type PageState } from '@/utils/core/page/page-state';

/** The badge of one field, as a pure function of the page state. */
export function badgeViewFor(state: PageState, fieldId: string, models: ModelInfo[]): BadgeView {
  const field = state.fields[fieldId] ?? NEW_FIELD;
  const { model, source, pageModelId, pageLabel, note, overrideId } = chooseModel(state);
  const site = state.settings ? siteSettingsFor(state.settings, state.host) : null;
  const projected = Math.min(site?.projectedOutputTokens ?? 1000, model?.maxOutput ?? Infinity);
  const ready = field.state === 'ready';
  return {
    state: field.state,
    error: field.error,
    tokens: field.tokens,
    exact: field.exact,
    exactSource: field.exactSource,
    exactNote: field.exactNote,
    counting: field.counting,
    model,
    modelSource: source,
    pageModelId,
    pageLabel,
    modelNote: note,
    overrideId,
    models,
    inputCostUsd: model && ready ? costUsd(model, field.tokens, 0) : null,
    projectedOutputTokens: projected,
    projectedOutputCostUsd: model ? costUsd(model, 0, projected) : null,
    conversation: state.conversation,
    theme: field.theme,
    adapter: state.adapter,
    health: state.health,
    clay: state.adapter.kind === 'clay' && model ? clayRunView(state.clay, state.settings ?? DEFAULT_SETTINGS, model, field.tokens) : null,
  };
}
