import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, eventsToCsv, parseUsageImport, validateImportedEvents } from '@/utils/storage/usage-export';
import { makeEvent } from '@/test/unit/usage-test-helpers';

/**
 * The fields issue 23 added (files, cache reads, reasoning) in the exports, and imports of files
 * written before they existed.
 */

describe('usage export: attachments, cache reads, reasoning', () => {
  const columnOf = (csv: string, name: (typeof CSV_COLUMNS)[number]) => {
    const [header, ...rows] = csv.trim().split('\r\n');
    const index = header!.split(',').indexOf(name);
    expect(index, name).toBeGreaterThanOrEqual(0);
    return rows.map((r) => r.split(',')[index]);
  };

  it('writes the three columns: counts, empty when absent, "unknown" for thinking seen without its text', () => {
    const csv = eventsToCsv([
      makeEvent({ id: 'all-fields-1', contextTokens: 900, attachmentTokens: 300, cacheReadTokens: 800, reasoningTokens: 420 }),
      makeEvent({ id: 'unknown-thinking', reasoningTokens: null }),
      makeEvent({ id: 'older-event' }),
    ]);
    expect(columnOf(csv, 'attachmentTokens')).toEqual(['300', '', '']);
    expect(columnOf(csv, 'cacheReadTokens')).toEqual(['800', '', '']);
    expect(columnOf(csv, 'reasoningTokens')).toEqual(['420', 'unknown', '']);
  });

  it('round-trips the new fields through the JSON import, null reasoning included', () => {
    const events = [
      makeEvent({ id: 'json-new-1', contextTokens: 900, attachmentTokens: 300, cacheReadTokens: 800, reasoningTokens: 420 }),
      makeEvent({ id: 'json-new-2', reasoningTokens: null }),
    ];
    const file = JSON.stringify({ format: 'tokentally-usage', version: 1, exportedAt: '2026-12-07T00:00:00.000Z', events });
    expect(validateImportedEvents(parseUsageImport(file))).toEqual(events);
  });

  it('imports a file written before the fields existed', () => {
    const old = {
      format: 'tokentally-usage', version: 1, exportedAt: '2026-06-01T00:00:00.000Z',
      events: [{ id: 'from-june-0001', time: Date.UTC(2026, 5, 1), site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 40, contextTokens: 0, outputTokens: 400, costUsd: 0.0061, priceDate: '2026-05-01', exact: false, kind: 'chat' }],
    };
    const [event] = validateImportedEvents(parseUsageImport(JSON.stringify(old)));
    expect(event).toEqual(old.events[0]);
    expect(event).not.toHaveProperty('reasoningTokens');
    expect(eventsToCsv([event!]).split('\r\n')[1]!.endsWith(',,,')).toBe(true);
  });

  it('refuses absurd or contradictory values with a clear message, importing nothing', () => {
    expect(() => validateImportedEvents([makeEvent({ id: 'too-much-cache', contextTokens: 10, cacheReadTokens: 11 })])).toThrow(/cacheReadTokens.*must not exceed contextTokens/);
    expect(() => validateImportedEvents([{ ...makeEvent({ id: 'negative-thinking' }), reasoningTokens: -5 }])).toThrow(/#1 \(id "negative-thinking"\).*reasoningTokens/);
    expect(() => validateImportedEvents([{ ...makeEvent({ id: 'absurd-thinking' }), reasoningTokens: 1e12 }])).toThrow(/reasoningTokens/);
  });
});
