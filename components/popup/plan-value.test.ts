import { describe, expect, it } from 'vitest';
import { planValueText } from '@/components/popup/ProviderCard';

describe("the API-equivalent cost against the user's plan", () => {
  it('says how many times the plan price the use would have cost, or what share of it', () => {
    expect(planValueText(31.5, 20)).toMatch(/would have cost \$31\.5\d?: 1\.6× your plan's price \(\$20(\.00)? a month\)/);
    expect(planValueText(250, 20)).toContain('13× your plan');
    expect(planValueText(5, 20)).toContain("25% of your plan's price");
  });
});
