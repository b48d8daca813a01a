import { sendBroadcast } from '../messaging/broadcasts';

/** Tells open popups/options pages that usage changed. */
export function broadcastUsageChanged(): Promise<void> {
  return sendBroadcast({ type: 'usage-changed' });
}
