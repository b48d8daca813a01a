import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { withBadgeShown } from '@/components/options/use-options-form';

describe('showing a hidden badge from the options page', () => {
  it('clears badgeHidden and turns the site on, keeping its other choices', () => {
    const hidden = { ...DEFAULT_SETTINGS, sites: { 'claude.ai': { ...DEFAULT_SITE_SETTINGS, enabled: false, badgeHidden: true, projectedOutputTokens: 3000 } } };
    const shown = withBadgeShown(hidden, 'claude.ai');
    expect(shown.sites['claude.ai']).toMatchObject({ enabled: true, badgeHidden: false, projectedOutputTokens: 3000 });
    expect(hidden.sites['claude.ai']!.badgeHidden).toBe(true);
  });
});
