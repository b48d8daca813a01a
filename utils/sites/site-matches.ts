import { SITE_ADAPTERS } from './adapters/index';

/**
 * Match patterns of every site TokenTally supports out of the box, derived from the
 * adapters' hosts. Used for the manifest's host permissions and the content script's
 * matches, so adding a host to an adapter is the whole change.
 */
export const SUPPORTED_SITE_MATCHES: readonly string[] = SITE_ADAPTERS.flatMap((adapter) =>
  adapter.hosts.map((host) => `https://${host}/*`),
);

/** Clay's tables get their own content script (entrypoints/clay.content.ts): its run estimator ships only there. */
export const CLAY_SITE_MATCHES: readonly string[] = SITE_ADAPTERS.filter((adapter) => adapter.kind === 'clay').flatMap((adapter) =>
  adapter.hosts.map((host) => `https://${host}/*`),
);

/** Every other supported site: the chats and the consoles (entrypoints/content.ts). */
export const CHAT_SITE_MATCHES: readonly string[] = SUPPORTED_SITE_MATCHES.filter((match) => !CLAY_SITE_MATCHES.includes(match));
