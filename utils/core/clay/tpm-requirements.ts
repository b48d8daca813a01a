import type { ProviderId } from '@/utils/core/models/model-types';
import type { AiFeatureId } from '@/utils/core/clay/credit-rules';

/**
 * API tier requirements Clay documents for its AI features when the user brings their own
 * key (Clay's "AI Tokens" doc, shared/seeds/000). With Clay credits Clay manages rate limits.
 */
export interface TpmRule {
  provider: ProviderId;
  /** Minimum tokens per minute; null when Clay names only a tier. */
  minTpm: number | null;
  tier?: string;
  /** Only these models work (e.g. Gemini Tier 2 only with Gemini 2.0 Flash). */
  onlyModels?: string[];
}

export interface TpmRequirement {
  feature: AiFeatureId;
  label: string;
  rules: TpmRule[];
}

export const TPM_REQUIREMENTS: TpmRequirement[] = [
  {
    feature: 'chatgpt-generate-text',
    label: 'ChatGPT Generate Text',
    rules: [{ provider: 'openai', minTpm: 30_000, tier: 'any paid tier with GPT-4 access' }],
  },
  {
    feature: 'claygent',
    label: 'Claygent web research',
    rules: [
      { provider: 'openai', minTpm: 450_000, tier: 'Tier 2' },
      { provider: 'anthropic', minTpm: 400_000, tier: 'Tier 4' },
      { provider: 'google', minTpm: null, tier: 'Tier 2', onlyModels: ['gemini-2.0-flash'] },
    ],
  },
];

export type TpmStatus =
  /** Clay credits: Clay manages rate limits. */
  | 'managed-by-clay'
  /** Own key and no documented requirement for this feature. */
  | 'no-requirement'
  /** The configured TPM meets the requirement. */
  | 'ok'
  | 'too-low'
  /** The user hasn't set a TPM for this provider. */
  | 'tpm-unknown'
  /** The requirement is a tier Clay doesn't give in TPM: the user must check it. */
  | 'tier-only'
  /** This provider/model can't run the feature. */
  | 'unsupported';

export interface TpmCheck {
  status: TpmStatus;
  requiredTpm: number | null;
  tier?: string;
  message: string;
}

export function checkTpm(args: {
  feature: AiFeatureId;
  provider: ProviderId;
  modelId: string;
  ownKey: boolean;
  tpm: number | null;
}): TpmCheck {
  if (!args.ownKey) return { status: 'managed-by-clay', requiredTpm: null, message: 'Clay credits: Clay manages rate limits' };
  const requirement = TPM_REQUIREMENTS.find((r) => r.feature === args.feature);
  if (!requirement) return { status: 'no-requirement', requiredTpm: null, message: 'No documented TPM requirement' };
  const rule = requirement.rules.find((r) => r.provider === args.provider);
  if (!rule) {
    const providers = requirement.rules.map((r) => r.provider).join(', ');
    return { status: 'unsupported', requiredTpm: null, message: `${requirement.label} runs on ${providers} keys only` };
  }
  if (rule.onlyModels && !rule.onlyModels.includes(args.modelId)) {
    return {
      status: 'unsupported',
      requiredTpm: rule.minTpm,
      tier: rule.tier,
      message: `${requirement.label} on this provider works only with ${rule.onlyModels.join(', ')}`,
    };
  }
  if (rule.minTpm === null) {
    return { status: 'tier-only', requiredTpm: null, tier: rule.tier, message: `Needs API ${rule.tier}` };
  }
  const need = `${rule.minTpm.toLocaleString('en-US')} TPM`;
  if (args.tpm === null) {
    return { status: 'tpm-unknown', requiredTpm: rule.minTpm, tier: rule.tier, message: `Needs ${need}; set your tier's TPM in settings` };
  }
  if (args.tpm >= rule.minTpm) return { status: 'ok', requiredTpm: rule.minTpm, tier: rule.tier, message: `Meets ${need}` };
  return { status: 'too-low', requiredTpm: rule.minTpm, tier: rule.tier, message: `Needs ${need} (${rule.tier}); yours is ${args.tpm.toLocaleString('en-US')}` };
}

/** Minutes a run of `totalTokens` takes at `tpm` (input + output count against TPM); null without a TPM. */
export function runMinutes(totalTokens: number, tpm: number | null): number | null {
  if (tpm === null || !(tpm > 0)) return null;
  return totalTokens / tpm;
}
