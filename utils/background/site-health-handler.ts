import type { Runtime } from 'webextension-polyfill';
import { classifySender } from '@/utils/background/messaging/sender';
import type { ContentRequestOf } from '@/utils/protocol/content-messages';
import { saveSiteHealth } from '@/utils/storage/site-health-store';

/** Background: saves a tab's 'site-health' report under the tab's own host (from the browser, not the page). */
export async function siteHealthHandler(request: ContentRequestOf<'site-health'>, sender: Runtime.MessageSender): Promise<{ saved: true }> {
  const from = classifySender(sender);
  if (from.kind === 'content') await saveSiteHealth(from.host, { reading: request.reading, since: request.since, roles: request.roles });
  return { saved: true };
}
