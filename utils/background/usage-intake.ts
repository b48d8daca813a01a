import { incomingUsageEventSchema, isAheadOfClock, type UsageEvent } from '@/utils/core/usage/usage-event';
import { recordFromTabProblem } from '@/utils/background/messaging/tab-site-check';
import { storeEvents } from '@/utils/storage/usage-store';
import { holdTurns, readHeldTurns, releaseHeldTurns, type HeldTurn } from '@/utils/storage/held-turns';
import { queueForFeed } from '@/utils/background/telemetry/team-feed';

/**
 * Where every turn a tab sends enters the usage database (background only). A turn stamped
 * more than a day ahead of this clock is not refused, and never deleted: the clock was moved
 * back after it was sent (or is wrong now), so it is held (held-turns.ts) and recorded once
 * the clock has caught up. The popup says how many are waiting, and why.
 */

/** The opt-in team feed queues what was recorded (by id: a duplicate is never sent twice); off, it does nothing. */
const toTeamFeed = (events: readonly UsageEvent[]) => void queueForFeed(events).catch((e) => console.warn('[TokenTally] team feed:', e));

export interface Intake {
  stored: number;
  held: number;
}

/** Stores the turns (already checked against their sender), holding those ahead of the clock. */
export async function takeTurns(events: readonly UsageEvent[], now = Date.now()): Promise<Intake> {
  const due = events.filter((event) => !isAheadOfClock(event, now));
  const ahead = events.filter((event) => isAheadOfClock(event, now));
  const { stored } = due.length ? await storeEvents(due) : { stored: 0 };
  if (stored) toTeamFeed(due);
  const held = ahead.length ? await holdTurns(ahead.map((event): HeldTurn => ({ event, reason: 'clock', since: now }))) : 0;
  if (held < ahead.length) console.warn(`[TokenTally] ${ahead.length - held} turns ahead of the clock could not be held: the hold is full`);
  return { stored, held };
}

/** Records the held turns the clock has caught up with; returns how many were stored. */
export async function releaseDueTurns(now = Date.now()): Promise<number> {
  const due = (await readHeldTurns()).filter((turn) => turn.reason === 'clock' && !isAheadOfClock(turn.event, now));
  if (due.length === 0) return 0;
  const { stored } = await storeEvents(due.map((turn) => turn.event));
  if (stored) toTeamFeed(due.map((turn) => turn.event));
  await releaseHeldTurns(due.map((turn) => turn.event.id));
  return stored;
}

/**
 * The user's answer about turns found where an earlier version kept them within content
 * scripts' reach: kept ones are recorded if they pass every check a tab's own turn passes
 * (schema, bounds, the site's provider and kind); the rest are discarded.
 */
export async function reviewUnverifiedTurns(keep: boolean, now = Date.now()): Promise<{ recorded: number; discarded: number }> {
  const unverified = (await readHeldTurns()).filter((turn) => turn.reason === 'unverified');
  const valid = keep ? unverified.flatMap(({ event }) => passesTabChecks(event)) : [];
  // Recorded first, then released: a worker stopped in between leaves them to review again,
  // and a second recording of the same id is a no-op. One still ahead of the clock is held as such.
  const { stored } = valid.length ? await takeTurns(valid, now) : { stored: 0 };
  const stillAhead = new Set(valid.filter((event) => isAheadOfClock(event, now)).map((event) => event.id));
  await releaseHeldTurns(unverified.map(({ event }) => event.id).filter((id) => !stillAhead.has(id)));
  return { recorded: stored, discarded: unverified.length - valid.length };
}

function passesTabChecks(event: unknown): UsageEvent[] {
  const parsed = incomingUsageEventSchema.safeParse(event);
  return parsed.success && !recordFromTabProblem(parsed.data, { host: parsed.data.site }) ? [parsed.data] : [];
}
