import { sendBroadcast } from '@/utils/protocol/broadcasts';

/** Tells open popups/options pages that usage changed. */
export function broadcastUsageChanged(): Promise<void> {
  return sendBroadcast({ type: 'usage-changed' });
}
