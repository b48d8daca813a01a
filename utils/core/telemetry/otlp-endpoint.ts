/**
 * The team feed's OTLP/HTTP endpoint: the collector's base address, as OTEL_EXPORTER_OTLP_ENDPOINT
 * takes it; metrics go to `<endpoint>/v1/metrics`. It decides where usage goes, so it is checked
 * strictly: http(s) only, no user name or password in it (headers carry credentials), no query
 * or fragment, and nothing but the one host it names is ever asked for or contacted.
 */

export const OTLP_METRICS_PATH = '/v1/metrics';
const MAX_LENGTH = 2048;

/** Null when `raw` is a usable endpoint; otherwise a message for the form. */
export function otlpEndpointProblem(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return 'Enter the collector’s address, e.g. https://otel.example.com:4318';
  if (text.length > MAX_LENGTH) return `At most ${MAX_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Not an address: start with https:// (or http:// for a collector on your network)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// (or http://) address';
  if (url.username || url.password) return 'Put credentials in the headers below, not in the address';
  if (url.search || url.hash || text.includes('?') || text.includes('#')) return 'The address takes no ?query or #fragment';
  if (!url.hostname) return 'The address needs a host';
  return null;
}

/** The endpoint in one spelling: no trailing slash, and a pasted `/v1/metrics` taken off (it is added when sending). */
export function normaliseOtlpEndpoint(raw: string): string {
  const url = new URL(raw.trim());
  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(OTLP_METRICS_PATH)) path = path.slice(0, -OTLP_METRICS_PATH.length);
  return `${url.protocol}//${url.host}${path}`;
}

/** Where the points are POSTed. */
export function otlpMetricsUrl(endpoint: string): string {
  return normaliseOtlpEndpoint(endpoint) + OTLP_METRICS_PATH;
}

/**
 * The host permission the feed asks for: that host only, any port (match patterns carry no
 * port, in Chrome and Firefox alike).
 */
export function otlpOriginPattern(endpoint: string): string {
  const url = new URL(endpoint.trim());
  return `${url.protocol}//${url.hostname}/*`;
}

/** Zod-friendly predicate: a valid endpoint already in its one spelling. */
export function isOtlpEndpoint(value: string): boolean {
  return otlpEndpointProblem(value) === null && normaliseOtlpEndpoint(value) === value;
}
