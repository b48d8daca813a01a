import type { FeedPoint } from '@/utils/core/telemetry/feed-point';
import { providerOfId } from '@/utils/core/models/model-id';
import {
  AGGREGATION_TEMPORALITY_DELTA,
  nanos,
  str,
  type ExportMetricsServiceRequest,
  type HistogramDataPoint,
  type KeyValue,
  type Metric,
  type NumberDataPoint,
  type ResourceMetrics,
} from '@/utils/core/telemetry/otlp-json';

/**
 * One batch of recorded turns as an OTLP metrics export, under the GenAI semantic conventions:
 * `gen_ai.client.token.usage`, a histogram as the conventions define it (unit {token}, their
 * advised bucket boundaries), with `gen_ai.token.type` input or output; cost and turns under
 * `tokentally.*`. Delta temporality: each export carries only its own turns, so a collector
 * adds exports up and nothing is counted twice when a browser restarts (no running totals to
 * lose or repeat). One data point per series per export, as an SDK's reader would produce.
 *
 * Input is what the popup counts as input (prompt, files and the re-sent context, cache reads
 * included); output is the reply. Cache reads (part of input) and thinking (apart from output,
 * as the popup shows it) go to their own `tokentally.*` sums, so adding up the conventional
 * metric never counts a token twice and equals the popup's totals.
 */

export const TOKEN_USAGE_METRIC = 'gen_ai.client.token.usage';
/** Advised by the GenAI metric conventions for gen_ai.client.token.usage. */
export const TOKEN_BUCKET_BOUNDS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
export const SCOPE_NAME = 'tokentally';
/** The semantic conventions release that named gen_ai.provider.name. */
export const SEMCONV_SCHEMA_URL = 'https://opentelemetry.io/schemas/1.37.0';

export interface FeedIdentity {
  /** service.name: the team's name for this source, "tokentally" unless set. */
  serviceName: string;
  /** The person's chosen identity (an email goes to user.email, anything else to user.name); null = none. */
  user: string | null;
  /** service.instance.id: one random id per browser profile, so two browsers' points stay apart. */
  instanceId: string;
  /** service.version and the scope's version. */
  version: string;
}

/** gen_ai.provider.name as the conventions spell it; a Clay run is named by its model's provider. */
export function genAiProviderName(point: Pick<FeedPoint, 'provider' | 'model'>): string {
  const provider: string = point.provider === 'clay' ? (providerOfId(point.model) ?? 'clay') : point.provider;
  return Object.hasOwn(SEMCONV_PROVIDER_NAMES, provider) ? SEMCONV_PROVIDER_NAMES[provider]! : provider;
}

/** TokenTally's provider ids whose gen_ai.provider.name the conventions spell otherwise; the rest are used as they are. */
const SEMCONV_PROVIDER_NAMES: Record<string, string> = { google: 'gcp.gemini', 'x-ai': 'x_ai', mistral: 'mistral_ai' };

export function resourceAttributes(identity: FeedIdentity, site: string): KeyValue[] {
  const attributes = [str('service.name', identity.serviceName), str('service.instance.id', identity.instanceId), str('service.version', identity.version), str('tokentally.site', site)];
  if (identity.user) attributes.push(str(identity.user.includes('@') ? 'user.email' : 'user.name', identity.user));
  return attributes;
}

interface Series {
  attributes: KeyValue[];
  points: FeedPoint[];
}

/** The request for `points` (in the order sent); an empty batch makes an empty request. */
export function buildMetricsRequest(points: readonly FeedPoint[], identity: FeedIdentity): ExportMetricsServiceRequest {
  const bySite = new Map<string, Map<string, Series>>();
  for (const point of points) {
    const site = bySite.get(point.site) ?? new Map<string, Series>();
    bySite.set(point.site, site);
    const key = `${point.provider}\n${point.model}`;
    const series = site.get(key) ?? { attributes: seriesAttributes(point), points: [] };
    series.points.push(point);
    site.set(key, series);
  }
  const resourceMetrics: ResourceMetrics[] = [...bySite].map(([site, series]) => ({
    resource: { attributes: resourceAttributes(identity, site), droppedAttributesCount: 0 },
    scopeMetrics: [{ scope: { name: SCOPE_NAME, version: identity.version }, metrics: metricsOf([...series.values()]), schemaUrl: SEMCONV_SCHEMA_URL }],
  }));
  return { resourceMetrics };
}

function seriesAttributes(point: FeedPoint): KeyValue[] {
  return [
    str('gen_ai.operation.name', 'chat'),
    str('gen_ai.provider.name', genAiProviderName(point)),
    str('gen_ai.request.model', point.model),
    // The popup's card the turn is counted on (a Clay run's provider above is its model's).
    str('tokentally.provider', point.provider),
  ];
}

function metricsOf(series: Series[]): Metric[] {
  const metrics: Metric[] = [
    {
      name: TOKEN_USAGE_METRIC,
      description: 'Number of input and output tokens used',
      unit: '{token}',
      histogram: {
        aggregationTemporality: AGGREGATION_TEMPORALITY_DELTA,
        dataPoints: series.flatMap((s) => [histogramPoint(s, 'input', (p) => p.inputTokens), histogramPoint(s, 'output', (p) => p.outputTokens)]),
      },
    },
    deltaSum('tokentally.turns', 'Recorded turns', '{turn}', series, (p) => 1, 'int'),
    deltaSum('tokentally.cost.usd', 'API-equivalent cost of the turns with a known price', 'USD', series, (p) => p.costUsd ?? 0, 'double'),
    deltaSum('tokentally.token.cache_read', 'Input tokens read from the prompt cache (part of the input tokens)', '{token}', series, (p) => p.cacheReadTokens, 'int'),
    deltaSum('tokentally.token.reasoning', 'Thinking tokens as the page showed them (apart from the output tokens)', '{token}', series, (p) => p.reasoningTokens, 'int'),
  ];
  // A sum that is zero everywhere in this batch says nothing: left out, to keep exports small.
  return metrics.filter((m) => !('sum' in m) || m.name === 'tokentally.turns' || m.sum.dataPoints.length > 0);
}

const window = (points: FeedPoint[]) => ({
  startTimeUnixNano: nanos(Math.min(...points.map((p) => p.time))),
  timeUnixNano: nanos(Math.max(...points.map((p) => p.time))),
});

function histogramPoint(series: Series, type: 'input' | 'output', value: (p: FeedPoint) => number): HistogramDataPoint {
  const values = series.points.map(value);
  const bucketCounts = new Array<number>(TOKEN_BUCKET_BOUNDS.length + 1).fill(0);
  for (const v of values) {
    const i = TOKEN_BUCKET_BOUNDS.findIndex((bound) => v <= bound);
    bucketCounts[i === -1 ? TOKEN_BUCKET_BOUNDS.length : i]! += 1;
  }
  return {
    attributes: [...series.attributes, str('gen_ai.token.type', type)],
    ...window(series.points),
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    bucketCounts,
    explicitBounds: [...TOKEN_BUCKET_BOUNDS],
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

function deltaSum(name: string, description: string, unit: string, series: Series[], value: (p: FeedPoint) => number, kind: 'int' | 'double'): Metric {
  const dataPoints: NumberDataPoint[] = [];
  for (const s of series) {
    const total = s.points.reduce((a, p) => a + value(p), 0);
    if (total === 0 && name !== 'tokentally.turns') continue;
    dataPoints.push({ attributes: [...s.attributes], ...window(s.points), ...(kind === 'int' ? { asInt: total } : { asDouble: total }) });
  }
  return { name, description, unit, sum: { aggregationTemporality: AGGREGATION_TEMPORALITY_DELTA, isMonotonic: true, dataPoints } };
}
