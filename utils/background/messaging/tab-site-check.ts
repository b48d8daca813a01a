import type { ProviderId } from '@/utils/core/models/model-types';
import { getModel, modelForId } from '@/utils/core/models/model-registry';
import { findAdapter } from '@/utils/sites/find-adapter';
import { normaliseHost } from '@/utils/core/sites/host';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { PROVIDER_IDS, type UsageEvent } from '@/utils/core/usage/usage-event';
import type { ContentSender } from '@/utils/background/messaging/sender';

/**
 * What a tab may record, derived from the site adapters' own data (utils/sites/adapters): a
 * tab records usage only for its own site, for the provider that site serves, as the kind of
 * turn that site has. A Clay run is filed under 'clay' (Clay credits) or, with the user's own
 * API key, under the provider of the column's model. Sites the user enabled themselves use the
 * generic adapter, which counts but records nothing.
 */

/** Turn bounds for one chat or console turn: the largest context windows are ~2M tokens. */
export const MAX_TURN_TOKENS = 10_000_000;
/** One chat or console turn costs cents; a 2M-token context on the dearest model a few hundred dollars. */
export const MAX_TURN_COST_USD = 1_000;

const host = normaliseHost;

export function allowedProviders(adapter: SiteAdapter): readonly ProviderId[] {
  return adapter.kind === 'clay' ? PROVIDER_IDS : [adapter.provider];
}

export function turnKindOf(adapter: SiteAdapter): UsageEvent['kind'] {
  return adapter.kind === 'clay' ? 'clay-run' : adapter.kind;
}

/** Why a tab on `sender.host` may not record `event`, or null when it may. */
export function recordFromTabProblem(event: UsageEvent, sender: Pick<ContentSender, 'host'>): string | null {
  const tabHost = host(sender.host);
  if (host(event.site) !== tabHost) return `a tab on ${tabHost} may not record usage for ${event.site}`;
  const adapter = findAdapter(tabHost);
  if (!adapter.hosts.includes(tabHost)) return `${tabHost} is not a supported site; usage is recorded on supported sites only`;
  if (!allowedProviders(adapter).includes(event.provider)) return `${adapter.name} does not serve ${event.provider} models`;
  if (event.kind !== turnKindOf(adapter)) return `${adapter.name} records "${turnKindOf(adapter)}" turns, not "${event.kind}"`;
  if (adapter.kind === 'clay') {
    const model = getModel(event.model);
    if (event.provider !== 'clay' && model && model.provider !== event.provider) return `${event.model} is not a ${event.provider} model`;
    return null;
  }
  const tokens = Math.max(event.promptTokens, event.contextTokens, event.outputTokens, event.attachmentTokens ?? 0);
  if (tokens > MAX_TURN_TOKENS) return `${tokens.toLocaleString('en-US')} tokens is not one ${adapter.name} turn`;
  if ((event.costUsd ?? 0) > MAX_TURN_COST_USD) return `$${event.costUsd} is not one ${adapter.name} turn`;
  return null;
}

/** Why a tab on `sender.host` may not report an exact count for `modelId`, or null when it may. */
export function observeFromTabProblem(modelId: string, sender: Pick<ContentSender, 'host'>): string | null {
  const tabHost = host(sender.host);
  const adapter = findAdapter(tabHost);
  if (!adapter.hosts.includes(tabHost)) return `${tabHost} is not a supported site`;
  const model = modelForId(modelId);
  if (!model) return `unknown model "${modelId}"`;
  if (!allowedProviders(adapter).includes(model.provider)) return `${adapter.name} does not serve ${model.provider} models`;
  return null;
}

/**
 * Why a tab on `sender.host` may not ask for an exact Claude count of `modelId`, or null when it
 * may. Each one spends the user's Anthropic key on their text: only a Claude model, and only
 * from a site that serves Claude (claude.ai, the Anthropic Console, Clay's columns), never from
 * a page of another provider that a compromised script could make ask.
 */
export function exactCountFromTabProblem(modelId: string, sender: Pick<ContentSender, 'host'>): string | null {
  const model = modelForId(modelId);
  if (!model) return `unknown model "${modelId}"`;
  if (model.provider !== 'anthropic') return `${modelId} is not a Claude model: only Claude counts are asked of Anthropic`;
  const tabHost = host(sender.host);
  const adapter = findAdapter(tabHost);
  if (!adapter.hosts.includes(tabHost) || !allowedProviders(adapter).includes('anthropic')) return `${tabHost} does not serve Claude: no exact Claude counts from it`;
  return null;
}
