import { browser } from 'wxt/browser';
import { parseManagedPolicy, type ParsedPolicy } from '@/utils/core/settings/managed-settings';

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
