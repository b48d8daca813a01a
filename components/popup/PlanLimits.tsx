import { usePlanLimits } from '@/utils/meters/use-plan-limits';
import { PlanLimitsView } from './PlanLimitsView';

/** The sites' own usage meters (Claude's session and weekly windows, Gemini's quota, ChatGPT caps). */
export function PlanLimits() {
  const data = usePlanLimits();
  return data ? <PlanLimitsView data={data} /> : null;
}
