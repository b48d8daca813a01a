import type { PageStore } from '@/utils/core/page/page-state';
import { attachmentTokens } from '@/utils/core/attachments/attachment';

/**
 * A message sent from the main composer takes the files attached to it: their counted tokens
 * go into the turn, and the badge's list is emptied (a file still being read when the message
 * left is not counted in the turn).
 */
export function takeSentFiles(store: PageStore): number {
  const { attachments } = store.get();
  if (!attachments.length) return 0;
  store.set({ attachments: [] });
  return attachmentTokens(attachments);
}
