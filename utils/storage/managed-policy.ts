import { browser } from 'wxt/browser';
import { parseManagedPolicy, type ManagedPolicy, type ParsedPolicy } from '@/utils/core/settings/managed-settings';

/**
 * The organisation's policy: storage.managed, written only by the browser from its enterprise
 * policy (Chrome: the extension's policy under the managed_schema in public/managed_schema.json;
 * Firefox: policies.json, "3rdparty" → "Extensions" → the add-on's id). Read-only to the
 * extension; checked like any input. A browser without a policy (or without managed storage,
 * as Firefox says when no policy names the add-on) has an empty one.
 */
export async function readManagedPolicy(): Promise<ParsedPolicy> {
  try {
    const area = (browser.storage as { managed?: { get(keys: null): Promise<Record<string, unknown>> } }).managed;
    return parseManagedPolicy(area ? await area.get(null) : {});
  } catch {
    return parseManagedPolicy({});
  }
}

/**
 * How long a settings load waits for the policy. Chromium's first read of storage.managed in a
 * fresh worker takes about 3 s when the extension declares a managed schema (measured on
 * Chromium 156, no policy set); every settings read waiting that long would hold up the badge on
 * each page load after the worker was stopped, and the popup.
 */
export const POLICY_WAIT_MS = 250;

/** Called when a policy with values arrived after a settings load stopped waiting for it. */
const latePolicyListeners = new Set<() => void>();

/** Tells `listener` when a policy arrives late: the settings read without it are out of date. */
export function onLatePolicy(listener: () => void): () => void {
  latePolicyListeners.add(listener);
  return () => latePolicyListeners.delete(listener);
}

/**
 * The policy if the browser gives it within POLICY_WAIT_MS, else an empty one; a policy with
 * values that arrives later is announced to onLatePolicy's listeners, which load again (by then
 * the browser answers at once).
 */
export async function readManagedPolicySoon(): Promise<ManagedPolicy> {
  const read = readManagedPolicy();
  const waited = await Promise.race([read, new Promise<null>((resolve) => setTimeout(resolve, POLICY_WAIT_MS, null))]);
  if (waited) return waited.policy;
  void read.then(({ policy }) => {
    if (Object.keys(policy).length) for (const listener of latePolicyListeners) listener();
  });
  return {};
}
