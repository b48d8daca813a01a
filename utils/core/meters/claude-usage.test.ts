import { describe, expect, it } from 'vitest';
import { chatOrganizations, claudeWindowsFrom, parseIsoTime } from '@/utils/core/meters/claude-usage';
import { LIMITS_ONLY_SHAPE, NEW_SHAPE, OLD_SHAPE, ORGANIZATIONS } from '@/test/unit/claude-usage-fixtures';

const byId = (raw: unknown) => Object.fromEntries(claudeWindowsFrom(raw).map((w) => [w.id, w]));
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('Claude usage: the older shape', () => {
  it('reads session, weekly and the per-model windows, percentages as fractions', () => {
    const w = byId(OLD_SHAPE);
    expect(Object.keys(w)).toEqual(['claude:session', 'claude:weekly', 'claude:weekly:opus', 'claude:weekly:sonnet']);
    expect(w['claude:session']).toMatchObject({ used: 0.37, label: 'Session (5 h)', lengthMs: 5 * 3_600_000 });
    expect(iso(w['claude:session']!.resetsAt)).toBe('2026-02-08T04:59:59.000Z');
    expect(iso(w['claude:weekly']!.resetsAt)).toBe('2026-02-12T14:59:59.771Z');
    expect(w['claude:weekly:sonnet']!.used).toBe(0.12);
    // 0% with no reset: shown as 0%, reset unknown.
    expect(w['claude:weekly:opus']).toMatchObject({ used: 0, resetsAt: null });
  });

  it('shows no extra usage when it is off', () => {
    expect(byId(OLD_SHAPE)['claude:extra']).toBeUndefined();
  });
});

describe('Claude usage: the newer shape', () => {
  it('takes the windows from `limits`, per-model ones included, skipping unknown kinds and missing numbers', () => {
    const w = byId(NEW_SHAPE);
    expect(Object.keys(w)).toEqual(['claude:session', 'claude:weekly', 'claude:weekly:opus', 'claude:weekly:fable', 'claude:extra']);
    expect(w['claude:session']!.used).toBe(0.425);
    expect(w['claude:weekly']!.used).toBe(0.71);
    expect(w['claude:weekly:opus']).toMatchObject({ used: 0.33, label: 'Weekly · Opus' });
    expect(w['claude:weekly:fable']).toMatchObject({ used: 0.57, label: 'Weekly · Fable' });
    expect(iso(w['claude:weekly:fable']!.resetsAt)).toBe('2026-10-03T09:00:00.000Z');
  });

  it('reads extra usage (cents) with its amounts', () => {
    expect(byId(NEW_SHAPE)['claude:extra']).toMatchObject({ used: 0.248, resetsAt: null, detail: '$12.40 of $50.00' });
  });

  it('reads a response that has only `limits`, naming a versioned model window by its family', () => {
    const w = byId(LIMITS_ONLY_SHAPE);
    expect(Object.keys(w)).toEqual(['claude:session', 'claude:weekly', 'claude:weekly:opus', 'claude:extra']);
    expect(w['claude:weekly:opus']!.label).toBe('Weekly · Opus 4.8');
    expect(w['claude:extra']).toMatchObject({ used: 0.97, detail: '€534.11 of €550.00' });
    expect(iso(w['claude:session']!.resetsAt)).toBe('2026-08-10T14:00:00.172Z');
  });

  it('names a scoped window by its family however the model is named', () => {
    const scoped = (model: unknown) => ({ limits: [{ kind: 'weekly_scoped', percent: 9, resets_at: null, scope: { model } }] });
    expect(Object.keys(byId(scoped({ display_name: 'Claude Opus 4.8' })))).toEqual(['claude:weekly:opus']);
    expect(Object.keys(byId(scoped({ id: 'claude-opus-4-8', display_name: null })))).toEqual(['claude:weekly:opus']);
    expect(byId(scoped({ display_name: 'opus' }))['claude:weekly:opus']!.label).toBe('Weekly · Opus');
  });

  it('fills windows `limits` lacks from the older fields', () => {
    const w = byId({ ...NEW_SHAPE, limits: [{ kind: 'weekly_scoped', percent: 5, resets_at: null, scope: { model: { display_name: 'Fable' } } }] });
    expect(w['claude:session']!.used).toBe(0.425);
    expect(w['claude:weekly:opus']!.used).toBe(0.33);
    expect(w['claude:weekly:fable']!.used).toBe(0.05);
  });
});

describe('Claude usage: bad input never becomes a number', () => {
  it.each([
    ['an empty object', {}],
    ['an error body', { type: 'error', error: { type: 'permission_error', message: 'nope' } }],
    ['all windows null', { five_hour: null, seven_day: null, limits: [] }],
  ])('%s is an unknown shape', (_, raw) => {
    expect(() => claudeWindowsFrom(raw)).toThrow(/unexpected response shape/);
  });

  it('refuses wrong types at the boundary', () => {
    expect(() => claudeWindowsFrom({ five_hour: { utilization: '37', resets_at: null } })).toThrow(/five_hour.utilization/);
    expect(() => claudeWindowsFrom({ five_hour: { utilization: -3 } })).toThrow(/unexpected response shape/);
    expect(() => claudeWindowsFrom([1, 2])).toThrow(/unexpected response shape/);
    expect(() => claudeWindowsFrom('<html>')).toThrow(/unexpected response shape/);
  });

  it('a garbled reset time reads as unknown, not as a wrong date', () => {
    expect(parseIsoTime('soon')).toBeNull();
    expect(parseIsoTime('2026-13-45T99:00:00Z')).toBeNull();
    expect(byId({ five_hour: { utilization: 10, resets_at: 'garbage' } })['claude:session']!.resetsAt).toBeNull();
  });
});

describe('Claude organizations', () => {
  it('keeps chat organizations, drops API-only ones', () => {
    expect(chatOrganizations(ORGANIZATIONS).map((o) => o.name)).toEqual(["sam@example.com's Organization", 'Acme Team']);
  });
  it('refuses ids that could turn into another path', () => {
    expect(() => chatOrganizations([{ uuid: '../../evil', name: 'x' }])).toThrow(/not an organization id/);
    expect(() => chatOrganizations([{ uuid: 'org?x=1', name: 'x' }])).toThrow(/not an organization id/);
    expect(() => chatOrganizations({ organizations: [] })).toThrow(/unexpected response shape/);
  });

  it('tries every organization when none lists a chat capability', () => {
    expect(chatOrganizations([{ uuid: 'org-a', capabilities: [] }, { uuid: 'org-b' }]).map((o) => o.uuid)).toEqual(['org-a', 'org-b']);
    expect(chatOrganizations([{ uuid: 'org-a', capabilities: ['api'] }]).map((o) => o.uuid)).toEqual(['org-a']);
  });
});
