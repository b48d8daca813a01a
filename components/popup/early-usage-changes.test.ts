import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchEarlyUsageChanges } from '@/components/popup/use-popup-data';

/** A turn recorded while the popup's start-up reads must not be missed by the full popup, which listens later. */
describe('watchEarlyUsageChanges', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says whether usage changed before the full popup listened, and then stops listening', async () => {
    const quiet = watchEarlyUsageChanges();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'meters-changed' }, { id: fakeBrowser.runtime.id });
    expect(quiet()).toBe(false);

    const changed = watchEarlyUsageChanges();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'usage-changed' }, { id: fakeBrowser.runtime.id });
    expect(changed()).toBe(true);
    // Stopped: nothing of it is left listening.
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(false);
  });
});
