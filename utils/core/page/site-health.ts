import type { HealthRole, PageState, PageStore, Reading, SiteHealth } from '@/utils/core/page/page-state';

/**
 * Who reads the page, as the page store tells it: the adapter's selectors, the selector-free
 * fallback layer, or nothing. Readers note how they read each role; the page's overall reading
 * is the weakest of the roles that matter for recording (a composer found by the adapter but a
 * reply only found by the fallback is "fallback"), and `since` is when it last changed.
 */

/** Roles whose fallback marks the whole page as read by the fallback layer. */
const RECORDING_ROLES: HealthRole[] = ['composer', 'send', 'userMessage', 'reply', 'finished'];

export function overallReading(roles: SiteHealth['roles']): Reading {
  if (!roles.composer || roles.composer === 'none') return 'none';
  return RECORDING_ROLES.some((role) => roles[role] === 'fallback') ? 'fallback' : 'adapter';
}

export function noteRoleReading(store: PageStore, role: HealthRole, reading: Reading, now = Date.now()): void {
  store.set((state) => healthPatch(state, { [role]: reading }, now));
}

export function noteRoleReadings(store: PageStore, roles: SiteHealth['roles'], now = Date.now()): void {
  store.set((state) => healthPatch(state, roles, now));
}

function healthPatch(state: PageState, roles: SiteHealth['roles'], now: number): Partial<PageState> {
  const current = state.health;
  if (Object.entries(roles).every(([role, reading]) => current.roles[role as HealthRole] === reading)) return {};
  const nextRoles = { ...current.roles, ...roles };
  const reading = overallReading(nextRoles);
  return { health: { reading, since: reading === current.reading ? current.since : now, roles: nextRoles } };
}
