import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerRetentionAlarm, RETENTION_ALARM } from '@/utils/background/retention-alarm';
import { storeEvents } from '@/utils/storage/usage-store';
import { getRecentEvents } from '@/utils/storage/usage-queries';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { holdTurns, readHeldTurns } from '@/utils/storage/held-turns';
import { saveSettings } from '@/utils/storage/settings-store';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';

describe('daily retention alarm', () => {
  it('creates a daily alarm once and applies retention when it fires', async () => {
    const onDeleted = vi.fn();
    registerRetentionAlarm(onDeleted);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: 1440 }));
    const before = await fakeBrowser.alarms.get(RETENTION_ALARM);
    registerRetentionAlarm(); // a worker restart must not push the alarm back
    await new Promise((r) => setTimeout(r, 20));
    expect((await fakeBrowser.alarms.get(RETENTION_ALARM))?.scheduledTime).toBe(before?.scheduledTime);

    await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: 7 });
    await storeEvents([makeEvent({ id: 'too-old-1', time: Date.now() - 8 * 86_400_000 }), makeEvent({ id: 'kept-1234', time: Date.now() - 86_400_000 })]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: Date.now(), periodInMinutes: 1440 });
    await vi.waitFor(async () => expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['kept-1234']));
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
  });

  it('records the held turns the clock has caught up with, even when retention deletes nothing', async () => {
    const onChanged = vi.fn();
    registerRetentionAlarm(onChanged);
    const sent = Date.now() - 60_000;
    // Held while the clock was three days behind; it is right again now.
    await holdTurns([{ event: makeEvent({ id: 'held-until-clock', time: sent }), reason: 'clock', since: sent - 3 * 86_400_000 }]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: Date.now(), periodInMinutes: 1440 });
    await vi.waitFor(async () => expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['held-until-clock']));
    expect(await readHeldTurns()).toEqual([]);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
  });
});
