import type { ObservationResult } from '@/utils/protocol/content-messages';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { splitIntoSegments } from '@/utils/core/counting/segment-text';
import { modelForId } from '@/utils/core/models/model-registry';
import { isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';
import { CORRECTION_RULES } from '@/utils/core/accuracy/corrections';
import { recordExactObservation } from '@/utils/storage/estimate-corrections';
import { announceCorrectionsChanged } from '@/utils/background/notices/tab-notices';

/** What became of one exact count reported to the background. */
/**
 * Background: learns from an exact count of a text (the opt-in count_tokens result, or a real
 * count a console showed after a run). The text's own estimate is recomputed here, uncorrected,
 * from the segment counter (whose cache the page's counting has usually filled already).
 */
export function createExactObserver(countSegments: () => CountSegmentsFn) {
  return async (text: string, modelId: string, exactTokens: number): Promise<ObservationResult> => {
    const model = modelForId(modelId);
    if (!model) return { applied: false, reason: `unknown model "${modelId}"` };
    if (!isClaudeEstimator(model.counter)) return { applied: false, reason: `${model.label} is not estimated from o200k: nothing to correct` };
    const counts = await countSegments()(model.counter, splitIntoSegments(text, 'o200k'));
    const estimate = counts.reduce((a, b) => a + b, 0);
    const next = await recordExactObservation(model.counter, estimate, exactTokens);
    if (!next) return { applied: false, reason: `too short to learn from (under ${CORRECTION_RULES.minTokens} estimated tokens)` };
    announceCorrectionsChanged();
    return { applied: true, ratio: next.ratio, samples: next.samples };
  };
}
