import type { Runtime } from 'webextension-polyfill';
import type { Handler } from '@/utils/background/messaging/router';
import { exactClaudeCountIfEnabled } from '@/utils/background/accuracy/exact-claude-count';

/**
 * Background handler for 'count-exact'. One request per field at a time: a newer request from
 * the same tab and frame aborts the older one, so a user who resumes typing never pays for a
 * stale count. The gate (setting on + key stored + Claude model) is exactClaudeCountIfEnabled's.
 */
export function createExactCountHandler(
  count: typeof exactClaudeCountIfEnabled = exactClaudeCountIfEnabled,
  /** Told about each exact count (the estimate's per-user correction learns from it). */
  onExact?: (text: string, modelId: string, tokens: number) => void,
): Handler<'count-exact'> {
  const inFlight = new Map<string, AbortController>();
  const keyOf = (sender: Runtime.MessageSender) => `${sender.tab?.id ?? 'ext'}:${sender.frameId ?? 0}`;

  return async (request, sender) => {
    const key = keyOf(sender);
    inFlight.get(key)?.abort();
    const controller = new AbortController();
    inFlight.set(key, controller);
    try {
      const result = await count(request.text, request.modelId, { signal: controller.signal });
      if (!result) return null;
      if (!result.ok) return { error: result.error };
      onExact?.(request.text, request.modelId, result.tokens);
      return { tokens: result.tokens };
    } finally {
      if (inFlight.get(key) === controller) inFlight.delete(key);
    }
  };
}
