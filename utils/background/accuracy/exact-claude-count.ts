import { loadSettings } from '@/utils/storage/settings-store';
import { countClaudeTokens, type CountTokensResult } from '@/utils/background/accuracy/anthropic-count-tokens';
import { loadAnthropicKey } from '@/utils/storage/anthropic-key';

/**
 * The one gate in front of the network for Claude counts: returns null (count
 * locally) unless the user turned exact counts on AND stored a key. Meant for the
 * background or an extension page, where the key lives; never call it from a
 * content script (it would put the key in the site's renderer process).
 */
export async function exactClaudeCountIfEnabled(
  text: string,
  modelId: string,
  opts: { fetchImpl?: typeof fetch; signal?: AbortSignal } = {},
): Promise<CountTokensResult | null> {
  if (!modelId.startsWith('claude-')) return null;
  const settings = await loadSettings();
  if (!settings.anthropicExactCounts) return null;
  const apiKey = await loadAnthropicKey();
  if (!apiKey) return null;
  return countClaudeTokens({ apiKey, model: modelId, text, ...opts });
}
