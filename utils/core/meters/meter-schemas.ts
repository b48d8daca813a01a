import { z } from 'zod';
import { DAY_MS, METER_SITES, type LimitNotice, type MeterReport, type MeterWindow } from '@/utils/core/meters/meter-types';
import { latestEventTime, MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';

/** Checks for meter data crossing a boundary: content script -> background, and storage -> views. */

/** The furthest reset a site announces is a monthly spend cap's; a year ahead is a broken clock or a forgery. */
export const MAX_RESET_AHEAD_MS = 366 * DAY_MS;

/** A reset time: after TokenTally's world began, and at most a year ahead of this machine's clock. */
const resetTime = z
  .number()
  .int()
  .min(MIN_EVENT_TIME)
  .refine((t) => t <= Date.now() + MAX_RESET_AHEAD_MS, 'more than a year ahead');
/** When something was seen or read: no later than a record may be stamped. */
export const seenTime = z
  .number()
  .int()
  .min(MIN_EVENT_TIME)
  .refine((t) => t <= latestEventTime(), 'later than now');

export const meterWindowSchema = z
  .object({
    id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9._:-]{0,80}$/),
    label: z.string().min(1).max(80),
    used: z.number().finite().min(0).max(10),
    resetsAt: resetTime.nullable(),
    lengthMs: z.number().int().positive().nullable(),
    detail: z.string().max(120).optional(),
  })
  .strict() satisfies z.ZodType<MeterWindow>;

export const meterReportSchema = z
  .object({
    site: z.enum(METER_SITES),
    account: z.string().min(1).max(100),
    accountName: z.string().max(120).nullable(),
    active: z.boolean(),
    windows: z.array(meterWindowSchema).max(20),
    error: z.object({ reason: z.string().min(1).max(300), status: z.number().int().min(0).max(999).optional() }).strict().nullable(),
  })
  .strict() satisfies z.ZodType<MeterReport>;

export const limitNoticeSchema = z
  .object({
    site: z.literal('chatgpt'),
    model: z.string().min(1).max(60).nullable(),
    label: z.string().max(80),
    resetsAt: resetTime.nullable(),
    seenAt: seenTime,
  })
  .strict() satisfies z.ZodType<LimitNotice>;
