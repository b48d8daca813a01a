import { usePlanLimits } from '@/components/popup/use-plan-limits';
import { PlanLimitsView } from '@/components/popup/PlanLimitsView';

/** The sites' own usage meters (Claude's session and weekly windows, Gemini's quota, ChatGPT caps). */
export function PlanLimits() {
  const data = usePlanLimits();
  return data ? <PlanLimitsView data={data} /> : null;
}
