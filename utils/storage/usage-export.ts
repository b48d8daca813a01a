import { z } from 'zod';
import { readExportableEvents } from '@/utils/storage/usage-queries';
import { usageEventSchema, type UsageEvent } from '@/utils/core/usage/usage-event';

/** Export/import formats. The JSON envelope is versioned so a future format can still read old files. */

export const EXPORT_FORMAT = 'tokentally-usage';
export const EXPORT_VERSION = 1;

export interface UsageExportV1 {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  events: UsageEvent[];
}

/** An export's text, and how many stored records it left out for being out of bounds. */
export interface UsageExport {
  text: string;
  skipped: number;
}

export async function exportUsageJson(): Promise<UsageExport> {
  const { events, skipped } = await readExportableEvents();
  const file: UsageExportV1 = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), events };
  return { text: JSON.stringify(file, null, 2), skipped };
}

export const CSV_COLUMNS = [
  'id', 'time', 'timeIso', 'site', 'provider', 'model', 'kind',
  'promptTokens', 'contextTokens', 'inputTokens', 'outputTokens', 'costUsd', 'priceDate', 'exact', 'credits',
  'attachmentTokens', 'cacheReadTokens', 'reasoningTokens',
] as const;

/** Thinking seen but not its text is "unknown" (never 0); no thinking at all is an empty cell. */
const reasoningCell = (tokens: number | null | undefined) => (tokens === null ? 'unknown' : tokens);

/** RFC 4180 quoting; also defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Export skips records out of bounds; a time no Date can hold still never breaks a row. */
function isoTime(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function eventsToCsv(events: UsageEvent[]): string {
  const rows = events.map((e) =>
    [
      e.id, e.time, isoTime(e.time), e.site, e.provider, e.model, e.kind,
      e.promptTokens, e.contextTokens, e.promptTokens + e.contextTokens, e.outputTokens,
      e.costUsd, e.priceDate, e.exact, e.credits,
      e.attachmentTokens, e.cacheReadTokens, reasoningCell(e.reasoningTokens),
    ].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export async function exportUsageCsv(): Promise<UsageExport> {
  const { events, skipped } = await readExportableEvents();
  return { text: eventsToCsv(events), skipped };
}

/**
 * Reads an import file's text into the list of raw events to send with 'import-usage'
 * (the background validates each one). Accepts our envelope or a bare array of events.
 * Throws an Error with a message fit for the user when the file is not one of those.
 */
export function parseUsageImport(text: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON. Choose a file exported by TokenTally (JSON).');
  }
  if (Array.isArray(data)) return data;
  const envelope = z.object({ format: z.literal(EXPORT_FORMAT), version: z.number(), events: z.array(z.unknown()) }).safeParse(data);
  if (!envelope.success) throw new Error('This JSON is not a TokenTally usage export (expected "format": "tokentally-usage" and an "events" list).');
  if (envelope.data.version > EXPORT_VERSION)
    throw new Error(`This export is version ${envelope.data.version}; this TokenTally reads up to version ${EXPORT_VERSION}. Update the extension.`);
  return envelope.data.events;
}

/** Validates every entry; on the first invalid one, throws naming it. Nothing is written by this. */
export function validateImportedEvents(raw: unknown[]): UsageEvent[] {
  const events: UsageEvent[] = [];
  for (let i = 0; i < raw.length; i++) {
    const result = usageEventSchema.safeParse(raw[i]);
    if (!result.success) {
      const id = typeof (raw[i] as { id?: unknown } | null)?.id === 'string' ? ` (id "${(raw[i] as { id: string }).id}")` : '';
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new Error(`Import refused: event #${i + 1}${id} is invalid — ${where}${issue?.message ?? 'invalid'}. Nothing was imported.`);
    }
    events.push(result.data);
  }
  return events;
}
