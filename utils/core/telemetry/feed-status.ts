/**
 * What the options page shows of the team feed, kept by the background: the last export that
 * went through, the last error (with its time) and the outbox's retry state. Counts and times
 * only; an error message never quotes a response body (it could hold anything).
 */
export interface FeedStatus {
  /** Epoch ms of the last accepted export; null = none yet. */
  lastExportAt: number | null;
  /** Turns in that export. */
  lastExportTurns: number;
  /** Turns delivered since the outbox was created. */
  sentTurns: number;
  lastError: { at: number; message: string } | null;
  /** Failed tries in a row; 0 after a success. */
  failures: number;
  /** Epoch ms before which no retry is made (a collector's Retry-After, or the backoff); 0 = any time. */
  retryAt: number;
  /** Epoch ms the collector asked to be left alone until (Retry-After): not even a new turn tries before. */
  busyUntil: number;
  /** Turns not queued because the outbox was full, since the last success. */
  refusedWhileFull: number;
}

export const EMPTY_FEED_STATUS: FeedStatus = { lastExportAt: null, lastExportTurns: 0, sentTurns: 0, lastError: null, failures: 0, retryAt: 0, busyUntil: 0, refusedWhileFull: 0 };

const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseFeedStatus(raw: unknown): FeedStatus {
  const s = raw as Partial<Record<keyof FeedStatus, unknown>> | null;
  if (!s || typeof s !== 'object') return { ...EMPTY_FEED_STATUS };
  const e = s.lastError as { at?: unknown; message?: unknown } | null | undefined;
  return {
    lastExportAt: time(s.lastExportAt) ? s.lastExportAt : null,
    lastExportTurns: whole(s.lastExportTurns) ? s.lastExportTurns : 0,
    sentTurns: whole(s.sentTurns) ? s.sentTurns : 0,
    lastError: e && time(e.at) && typeof e.message === 'string' ? { at: e.at, message: e.message.slice(0, 500) } : null,
    failures: whole(s.failures) ? s.failures : 0,
    retryAt: time(s.retryAt) ? s.retryAt : 0,
    busyUntil: time(s.busyUntil) ? s.busyUntil : 0,
    refusedWhileFull: whole(s.refusedWhileFull) ? s.refusedWhileFull : 0,
  };
}

/** Durable backoff between the worker's tries: 30 s (the shortest alarm), doubling, at most an hour. */
export const FEED_BACKOFF = { firstMs: 30_000, maxMs: 60 * 60_000 };

export function backoffDelay(failures: number): number {
  return Math.min(FEED_BACKOFF.firstMs * 2 ** Math.max(0, failures - 1), FEED_BACKOFF.maxMs);
}
