/**
 * The feed's optional request headers (an API key or a tenant id for the collector), typed as
 * `Name: value` lines. They are credentials: kept in the extension's own IndexedDB, never in
 * storage.sync or an export, and shown on the options page by name only.
 */

export const MAX_HEADERS = 20;
const MAX_VALUE = 4096;
/** RFC 9110 token characters. */
const NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Set by TokenTally or by the browser: a user's value would break the request or be dropped. */
const RESERVED = new Set(['content-type', 'content-length', 'host', 'connection', 'transfer-encoding', 'cookie', 'origin', 'referer', 'keep-alive', 'te', 'trailer', 'upgrade', 'expect']);

export type HeadersParse = { ok: true; headers: Record<string, string> } | { ok: false; error: string };

export function parseOtlpHeaders(text: string): HeadersParse {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > MAX_HEADERS) return { ok: false, error: `At most ${MAX_HEADERS} headers` };
  for (const [i, line] of lines.entries()) {
    const colon = line.indexOf(':');
    const where = `Line ${i + 1}`;
    if (colon <= 0) return { ok: false, error: `${where}: write it as Name: value` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!NAME.test(name)) return { ok: false, error: `${where}: "${name.slice(0, 40)}" is not a header name` };
    if (RESERVED.has(name.toLowerCase()) || name.toLowerCase().startsWith('sec-') || name.toLowerCase().startsWith('proxy-')) return { ok: false, error: `${where}: ${name} is set by the browser or TokenTally` };
    // Control characters would split the request; the browser refuses them, so say so here.
    if (value.length > MAX_VALUE || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) return { ok: false, error: `${where}: the value is too long or has control characters` };
    if (Object.keys(headers).some((n) => n.toLowerCase() === name.toLowerCase())) return { ok: false, error: `${where}: ${name} is given twice` };
    headers[name] = value;
  }
  return { ok: true, headers };
}

/** Headers as read back from storage or a policy: kept only when every entry would parse. */
export function checkedOtlpHeaders(raw: unknown): Record<string, string> | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.some(([, v]) => typeof v !== 'string')) return null;
  const parsed = parseOtlpHeaders(entries.map(([k, v]) => `${k}: ${v as string}`).join('\n'));
  return parsed.ok ? parsed.headers : null;
}
