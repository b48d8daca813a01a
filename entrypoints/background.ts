import { routeMessage } from '@/utils/messaging/router';
import { countHandlers } from '@/utils/counting/count-handlers';
import { usageHandlers } from '@/utils/usage/usage-handlers';
import { registerRetentionAlarm } from '@/utils/usage/retention-alarm';

export default defineBackground(() => {
  // Listeners are registered synchronously at start-up: an MV3 worker woken by a
  // message only delivers it to listeners that exist in its first turn.
  browser.runtime.onMessage.addListener((raw, sender) =>
    routeMessage(raw, sender, {
      ...countHandlers,
      ...usageHandlers,
      ping: () => ({ pong: true }),
    }),
  );
  // Usage retention runs daily (issue 5).
  registerRetentionAlarm();
});
