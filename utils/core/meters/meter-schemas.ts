import { z } from 'zod';
import { METER_SITES, type LimitNotice, type MeterReport, type MeterWindow } from '@/utils/core/meters/meter-types';

/** Checks for meter data crossing a boundary: content script -> background, and storage -> views. */

export const meterWindowSchema = z
  .object({
    id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9._:-]{0,80}$/),
    label: z.string().min(1).max(80),
    used: z.number().finite().min(0).max(10),
    resetsAt: z.number().int().positive().nullable(),
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
    resetsAt: z.number().int().positive().nullable(),
    seenAt: z.number().int().positive(),
  })
  .strict() satisfies z.ZodType<LimitNotice>;
