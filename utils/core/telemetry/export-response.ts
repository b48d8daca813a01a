/**
 * What a collector's answer to an export means. OTLP/HTTP: any 2xx is success (a body may carry
 * `partialSuccess`, data the collector rejected for good; it must not be retried); everything
 * else is kept and tried again. Messages say what to do and never quote the body.
 */
export type ExportOutcome =
  | { ok: true; warning: string | null }
  | { ok: false; message: string; /** ms the collector asked to wait (Retry-After); 0 = none. */ retryAfterMs: number };

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export async function exportOutcome(response: ResponseLike, host: string, now = Date.now()): Promise<ExportOutcome> {
  const type = response.headers.get('content-type') ?? '';
  const retryAfterMs = retryAfter(response.headers.get('retry-after'), now);
  const { status } = response;
  if (status >= 200 && status < 300) {
    // A login or portal page answering in the collector's place is not an export that went through.
    if (/text\/html/i.test(type)) return { ok: false, message: `${host} answered with a web page, not an OTLP collector (HTTP ${status}): check the address`, retryAfterMs };
    return { ok: true, warning: await partialSuccessWarning(response, type) };
  }
  if (status === 401 || status === 403) return { ok: false, message: `${host} refused the export (HTTP ${status}): check the headers (API key or token)`, retryAfterMs };
  if (status === 404) return { ok: false, message: `${host} has no OTLP metrics receiver at /v1/metrics (HTTP 404): check the address`, retryAfterMs };
  if (status === 413) return { ok: false, message: `${host} found the export too large (HTTP 413)`, retryAfterMs };
  if (status === 429 || status === 503) return { ok: false, message: `${host} is busy (HTTP ${status}); trying again later`, retryAfterMs };
  if (/text\/html/i.test(type)) return { ok: false, message: `${host} answered with a web page (HTTP ${status}), not an OTLP collector: check the address`, retryAfterMs };
  return { ok: false, message: `${host} did not accept the export (HTTP ${status})`, retryAfterMs };
}

async function partialSuccessWarning(response: ResponseLike, type: string): Promise<string | null> {
  if (!/json/i.test(type)) return null;
  try {
    const body = JSON.parse(await response.text()) as { partialSuccess?: { rejectedDataPoints?: unknown } };
    const rejected = Number(body?.partialSuccess?.rejectedDataPoints ?? 0);
    return rejected > 0 ? `The collector accepted the export but rejected ${rejected} data point${rejected === 1 ? '' : 's'}` : null;
  } catch {
    return null;
  }
}

/** Retry-After in seconds or as an HTTP date, bounded to a day. */
function retryAfter(value: string | null, now: number): number {
  if (!value) return 0;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 24 * 3600_000) : 0;
}
