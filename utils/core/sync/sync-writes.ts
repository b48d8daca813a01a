import { HEARTBEAT_MS, isDeviceKey, metaKey, SAFETY_MARGIN_BYTES, DEVICE_BUDGET_BYTES, SYNC_QUOTA, itemBytes } from '@/utils/core/sync/sync-format';

/** What one write run does to storage.sync: this device's changed items, and its keys no longer needed. */
export interface SyncWrite {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * The bytes this device may use now: its own budget, or what the other keys (the settings,
 * other browsers) leave free less a margin, whichever is less.
 */
export function deviceBudget(all: Record<string, unknown>, deviceId: string): number {
  let others = 0;
  for (const [key, value] of Object.entries(all)) if (!isDeviceKey(deviceId, key)) others += itemBytes(key, value);
  return Math.max(0, Math.min(DEVICE_BUDGET_BYTES, SYNC_QUOTA.totalBytes - SAFETY_MARGIN_BYTES - others));
}

/**
 * The write that brings this device's keys in `all` to `planned`; null when nothing but the
 * time of the update would change and the last one is recent (a heartbeat is due every
 * HEARTBEAT_MS). Only this device's keys are ever named.
 */
export function syncWrite(all: Record<string, unknown>, deviceId: string, planned: Record<string, unknown>, now: number): SyncWrite | null {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(planned)) {
    if (!isDeviceKey(deviceId, key)) continue;
    if (JSON.stringify(all[key]) !== JSON.stringify(value)) set[key] = value;
  }
  const remove = Object.keys(all).filter((key) => isDeviceKey(deviceId, key) && !(key in planned));
  const mk = metaKey(deviceId);
  const onlyTime = Object.keys(set).length === 1 && mk in set && sameExceptTime(all[mk], set[mk]);
  const lastUpdate = (all[mk] as { u?: unknown } | undefined)?.u;
  if (remove.length === 0 && (Object.keys(set).length === 0 || (onlyTime && typeof lastUpdate === 'number' && now - lastUpdate < HEARTBEAT_MS))) return null;
  return { set, remove };
}

function sameExceptTime(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify({ ...a, u: 0 }) === JSON.stringify({ ...b, u: 0 });
}

/** This device's keys in `all`: what turning sync off removes. */
export const ownKeys = (all: Record<string, unknown>, deviceId: string): string[] => Object.keys(all).filter((key) => isDeviceKey(deviceId, key));
