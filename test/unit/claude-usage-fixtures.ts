/**
 * Realistic /api/organizations/{uuid}/usage answers, shaped after what maintained tools record
 * (shared/notes/site-evidence.md; lugia19/Claude-Usage-Extension, CodexBar's and others' test
 * payloads, 2026-02 to 2026-10). Shared by the unit tests and the end-to-end fixtures.
 */

export const ORG_UUID = '4f1c2b9e-7a3d-4e8f-9b21-6c0d5e3a8f10';
export const TEAM_ORG_UUID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export const ORGANIZATIONS = [
  { uuid: ORG_UUID, name: "sam@example.com's Organization", capabilities: ['chat', 'claude_max'], rate_limit_tier: 'default_claude_max_5x' },
  { uuid: TEAM_ORG_UUID, name: 'Acme Team', capabilities: ['chat', 'claude_team'], raven_type: 'team' },
  { uuid: '11111111-2222-4333-8444-555555555555', name: 'API console', capabilities: ['api'] },
];

/** The older shape: one field per window, nothing per model beyond Opus and Sonnet. */
export const OLD_SHAPE = {
  five_hour: { utilization: 37.0, resets_at: '2026-02-08T04:59:59.000000+00:00' },
  seven_day: { utilization: 26.0, resets_at: '2026-02-12T14:59:59.771647+00:00' },
  seven_day_oauth_apps: null,
  seven_day_opus: { utilization: 0.0, resets_at: null },
  seven_day_sonnet: { utilization: 12.0, resets_at: '2026-02-12T14:59:59.771647+00:00' },
  extra_usage: { is_enabled: false, monthly_limit: null, used_credits: null, utilization: null },
  iguana_necktie: null,
};

/** The newer shape: the old fields plus `limits` (where Fable's window lives) and extra usage on. */
export const NEW_SHAPE = {
  five_hour: { utilization: 42.5, resets_at: '2026-09-30T15:00:00.000000+00:00', limit_dollars: null },
  seven_day: { utilization: 71, resets_at: '2026-10-03T09:00:00.000000+00:00' },
  seven_day_opus: { utilization: 33, resets_at: '2026-10-03T09:00:00+00:00' },
  seven_day_sonnet: null,
  seven_day_oauth_apps: null,
  seven_day_cowork: null,
  seven_day_omelette: null,
  extra_usage: { is_enabled: true, monthly_limit: 5000, used_credits: 1240, utilization: 24.8, currency: 'usd' },
  limits: [
    { kind: 'session', group: 'session', percent: 42.5, severity: 'normal', resets_at: '2026-09-30T15:00:00+00:00', scope: null, is_active: true },
    { kind: 'weekly_all', group: 'weekly', percent: 71, severity: 'normal', resets_at: '2026-10-03T09:00:00+00:00', scope: null, is_active: true },
    { kind: 'weekly_scoped', group: 'weekly', percent: 33, severity: 'normal', resets_at: '2026-10-03T09:00:00+00:00', scope: { model: { id: null, display_name: 'Opus' } }, is_active: false },
    { kind: 'weekly_scoped', group: 'weekly', percent: 57, severity: 'warning', resets_at: '2026-10-03T09:00:00+00:00', scope: { model: { id: null, display_name: 'Fable' } }, is_active: false },
    { kind: 'weekly_scoped', group: 'weekly', percent: null, severity: 'normal', resets_at: null, scope: { model: { id: null, display_name: 'Ghost' } }, is_active: false },
    { kind: 'inactive_pool', percent: 100, is_active: false },
  ],
  spend: { used: { amount_minor: 0 } },
  seven_day_breakdown: { rows: [] },
};

/** The newest shape seen: legacy fields null, everything in `limits`, the spend cap in `spend`. */
export const LIMITS_ONLY_SHAPE = {
  five_hour: null,
  seven_day: null,
  limits: [
    { kind: 'session', group: 'session', percent: 52, resets_at: '2026-08-10T14:00:00.172479+00:00', scope: null },
    { kind: 'weekly_all', group: 'weekly', percent: 20, resets_at: '2026-08-14T09:00:00+00:00', scope: null },
    { kind: 'weekly_scoped', group: 'weekly', percent: 21, resets_at: '2026-08-14T09:00:00+00:00', scope: { model: { id: null, display_name: 'Opus 4.8' } } },
  ],
  spend: {
    used: { amount_minor: 53411, currency: 'EUR', exponent: 2 },
    limit: { amount_minor: 55000, currency: 'EUR', exponent: 2 },
    percent: 97,
    enabled: true,
  },
};
