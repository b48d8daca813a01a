import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage, type Handlers } from '@/utils/background/messaging/router';
import { pageSender } from '@/test/unit/test-senders';
import { usageHandlers, applyRetention } from '@/utils/background/usage-handlers';
import { getRecentEvents, getTotals } from '@/utils/storage/usage-queries';
import { exportUsageCsv, exportUsageJson, parseUsageImport, csvCell } from '@/utils/storage/usage-export';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { saveSettings } from '@/utils/storage/settings-store';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';

const handlers: Partial<Handlers> = {
  ...usageHandlers,
  count: () => ({ counts: [] }),
  'count-exact': () => null,
  'observe-exact-count': () => ({ applied: false }),
  ping: () => ({ pong: true }),
};
const sender = pageSender();
const send = (message: unknown) => routeMessage(message, sender, handlers);
const everything = { from: 0, to: Date.UTC(2100, 0) };

describe('usage messages', () => {
  it('records a valid event and answers stored:true, then stored:false for the same id', async () => {
    const event = makeEvent({ id: 'record-once-1' });
    expect(await send({ type: 'record-usage', event })).toEqual({ ok: true, value: { stored: true } });
    expect(await send({ type: 'record-usage', event })).toEqual({ ok: true, value: { stored: false } });
    expect((await getTotals(everything)).turns).toBe(1);
  });

  it('never writes a malformed record-usage, and logs it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = [
      { type: 'record-usage', event: { ...makeEvent(), promptTokens: -1 } },
      { type: 'record-usage', event: { ...makeEvent(), promptTokens: 'ten' } },
      { type: 'record-usage', event: { ...makeEvent(), provider: 'evil' } },
      { type: 'record-usage' },
    ];
    for (const message of bad) expect((await send(message)).ok).toBe(false);
    expect(warn).toHaveBeenCalled();
    expect(await getRecentEvents(10)).toEqual([]);
    warn.mockRestore();
  });

  it('refuses an event carrying a text field', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await send({ type: 'record-usage', event: { ...makeEvent(), text: 'my secret prompt' } });
    expect(reply.ok).toBe(false);
    expect(await getRecentEvents(10)).toEqual([]);
    warn.mockRestore();
  });

  it('imports valid files, skips duplicates on a second import', async () => {
    const events = [makeEvent({ id: 'import-a-1' }), makeEvent({ id: 'import-b-2' })];
    await send({ type: 'record-usage', event: events[0] });
    const file = JSON.stringify({ format: 'tokentally-usage', version: 1, exportedAt: new Date().toISOString(), events });
    expect(await send({ type: 'import-usage', events: parseUsageImport(file) })).toEqual({ ok: true, value: { imported: 1, duplicates: 1 } });
    expect(await send({ type: 'import-usage', events: parseUsageImport(file) })).toEqual({ ok: true, value: { imported: 0, duplicates: 2 } });
    expect((await getTotals(everything)).turns).toBe(2);
  });

  it('an invalid entry refuses the whole import, names the entry, and leaves the database untouched', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await send({ type: 'record-usage', event: makeEvent({ id: 'existing-1' }) });
    const events = [makeEvent({ id: 'good-1111' }), { ...makeEvent({ id: 'bad-2222' }), outputTokens: 1.5 }, makeEvent({ id: 'good-3333' })];
    const reply = await send({ type: 'import-usage', events });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error).toContain('#2');
      expect(reply.error).toContain('bad-2222');
      expect(reply.error).toContain('outputTokens');
    }
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['existing-1']);
    warn.mockRestore();
  });

  it('rejects files that are not exports with a clear message', () => {
    expect(() => parseUsageImport('not json')).toThrow(/not JSON/);
    expect(() => parseUsageImport('{"foo":1}')).toThrow(/not a TokenTally usage export/);
    expect(() => parseUsageImport('{"format":"tokentally-usage","version":9,"events":[]}')).toThrow(/version 9/);
  });

  it('deletes everything and broadcasts usage-changed', async () => {
    const heard: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void heard.push(m));
    await send({ type: 'record-usage', event: makeEvent() });
    expect(await send({ type: 'delete-all-usage' })).toEqual({ ok: true, value: { deleted: true } });
    expect((await getTotals(everything)).turns).toBe(0);
    expect(heard).toContainEqual({ type: 'usage-changed' });
  });

  it('applies the retention setting', async () => {
    const now = Date.UTC(2026, 10, 20);
    await send({ type: 'record-usage', event: makeEvent({ id: 'ancient-1', time: now - 40 * 86_400_000 }) });
    await send({ type: 'record-usage', event: makeEvent({ id: 'recent-1', time: now - 5 * 86_400_000 }) });
    expect(await applyRetention(now)).toBe(0); // default: keep forever
    expect((await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: 30 })).ok).toBe(true);
    expect(await applyRetention(now)).toBe(1);
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['recent-1']);
  });
});

describe('export', () => {
  it('exports JSON in a versioned envelope that import reads back', async () => {
    const events = [makeEvent({ id: 'json-1-aaaa', time: 1_700_000_000_000 }), makeEvent({ id: 'json-2-bbbb', time: 1_700_000_100_000, costUsd: null })];
    await send({ type: 'import-usage', events });
    const parsed = JSON.parse((await exportUsageJson()).text);
    expect(parsed).toMatchObject({ format: 'tokentally-usage', version: 1 });
    expect(typeof parsed.exportedAt).toBe('string');
    expect(parsed.events).toEqual(events);
    expect(parseUsageImport(JSON.stringify(parsed))).toEqual(events);
  });

  it('exports CSV with a header and proper quoting', async () => {
    await send({ type: 'import-usage', events: [makeEvent({ id: 'csv,"quoted"', site: 'a.example', time: 1_700_000_000_000, credits: 2 })] });
    const csv = (await exportUsageCsv()).text;
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe('id,time,timeIso,site,provider,model,kind,promptTokens,contextTokens,inputTokens,outputTokens,costUsd,priceDate,exact,credits,attachmentTokens,cacheReadTokens,reasoningTokens');
    expect(row).toBe('"csv,""quoted""",1700000000000,2023-11-14T22:13:20.000Z,a.example,openai,gpt-4o,chat,10,100,110,50,0.001,2026-11-01,true,2,,,');
    expect(end).toBe('');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
