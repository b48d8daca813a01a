import { loadSettings } from '@/utils/storage/settings-store';
import { capLengthMs, effectiveCaps } from '@/utils/core/meters/chatgpt-caps';
import { chatgptMessagesSince } from '@/utils/storage/chatgpt-messages';
import { loadSiteMeters } from '@/utils/storage/meter-store';
import type { PlanLimitsInput } from '@/utils/core/meters/plan-limits';

/**
 * Everything the "Plan limits" section needs, read from storage: the stored readings (checked
 * entry by entry), the settings, and the ChatGPT messages inside the longest cap window.
 * Loaded by the popup after its first numbers are painted (it brings the validation code).
 */
export async function loadPlanLimitsInput(now: number): Promise<Omit<PlanLimitsInput, 'now'>> {
  const [settings, state] = await Promise.all([loadSettings(), loadSiteMeters()]);
  const meters = settings.siteMeters;
  const caps = effectiveCaps(meters.chatgptPlan, meters.chatgptCaps);
  const longest = Math.max(0, ...caps.map(capLengthMs));
  const messages = longest > 0 ? await chatgptMessagesSince(now - longest, now) : [];
  return { ...state, caps, messages, thresholds: meters.thresholds, readsOff: !meters.read };
}
