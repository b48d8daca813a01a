import { ANTHROPIC_COUNT_TOKENS_URL } from '@/utils/core/accuracy/anthropic-api';

/**
 * Exact Claude token counts from Anthropic's token-counting endpoint. Opt-in only:
 * the prompt text is sent to Anthropic with the user's own API key. Everything
 * else in TokenTally counts locally.
 */
const ANTHROPIC_VERSION = '2023-06-01';

export type CountTokensResult =
  | { ok: true; tokens: number }
  | { ok: false; error: string; status?: number; retryable: boolean };

export interface CountTokensRequest {
  apiKey: string;
  /** Anthropic model id, e.g. "claude-sonnet-4-5". */
  model: string;
  text: string;
  /** Defaults to globalThis.fetch; tests pass a stub. */
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  /** Gives up after this long (default 10 s) so a slow network never hangs the badge. */
  timeoutMs?: number;
}

/** Counts `text` as one user message. Never throws: every failure is a value with a readable message. */
export async function countClaudeTokens(req: CountTokensRequest): Promise<CountTokensResult> {
  const doFetch = req.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), req.timeoutMs ?? 10_000);
  const onAbort = () => timeout.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await doFetch(ANTHROPIC_COUNT_TOKENS_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': req.apiKey,
        'anthropic-version': ANTHROPIC_VERSION,
        // Required for calls from a browser context (extension pages count as one).
        'anthropic-dangerous-direct-browser-access': 'true',
      },
      body: JSON.stringify({ model: req.model, messages: [{ role: 'user', content: req.text }] }),
      signal: timeout.signal,
      credentials: 'omit',
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) return failure(response.status, body);
    const tokens = (body as { input_tokens?: unknown } | null)?.input_tokens;
    if (typeof tokens !== 'number' || !Number.isInteger(tokens) || tokens < 0) {
      return { ok: false, error: 'Anthropic replied without a token count', status: response.status, retryable: false };
    }
    return { ok: true, tokens };
  } catch (error) {
    if (req.signal?.aborted) return { ok: false, error: 'Cancelled', retryable: false };
    if (timeout.signal.aborted) return { ok: false, error: 'Anthropic did not answer in time', retryable: true };
    return { ok: false, error: `Could not reach Anthropic: ${error instanceof Error ? error.message : String(error)}`, retryable: true };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

function failure(status: number, body: unknown): CountTokensResult {
  const detail = (body as { error?: { message?: unknown } } | null)?.error?.message;
  const suffix = typeof detail === 'string' ? ` (${detail})` : '';
  if (status === 401) return { ok: false, status, error: `Anthropic rejected the API key${suffix}`, retryable: false };
  if (status === 403) return { ok: false, status, error: `This API key may not count tokens${suffix}`, retryable: false };
  if (status === 404) return { ok: false, status, error: `Anthropic does not know this model${suffix}`, retryable: false };
  if (status === 429) return { ok: false, status, error: `Rate limited by Anthropic; try again shortly${suffix}`, retryable: true };
  if (status >= 500) return { ok: false, status, error: `Anthropic is unavailable (${status})${suffix}`, retryable: true };
  return { ok: false, status, error: `Anthropic refused the request (${status})${suffix}`, retryable: false };
}
