import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildMetricsRequest, genAiProviderName, TOKEN_BUCKET_BOUNDS, type FeedIdentity } from '@/utils/core/telemetry/otlp-metrics';
import { feedPointOf } from '@/utils/core/telemetry/feed-point';
import { bruteTotals, makeEvent } from '@/test/unit/usage-test-helpers';
import type { ExportMetricsServiceRequest, KeyValue } from '@/utils/core/telemetry/otlp-json';

/**
 * ExportMetricsServiceRequest as opentelemetry-proto defines it (collector/metrics/v1/metrics_service.proto,
 * metrics/v1/metrics.proto, common/v1/common.proto, resource/v1/resource.proto), in the proto3 JSON
 * mapping OTLP/JSON uses: lowerCamelCase field names, times (fixed64) as decimal strings, enums as numbers;
 * counts as numbers, the spelling of OpenTelemetry JS's own types (@opentelemetry/otlp-transformer).
 * Strict: a misspelt or extra field fails, as a collector's decoder would reject it.
 */
const u64 = z.string().regex(/^(0|[1-9]\d*)$/);
const anyValue = z.union([
  z.object({ stringValue: z.string() }).strict(),
  z.object({ intValue: u64 }).strict(),
  z.object({ doubleValue: z.number() }).strict(),
  z.object({ boolValue: z.boolean() }).strict(),
]);
const keyValue = z.object({ key: z.string().min(1), value: anyValue }).strict();
const temporality = z.union([z.literal(1), z.literal(2)]); // DELTA, CUMULATIVE
const histogramDataPoint = z
  .object({
    attributes: z.array(keyValue),
    startTimeUnixNano: u64,
    timeUnixNano: u64,
    count: z.number().int().nonnegative(),
    sum: z.number(),
    bucketCounts: z.array(z.number().int().nonnegative()),
    explicitBounds: z.array(z.number()),
    min: z.number(),
    max: z.number(),
  })
  .strict()
  .refine((p) => p.bucketCounts.length === p.explicitBounds.length + 1, 'bucketCounts has one more entry than explicitBounds')
  .refine((p) => p.bucketCounts.reduce((a, c) => a + Number(c), 0) === Number(p.count), 'the buckets add up to count')
  .refine((p) => BigInt(p.startTimeUnixNano) <= BigInt(p.timeUnixNano), 'start is not after time');
const numberDataPoint = z
  .object({ attributes: z.array(keyValue), startTimeUnixNano: u64, timeUnixNano: u64, asInt: z.number().int().nonnegative().optional(), asDouble: z.number().optional() })
  .strict()
  .refine((p) => (p.asInt === undefined) !== (p.asDouble === undefined), 'exactly one of asInt, asDouble');
const metric = z.union([
  z.object({ name: z.string(), description: z.string(), unit: z.string(), histogram: z.object({ dataPoints: z.array(histogramDataPoint), aggregationTemporality: temporality }).strict() }).strict(),
  z
    .object({ name: z.string(), description: z.string(), unit: z.string(), sum: z.object({ dataPoints: z.array(numberDataPoint), aggregationTemporality: temporality, isMonotonic: z.boolean() }).strict() })
    .strict(),
]);
const exportRequest = z
  .object({
    resourceMetrics: z.array(
      z
        .object({
          resource: z.object({ attributes: z.array(keyValue), droppedAttributesCount: z.number().int().nonnegative() }).strict(),
          scopeMetrics: z.array(z.object({ scope: z.object({ name: z.string(), version: z.string() }).strict(), metrics: z.array(metric), schemaUrl: z.string() }).strict()),
        })
        .strict(),
    ),
  })
  .strict();

const identity: FeedIdentity = { serviceName: 'tokentally', user: 'ada@example.com', instanceId: '00000000-0000-4000-8000-000000000001', version: '0.1.0' };
const attr = (attributes: KeyValue[], key: string) => {
  const v = attributes.find((a) => a.key === key)?.value;
  return v && 'stringValue' in v ? v.stringValue : undefined;
};

/** Every data point of `name`, with its resource's attributes. */
function pointsOf(request: ExportMetricsServiceRequest, name: string) {
  return request.resourceMetrics.flatMap((rm) =>
    rm.scopeMetrics.flatMap((sm) =>
      sm.metrics
        .filter((m) => m.name === name)
        .flatMap((m) => ('histogram' in m ? m.histogram.dataPoints : m.sum.dataPoints).map((p) => ({ resource: rm.resource.attributes, point: p as unknown as Record<string, unknown> & { attributes: KeyValue[] } }))),
    ),
  );
}

const events = [
  makeEvent({ id: 'evt-aaaaaaaa1', promptTokens: 12, contextTokens: 300, attachmentTokens: 40, cacheReadTokens: 200, outputTokens: 90, reasoningTokens: 33, costUsd: 0.002 }),
  makeEvent({ id: 'evt-aaaaaaaa2', promptTokens: 5, contextTokens: 0, outputTokens: 7, costUsd: null, time: Date.UTC(2026, 10, 15, 12, 5) }),
  makeEvent({ id: 'evt-aaaaaaaa3', site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 1000, contextTokens: 70000, outputTokens: 2000, costUsd: 0.25 }),
  makeEvent({ id: 'evt-aaaaaaaa4', site: 'gemini.google.com', provider: 'google', model: 'gemini-2.5-pro', promptTokens: 3, contextTokens: 0, outputTokens: 0, reasoningTokens: null, costUsd: 0 }),
  makeEvent({ id: 'evt-aaaaaaaa5', site: 'app.clay.com', provider: 'clay', model: 'claude-haiku-4-5', kind: 'clay-run', promptTokens: 500, contextTokens: 0, outputTokens: 100, credits: 2, costUsd: 0.01 }),
];

describe('OTLP/JSON metrics payload', () => {
  const request = buildMetricsRequest(events.map(feedPointOf), identity);

  it('is an ExportMetricsServiceRequest as the proto defines it', () => {
    const parsed = exportRequest.safeParse(JSON.parse(JSON.stringify(request)));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('a misspelt field would be caught by the check above', () => {
    const broken = JSON.parse(JSON.stringify(request)) as { resourceMetrics: Array<{ resource: Record<string, unknown> }> };
    broken.resourceMetrics[0]!.resource.attribute = [];
    expect(exportRequest.safeParse(broken).success).toBe(false);
  });

  it('names the metric, its unit, temporality and bucket boundaries as the GenAI conventions do', () => {
    const metrics = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics;
    const usage = metrics.find((m) => m.name === 'gen_ai.client.token.usage')!;
    expect(usage.unit).toBe('{token}');
    expect('histogram' in usage && usage.histogram.aggregationTemporality).toBe(1);
    expect(pointsOf(request, 'gen_ai.client.token.usage').every(({ point }) => JSON.stringify(point.explicitBounds) === JSON.stringify(TOKEN_BUCKET_BOUNDS))).toBe(true);
    expect(TOKEN_BUCKET_BOUNDS).toEqual([1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864]);
  });

  it('puts site, service and identity on the resource, and provider, model and token type on each point', () => {
    const claude = request.resourceMetrics.find((rm) => attr(rm.resource.attributes, 'tokentally.site') === 'claude.ai')!;
    expect(attr(claude.resource.attributes, 'service.name')).toBe('tokentally');
    expect(attr(claude.resource.attributes, 'user.email')).toBe('ada@example.com');
    expect(attr(claude.resource.attributes, 'service.instance.id')).toBe(identity.instanceId);
    const points = pointsOf(request, 'gen_ai.client.token.usage').filter(({ resource }) => attr(resource, 'tokentally.site') === 'claude.ai');
    expect(points.map(({ point }) => attr(point.attributes, 'gen_ai.token.type')).sort()).toEqual(['input', 'output']);
    for (const { point } of points) {
      expect(attr(point.attributes, 'gen_ai.provider.name')).toBe('anthropic');
      expect(attr(point.attributes, 'gen_ai.request.model')).toBe('claude-sonnet-4-5');
      expect(attr(point.attributes, 'gen_ai.operation.name')).toBe('chat');
    }
    // A name without @ is a name, not an email.
    const named = buildMetricsRequest([feedPointOf(events[0]!)], { ...identity, user: 'Ada L.' });
    expect(attr(named.resourceMetrics[0]!.resource.attributes, 'user.name')).toBe('Ada L.');
    expect(attr(named.resourceMetrics[0]!.resource.attributes, 'user.email')).toBeUndefined();
  });

  it('spells gen_ai.provider.name per the conventions; a Clay run is named by its model', () => {
    expect(genAiProviderName({ provider: 'openai', model: 'gpt-4o' })).toBe('openai');
    expect(genAiProviderName({ provider: 'google', model: 'gemini-2.5-pro' })).toBe('gcp.gemini');
    expect(genAiProviderName({ provider: 'clay', model: 'claude-haiku-4-5' })).toBe('anthropic');
    expect(genAiProviderName({ provider: 'clay', model: 'clay-native-thing' })).toBe('clay');
    // The chats of issue 27, as the conventions' well-known values spell them.
    expect(genAiProviderName({ provider: 'x-ai', model: 'grok-4' })).toBe('x_ai');
    expect(genAiProviderName({ provider: 'mistral', model: 'mistral-large' })).toBe('mistral_ai');
    expect(genAiProviderName({ provider: 'deepseek', model: 'deepseek-chat' })).toBe('deepseek');
    expect(genAiProviderName({ provider: 'perplexity', model: 'sonar' })).toBe('perplexity');
    const clay = pointsOf(request, 'gen_ai.client.token.usage').find(({ resource }) => attr(resource, 'tokentally.site') === 'app.clay.com')!;
    expect(attr(clay.point.attributes, 'tokentally.provider')).toBe('clay');
  });

  it('adds up, per provider, to the popup totals of the same turns: input, output, cost, turns, cache reads, thinking', () => {
    for (const provider of ['openai', 'anthropic', 'google', 'clay'] as const) {
      const expected = bruteTotals(events, -Infinity, Infinity, provider);
      const mine = (name: string) => pointsOf(request, name).filter(({ point }) => attr(point.attributes, 'tokentally.provider') === provider);
      const tokens = (type: string) => mine('gen_ai.client.token.usage').filter(({ point }) => attr(point.attributes, 'gen_ai.token.type') === type).reduce((a, { point }) => a + (point.sum as number), 0);
      const sum = (name: string) => mine(name).reduce((a, { point }) => a + Number(point.asInt ?? point.asDouble), 0);
      expect(tokens('input'), provider).toBe(expected.inputTokens);
      expect(tokens('output'), provider).toBe(expected.outputTokens);
      expect(sum('tokentally.turns'), provider).toBe(expected.turns);
      expect(sum('tokentally.cost.usd'), provider).toBeCloseTo(expected.costUsd, 12);
      expect(sum('tokentally.token.cache_read'), provider).toBe(expected.cacheReadTokens);
      expect(sum('tokentally.token.reasoning'), provider).toBe(expected.reasoningTokens);
    }
  });

  it('counts one observation per turn and token type, in the right bucket, over the turns’ time window', () => {
    const openaiInput = pointsOf(request, 'gen_ai.client.token.usage').find(
      ({ point }) => attr(point.attributes, 'tokentally.provider') === 'openai' && attr(point.attributes, 'gen_ai.token.type') === 'input',
    )!.point;
    expect(openaiInput.count).toBe(2);
    expect(openaiInput.min).toBe(5);
    expect(openaiInput.max).toBe(352);
    // 5 falls in (4, 16], 352 in (256, 1024].
    expect((openaiInput.bucketCounts as number[])[2]).toBe(1);
    expect((openaiInput.bucketCounts as number[])[5]).toBe(1);
    expect(openaiInput.startTimeUnixNano).toBe(`${Date.UTC(2026, 10, 15, 12, 0)}000000`);
    expect(openaiInput.timeUnixNano).toBe(`${Date.UTC(2026, 10, 15, 12, 5)}000000`);
  });

  it('carries counts, models, sites and costs only: no text field of any kind', () => {
    const keys = new Set<string>();
    JSON.stringify(request, (key, value) => (keys.add(key), value));
    const attributeKeys = new Set(JSON.stringify(request).match(/"key":"[^"]+"/g));
    expect([...attributeKeys].sort()).toEqual(
      [
        'gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.request.model', 'gen_ai.token.type', 'service.instance.id', 'service.name',
        'service.version', 'tokentally.provider', 'tokentally.site', 'user.email',
      ].map((k) => `"key":"${k}"`),
    );
    expect([...keys].some((k) => /text|prompt|content|message/i.test(k))).toBe(false);
  });

  it('an empty batch is an empty request', () => {
    expect(buildMetricsRequest([], identity)).toEqual({ resourceMetrics: [] });
  });
});
