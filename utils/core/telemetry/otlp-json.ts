/**
 * The part of OTLP/JSON (opentelemetry-proto, metrics/v1/metrics.proto and its common and
 * resource messages, in the proto3 JSON mapping) that the team feed sends. Hand-written rather
 * than OpenTelemetry's JS SDK: the SDK aggregates in memory between exports, which an MV3 worker
 * stopped after 30 s idle loses, so the feed needs its own durable outbox anyway, and the SDK
 * with its OTLP/HTTP exporter would add about 69 KB (21 KB gzipped) to the worker. The unit
 * tests check every payload against these messages field by field.
 *
 * Times (fixed64 nanoseconds) are decimal strings, as the proto3 JSON mapping writes them (a
 * JSON number would lose the last digits); counts are plain numbers, as OpenTelemetry's own JS
 * exporter writes them (both spellings decode); enums are their numbers, as OTLP/JSON requires.
 */

export type AnyValue = { stringValue: string } | { doubleValue: number } | { boolValue: boolean };
export interface KeyValue {
  key: string;
  value: AnyValue;
}

/** AggregationTemporality: each point is the change since the previous one. */
export const AGGREGATION_TEMPORALITY_DELTA = 1;

export interface HistogramDataPoint {
  attributes: KeyValue[];
  startTimeUnixNano: string;
  timeUnixNano: string;
  count: number;
  sum: number;
  bucketCounts: number[];
  explicitBounds: number[];
  min: number;
  max: number;
}

export interface NumberDataPoint {
  attributes: KeyValue[];
  startTimeUnixNano: string;
  timeUnixNano: string;
  asInt?: number;
  asDouble?: number;
}

interface MetricBase {
  name: string;
  description: string;
  unit: string;
}
export type Metric =
  | (MetricBase & { histogram: { dataPoints: HistogramDataPoint[]; aggregationTemporality: number } })
  | (MetricBase & { sum: { dataPoints: NumberDataPoint[]; aggregationTemporality: number; isMonotonic: boolean } });

export interface ScopeMetrics {
  scope: { name: string; version: string };
  metrics: Metric[];
  schemaUrl: string;
}

export interface ResourceMetrics {
  resource: { attributes: KeyValue[]; droppedAttributesCount: number };
  scopeMetrics: ScopeMetrics[];
}

/** The body of a POST to `<endpoint>/v1/metrics` (ExportMetricsServiceRequest). */
export interface ExportMetricsServiceRequest {
  resourceMetrics: ResourceMetrics[];
}

export const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });

/** Epoch milliseconds as the nanosecond string OTLP wants (exact: no float multiplication). */
export const nanos = (ms: number): string => (ms === 0 ? '0' : `${Math.trunc(ms)}000000`);
