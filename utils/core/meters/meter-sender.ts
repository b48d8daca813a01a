import { METER_SITE_HOSTS, type MeterSite } from '@/utils/core/meters/meter-types';

/** Why a tab on `host` may not read or report `site`'s meter (null when it may): a tab speaks for its own site only. */
export function meterSenderProblem(site: MeterSite, host: string): string | null {
  const h = host.toLowerCase().replace(/^www\./, '');
  return METER_SITE_HOSTS[site].includes(h) ? null : `a tab on ${h} may not read or report ${site}'s usage meter`;
}
