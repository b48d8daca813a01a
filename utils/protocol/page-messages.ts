import { z } from 'zod';

/**
 * Extension page (popup, options page) → background: what may change or delete stored data.
 * Served only to the extension's own pages, never to a content script, whatever it sends
 * (see sender.ts for how the two are told apart). Pages may also send every content message.
 *
 * Add a page → background message here (schema + reply type), and its handler where the
 * background builds its handlers.
 */
const PAGE_REQUESTS = [
  /** Raw events from an import file; the background validates each one and refuses the whole file on the first bad one. */
  z.object({ type: z.literal('import-usage'), events: z.array(z.unknown()).max(5_000_000) }),
  z.object({ type: z.literal('delete-all-usage') }),
  z.object({ type: z.literal('apply-retention') }),
  /** The user's answer about turns an earlier version left within content scripts' reach: record them (if they pass every check) or discard them. */
  z.object({ type: z.literal('review-held-turns'), keep: z.boolean() }),
  /** The options page's reset of the estimators' learned corrections (the background tells the open pages). */
  z.object({ type: z.literal('reset-corrections') }),
] as const;

export const pageRequestSchema = z.discriminatedUnion('type', [...PAGE_REQUESTS]);
export type PageRequest = z.infer<typeof pageRequestSchema>;
export type PageRequestType = PageRequest['type'];

export interface PageResponseMap {
  'import-usage': { imported: number; duplicates: number };
  'delete-all-usage': { deleted: true };
  'apply-retention': { deleted: number };
  'review-held-turns': { recorded: number; discarded: number };
  'reset-corrections': { reset: true };
}
