// Every unit test gets a fresh in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guardStorageKeys, takeStorageKeyViolations } from '@/test/unit/storage-key-guard';

// Storage keys must be listed in utils/storage/storage-keys.ts: any test touching another fails.
guardStorageKeys(fakeBrowser.storage);

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  takeStorageKeyViolations();
});

afterEach(() => {
  expect(takeStorageKeyViolations(), 'storage keys missing from utils/storage/storage-keys.ts').toEqual([]);
});
