import { storageKeyEntry, type StorageAreaName } from '@/utils/storage/storage-keys';

type Area = { get: (...a: any[]) => Promise<any>; set: (...a: any[]) => Promise<any>; remove: (...a: any[]) => Promise<any> };

/** Unlisted keys used since the last `takeStorageKeyViolations()`. */
const violations: string[] = [];

/**
 * Makes every storage access in the unit suite with a key not listed in
 * utils/storage/storage-keys.ts throw, and remembers it, so a test fails even where the code
 * swallows the error (setup.ts checks after each test).
 */
export function guardStorageKeys(storage: Record<StorageAreaName, Area>): void {
  for (const area of ['local', 'sync', 'session'] as const) {
    const target = storage[area];
    const check = (keys: unknown) => {
      if (keys === null || keys === undefined) return; // the whole area: no key is named
      const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys as object);
      for (const key of names) {
        if (storageKeyEntry(area, String(key))) continue;
        const message = `storage.${area} key "${String(key)}" is not listed in utils/storage/storage-keys.ts`;
        violations.push(message);
        throw new Error(message);
      }
    };
    for (const method of ['get', 'set', 'remove'] as const) {
      const original = target[method].bind(target);
      target[method] = (keys: unknown, ...rest: unknown[]) => {
        check(keys);
        return original(keys, ...rest);
      };
    }
  }
}

export function takeStorageKeyViolations(): string[] {
  return violations.splice(0);
}
