import { describe, expect, it } from 'vitest';
import { deviceIdsIn, MAX_DEVICES, parseRow, readDevices } from '@/utils/core/sync/sync-read';
import { cleanDeviceName, defaultDeviceName } from '@/utils/core/sync/device-name';

const NOW = Date.UTC(2026, 11, 7, 12);
const DEC = Date.UTC(2026, 11, 1);
const ID = 'a1b2c3d4e5f60708';
const meta = (p: Record<string, unknown> = {}) => ({ v: 1, n: 'Laptop', u: NOW - 60_000, c: 1, d: 0, ...p });

describe('reading other browsers from sync (hostile input)', () => {
  it('reads a well-formed device', () => {
    const [d] = readDevices({ [`tt-sync:${ID}:m`]: meta(), [`tt-sync:${ID}:0`]: [['openai', DEC, [['gpt-5', 100, 50, 20, 2, 0.5]]]] }, NOW);
    expect(d).toMatchObject({ id: ID, name: 'Laptop', complete: true, rejected: 0 });
    expect(d!.periods[0]!.rows[0]!.sums).toMatchObject({ promptTokens: 100, contextTokens: 50, outputTokens: 20, turns: 2, costUsd: 0.5, credits: 0 });
  });

  it.each([
    ['a number as model', [42, 1]],
    ['NaN tokens', ['gpt-5', Number.NaN]],
    ['negative tokens', ['gpt-5', -1]],
    ['fractional tokens', ['gpt-5', 1.5]],
    ['absurd tokens', ['gpt-5', 1e15]],
    ['absurd cost', ['gpt-5', 1, 0, 1, 1, 1e9]],
    ['a string number', ['gpt-5', '100']],
    ['too many fields', ['gpt-5', ...Array(12).fill(1)]],
    ['cache reads beyond the context', ['gpt-5', 10, 5, 1, 1, 0, 6]],
    ['attachments beyond the prompt', ['gpt-5', 10, 5, 1, 1, 0, 0, 11]],
    ['unpriced turns beyond the turns', ['gpt-5', 10, 5, 1, 1, 0, 0, 0, 0, 0, 2]],
    ['a control character in the model', ['gpt\u0000-5', 1]],
    ['a model named like markup', ['<img src=x onerror=alert(1)>', 1]],
    ['an over-long model', ['g'.repeat(200), 1]],
    ['an object', { model: 'gpt-5' }],
  ])('rejects a row with %s', (_label, raw) => {
    expect(parseRow(raw)).toBeNull();
  });

  it('keeps the good rows of a period and counts the rest as rejected', () => {
    const [d] = readDevices({ [`tt-sync:${ID}:m`]: meta(), [`tt-sync:${ID}:0`]: [['openai', DEC, [['gpt-5', 1], ['gpt-5', 2], ['bad', -5], ['gpt-4o', 3]]]] }, NOW);
    expect(d!.periods[0]!.rows.map((r) => [r.model, r.sums.promptTokens])).toEqual([['gpt-5', 1], ['gpt-4o', 3]]);
    expect(d!.rejected).toBe(2);
    expect(d!.complete).toBe(false);
  });

  it('rejects unknown providers, impossible periods, duplicate periods and oversized lists', () => {
    const chunk = [
      ['evil', DEC, [['x', 1]]],
      ['openai', 1, [['x', 1]]],
      ['openai', NOW + 10 * 86_400_000, [['x', 1]]],
      ['openai', DEC, Array.from({ length: 41 }, (_, i) => [`m${i}`, 1])],
      ['anthropic', DEC, [['claude-opus-4-8', 1]]],
      ['anthropic', DEC, [['claude-opus-4-8', 999]]],
      ['__proto__', DEC, []],
    ];
    const [d] = readDevices({ [`tt-sync:${ID}:m`]: meta(), [`tt-sync:${ID}:0`]: chunk }, NOW);
    expect(d!.periods).toHaveLength(1);
    expect(d!.periods[0]!.rows[0]!.sums.promptTokens).toBe(1);
    expect(d!.rejected).toBe(6);
  });

  it('ignores devices whose meta is missing, of another version, or malformed; keys not of the format are ignored', () => {
    const items = {
      [`tt-sync:${ID}:0`]: [['openai', DEC, [['gpt-5', 1]]]],
      'tt-sync:bbbbbbbbbbbbbbbb:m': meta({ v: 2 }),
      'tt-sync:cccccccccccccccc:m': meta({ u: 'yesterday' }),
      'tt-sync:dddddddddddddddd:m': meta({ c: 99 }),
      'tt-sync:SHOUTING0000000:m': meta(),
      'tt-sync:__proto__:m': meta(),
      'tt-sync:eeeeeeeeeeeeeeee:m': [1, 2],
      'settings.limits': { openai: {} },
    };
    expect(readDevices(items, NOW)).toEqual([]);
    // Still removable from the options page.
    expect(deviceIdsIn(items).sort()).toEqual([ID, 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd', 'eeeeeeeeeeeeeeee']);
  });

  it('marks a device whose announced data item is missing as incomplete, and clamps a future update time to now', () => {
    const [d] = readDevices({ [`tt-sync:${ID}:m`]: meta({ c: 2, u: NOW + 365 * 86_400_000 }), [`tt-sync:${ID}:0`]: [['openai', DEC, [['gpt-5', 1]]]] }, NOW);
    expect(d!.complete).toBe(false);
    expect(d!.updatedAt).toBe(NOW);
    expect(d!.periods).toHaveLength(1);
  });

  it('cleans a name: control and bidi characters out, bounded, never empty', () => {
    const [d] = readDevices({ [`tt-sync:${ID}:m`]: meta({ n: '\u202eevil\u0007 name' + 'x'.repeat(100) }), [`tt-sync:${ID}:0`]: [] }, NOW);
    expect(d!.name.startsWith('evil name')).toBe(true);
    expect(d!.name).toHaveLength(60);
    expect(cleanDeviceName('\u0000 \u200b ')).toBe('Unnamed browser');
  });

  it('reads at most MAX_DEVICES devices, the most recently updated', () => {
    const items: Record<string, unknown> = {};
    for (let i = 0; i < MAX_DEVICES + 10; i++) items[`tt-sync:dev${String(i).padStart(8, '0')}:m`] = meta({ u: NOW - i * 1000, c: 0 });
    const devices = readDevices(items, NOW);
    expect(devices).toHaveLength(MAX_DEVICES);
    expect(devices[0]!.id).toBe('dev00000000');
  });

  it('names a browser from its user agent', () => {
    expect(defaultDeviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(defaultDeviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox on Windows');
    expect(defaultDeviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0')).toBe('Edge on macOS');
    expect(defaultDeviceName('')).toBe('Chrome');
  });
});
