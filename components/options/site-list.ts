import type { ProviderId } from '@/utils/core/models/model-types';
import { SITE_ADAPTERS } from '@/utils/sites/adapters';

export interface SupportedSite {
  host: string;
  name: string;
  /** Whose models the default-model choice offers; 'clay' (any provider) for Clay and user-added sites. */
  provider: ProviderId;
  /** The adapter's own default model, used when the user picks none. */
  adapterDefaultModel: string | null;
}

/** Every built-in host, in manifest order, named after its adapter, then the hosts the user enabled from the popup. */
export function supportedSites(extraSites: readonly string[] = []): SupportedSite[] {
  const builtIn = SITE_ADAPTERS.flatMap((adapter) =>
    adapter.hosts.map((host) => ({
      host,
      name: adapter.hosts.length > 1 ? `${adapter.name} (${host})` : adapter.name,
      provider: adapter.provider,
      adapterDefaultModel: adapter.defaultModel,
    })),
  );
  const extra = extraSites
    .filter((host) => !builtIn.some((s) => s.host === host))
    .map((host): SupportedSite => ({ host, name: `${host} (added by you)`, provider: 'clay', adapterDefaultModel: null }));
  return [...builtIn, ...extra];
}
