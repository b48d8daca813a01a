import type { BadgeView } from '@/components/badge/Badge';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { costUsd } from '@/utils/core/models/cost';
import { siteSettingsFor, DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { chooseModel, NEW_FIELD, type PageState } from '@/utils/core/page/page-state';
import { attachmentTokens, attachmentsExact } from '@/utils/core/attachments/attachment';
import { contextWindowFor } from '@/utils/core/models/app-context-windows';
import { contextWarning } from '@/utils/core/models/context-warning';
import { windowView, type WindowView } from '@/utils/core/meters/plan-limits';

/** The meter windows the badge shows: the page's last reading, as of `now`, fullest first. */
function meterWindows(state: PageState, now: number): WindowView[] {
  if (!state.meters || !state.settings?.siteMeters.read) return [];
  const thresholds = state.settings.siteMeters.thresholds;
  return state.meters.windows.map((w) => windowView(w, now, thresholds, state.meters!.readAt));
}

/** The badge of one field, as a pure function of the page state. */
export function badgeViewFor(state: PageState, fieldId: string, models: ModelInfo[], now = Date.now()): BadgeView {
  const field = state.fields[fieldId] ?? NEW_FIELD;
  const { model, source, pageModelId, pageLabel, note, overrideId } = chooseModel(state);
  const site = state.settings ? siteSettingsFor(state.settings, state.host) : null;
  const projected = Math.min(site?.projectedOutputTokens ?? 1000, model?.maxOutput ?? Infinity);
  const ready = field.state === 'ready';
  const window = model && state.adapter.kind !== 'clay' ? contextWindowFor(model, state.host, state.settings?.siteMeters.chatgptPlan) : null;
  // The badge counts the whole turn: the typed prompt and the attached files.
  const files = attachmentTokens(state.attachments);
  const tokens = field.tokens + files;
  const warning = window && window.tokens > 0 ? contextWarning({ prompt: ready ? field.tokens : 0, files: ready ? files : 0, conversation: state.conversation?.tokens ?? 0 }, window.tokens) : null;
  return {
    state: field.state,
    error: field.error,
    tokens,
    promptTokens: field.tokens,
    attachments: state.attachments,
    exact: field.exact && attachmentsExact(state.attachments),
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
    inputCostUsd: model && ready ? costUsd(model, tokens, 0) : null,
    showCost: site?.showCost ?? true,
    projectedOutputTokens: projected,
    projectedOutputCostUsd: model ? costUsd(model, 0, projected) : null,
    conversation: state.conversation,
    theme: field.theme,
    adapter: state.adapter,
    health: state.health,
    // The inputs only: the Clay section computes its run (it ships in Clay's own content script).
    clay: state.adapter.kind === 'clay' ? { inputs: state.clay, settings: state.settings ?? DEFAULT_SETTINGS, promptTokens: field.tokens } : null,
    host: state.host,
    apiEquivalent: state.adapter.kind === 'chat',
    context: window && warning ? { used: warning.used, window, level: warning.level, advice: warning.advice, action: warning.action } : null,
    meters: meterWindows(state, now),
  };
}
