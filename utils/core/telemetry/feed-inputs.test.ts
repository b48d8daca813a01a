import { describe, expect, it } from 'vitest';
import { isOtlpEndpoint, normaliseOtlpEndpoint, otlpEndpointProblem, otlpMetricsUrl, otlpOriginPattern } from '@/utils/core/telemetry/otlp-endpoint';
import { checkedOtlpHeaders, parseOtlpHeaders } from '@/utils/core/telemetry/otlp-headers';
import { exportOutcome } from '@/utils/core/telemetry/export-response';
import { backoffDelay, parseFeedStatus } from '@/utils/core/telemetry/feed-status';

describe('OTLP endpoint', () => {
  it('takes http(s) collector addresses and spells them one way', () => {
    expect(otlpEndpointProblem('https://otel.example.com:4318')).toBeNull();
    expect(normaliseOtlpEndpoint('https://otel.example.com:4318/')).toBe('https://otel.example.com:4318');
    expect(normaliseOtlpEndpoint('http://127.0.0.1:4318/v1/metrics')).toBe('http://127.0.0.1:4318');
    expect(normaliseOtlpEndpoint('https://gw.example.com/otlp/')).toBe('https://gw.example.com/otlp');
    expect(otlpMetricsUrl('https://gw.example.com/otlp')).toBe('https://gw.example.com/otlp/v1/metrics');
    expect(otlpOriginPattern('http://127.0.0.1:4318')).toBe('http://127.0.0.1/*');
    expect(isOtlpEndpoint('https://otel.example.com:4318')).toBe(true);
    expect(isOtlpEndpoint('https://otel.example.com:4318/')).toBe(false);
  });

  it('refuses what would send data somewhere unexpected, with a reason', () => {
    expect(otlpEndpointProblem('')).toMatch(/Enter/);
    expect(otlpEndpointProblem('otel.example.com')).toMatch(/Not an address/);
    expect(otlpEndpointProblem('ftp://otel.example.com')).toMatch(/https/);
    expect(otlpEndpointProblem('javascript:alert(1)')).toMatch(/https/);
    expect(otlpEndpointProblem('https://user:pw@otel.example.com')).toMatch(/credentials/);
    expect(otlpEndpointProblem('https://otel.example.com/?x=1')).toMatch(/query/);
    expect(otlpEndpointProblem('https://otel.example.com/#x')).toMatch(/fragment/);
    expect(otlpEndpointProblem(`https://otel.example.com/${'a'.repeat(3000)}`)).toMatch(/At most/);
  });
});

describe('OTLP headers', () => {
  it('reads Name: value lines', () => {
    expect(parseOtlpHeaders('Authorization: Bearer abc:def\n\n x-tenant : team-1 ')).toEqual({ ok: true, headers: { Authorization: 'Bearer abc:def', 'x-tenant': 'team-1' } });
    expect(parseOtlpHeaders('')).toEqual({ ok: true, headers: {} });
  });

  it('refuses malformed, reserved and repeated headers, naming the line', () => {
    expect(parseOtlpHeaders('no colon here')).toEqual({ ok: false, error: 'Line 1: write it as Name: value' });
    expect(parseOtlpHeaders('a: 1\nbad name: 2')).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2: .* is not a header name/) });
    expect(parseOtlpHeaders('Content-Type: text/plain')).toMatchObject({ ok: false, error: expect.stringMatching(/set by the browser/) });
    expect(parseOtlpHeaders('Cookie: a=b')).toMatchObject({ ok: false });
    expect(parseOtlpHeaders('X-A: 1\nx-a: 2')).toMatchObject({ ok: false, error: expect.stringMatching(/twice/) });
    expect(parseOtlpHeaders(Array.from({ length: 21 }, (_, i) => `h${i}: v`).join('\n'))).toMatchObject({ ok: false, error: 'At most 20 headers' });
  });

  it('checks stored or policy headers as strictly', () => {
    expect(checkedOtlpHeaders({ 'x-api-key': 'k' })).toEqual({ 'x-api-key': 'k' });
    expect(checkedOtlpHeaders({ 'x-api-key': 5 })).toBeNull();
    expect(checkedOtlpHeaders({ host: 'evil' })).toBeNull();
    expect(checkedOtlpHeaders(['x'])).toBeNull();
  });
});

const response = (status: number, type: string, body = '', extra: Record<string, string> = {}) => ({
  status,
  headers: { get: (name: string) => ({ 'content-type': type, ...extra })[name.toLowerCase()] ?? null },
  text: async () => body,
});

describe('what a collector’s answer means', () => {
  it('2xx is an export that went through; a partial success is said', async () => {
    expect(await exportOutcome(response(200, 'application/json', '{}'), 'c:4318')).toEqual({ ok: true, warning: null });
    expect(await exportOutcome(response(200, 'application/json', '{"partialSuccess":{"rejectedDataPoints":"3"}}'), 'c:4318')).toEqual({
      ok: true,
      warning: 'The collector accepted the export but rejected 3 data points',
    });
  });

  it('401, a web page, 404 and 5xx are failures with a clear message and no body quoted', async () => {
    const secret = 'SECRET-BODY';
    expect(await exportOutcome(response(401, 'text/plain', secret), 'c:4318')).toMatchObject({ ok: false, message: expect.stringMatching(/refused the export \(HTTP 401\): check the headers/) });
    expect(await exportOutcome(response(200, 'text/html', `<html>${secret}`), 'c:4318')).toMatchObject({ ok: false, message: expect.stringMatching(/web page/) });
    expect(await exportOutcome(response(404, 'text/plain'), 'c:4318')).toMatchObject({ ok: false, message: expect.stringMatching(/no OTLP metrics receiver/) });
    const e500 = await exportOutcome(response(500, 'text/plain', secret), 'c:4318');
    expect(e500).toMatchObject({ ok: false, message: 'c:4318 did not accept the export (HTTP 500)' });
    expect(JSON.stringify(e500)).not.toContain(secret);
  });

  it('honours Retry-After in seconds or as a date', async () => {
    const now = Date.UTC(2026, 11, 7);
    expect(await exportOutcome(response(429, 'text/plain', '', { 'retry-after': '120' }), 'c', now)).toMatchObject({ ok: false, retryAfterMs: 120_000 });
    expect(await exportOutcome(response(503, 'text/plain', '', { 'retry-after': new Date(now + 60_000).toUTCString() }), 'c', now)).toMatchObject({ retryAfterMs: 60_000 });
  });
});

describe('feed status and backoff', () => {
  it('backs off 30 s, doubling, to an hour at most', () => {
    expect([1, 2, 3, 4, 10, 50].map(backoffDelay)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });

  it('reads back only a well-formed status', () => {
    expect(parseFeedStatus({ lastExportAt: 'yesterday', failures: -1, lastError: { at: 5, message: 'x' } })).toMatchObject({ lastExportAt: null, failures: 0, lastError: { at: 5, message: 'x' } });
    expect(parseFeedStatus(null).lastError).toBeNull();
  });
});
