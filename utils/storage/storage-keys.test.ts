import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_KEYS, storageKeyEntry } from '@/utils/storage/storage-keys';
import { takeStorageKeyViolations } from '@/test/unit/storage-key-guard';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['utils', 'components', 'entrypoints'];
/** Background-only modules allowed to read a whole area (never content-script code). */
const WHOLE_AREA_READERS: Record<string, string[]> = {
  local: ['utils/background/migrate-storage.ts', 'utils/background/turn-finaliser.ts'],
  // The settings' text is the popup cache's key; the browsers' aggregates are found by their device ids.
  sync: ['utils/storage/validated-settings-cache.ts', 'utils/storage/sync-store.ts'],
  session: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).map((full) => ({
  file: path.relative(ROOT, full),
  text: readFileSync(full, 'utf8'),
}));

const ACCESS = /\bstorage\.(local|sync|session)\.(get|set|remove)\(\s*([^)]*)/g;

describe('storage keys', () => {
  it('every module that reads or writes extension storage takes its keys from the list', () => {
    const offenders: string[] = [];
    for (const { file, text } of files) {
      if (file === 'utils/storage/storage-keys.ts') continue;
      for (const [, area, method, arg] of text.matchAll(ACCESS)) {
        const literal = /^['"`]([^'"`]+)['"`]/.exec(arg!.trim())?.[1] ?? /^\{\s*['"]([^'"]+)['"]\s*:/.exec(arg!.trim())?.[1];
        if (literal !== undefined && !storageKeyEntry(area as 'local', literal)) offenders.push(`${file}: storage.${area}.${method}('${literal}') is not listed`);
        if (arg!.trim().startsWith('null') && !WHOLE_AREA_READERS[area!]!.includes(file)) offenders.push(`${file}: storage.${area}.${method}(null) reads the whole area`);
        if (!/from '[^']*storage\/storage-keys'/.test(text) && !/from '\.\/storage-keys'/.test(text) && !(arg!.trim().startsWith('null') && WHOLE_AREA_READERS[area!]!.includes(file))) {
          offenders.push(`${file}: uses storage.${area} without importing utils/storage/storage-keys.ts`);
        }
      }
    }
    expect([...new Set(offenders)]).toEqual([]);
  });

  it('the unit suite refuses an unlisted key at run time', async () => {
    expect(() => fakeBrowser.storage.local.set({ someNewKey: 1 })).toThrow(/not listed/);
    expect(() => fakeBrowser.storage.sync.get('anotherKey')).toThrow(/not listed/);
    // Swallowed or not, the test that did it fails afterwards (setup.ts); these two were on purpose.
    expect(takeStorageKeyViolations()).toHaveLength(2);
    await expect(fakeBrowser.storage.local.set({ [STORAGE_KEYS.usageOutbox.key + 'chatgpt.com']: {} })).resolves.toBeUndefined();
    // A prefix alone is not a key of its kind.
    expect(storageKeyEntry('local', STORAGE_KEYS.usageOutbox.key)).toBeUndefined();
  });
});
