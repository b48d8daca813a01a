import { SITE_ADAPTERS } from './adapters/index';

/**
 * Match patterns of every site TokenTally supports out of the box, derived from the
 * adapters' hosts. Used for the manifest's host permissions and the content script's
 * matches, so adding a host to an adapter is the whole change.
 */
export const SUPPORTED_SITE_MATCHES: readonly string[] = SITE_ADAPTERS.flatMap((adapter) =>
  adapter.hosts.map((host) => `https://${host}/*`),
);
