import { z } from 'zod';

/**
 * Every message that crosses a context boundary (content script <-> background,
 * extension pages <-> background) is declared here and validated on arrival.
 * Add a message by adding a schema to `requestSchema` and its reply type to `ResponseMap`.
 */

const providerSchema = z.enum(['openai', 'anthropic', 'google', 'clay']);
const nonNegInt = z.number().int().nonnegative().finite();

export const usageEventSchema = z
  .object({
    id: z.string().min(8).max(200),
    time: z.number().int().positive(),
    site: z.string().min(1).max(253),
    provider: providerSchema,
    model: z.string().min(1).max(120),
    promptTokens: nonNegInt,
    contextTokens: nonNegInt,
    outputTokens: nonNegInt,
    costUsd: z.number().nonnegative().finite().nullable(),
    priceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    exact: z.boolean(),
    credits: z.number().nonnegative().finite().optional(),
    kind: z.enum(['chat', 'console', 'clay-run']),
  })
  // Unknown keys are refused rather than stripped: a stray `text` field must never reach storage.
  .strict();

export const requestSchema = z.discriminatedUnion('type', [
  /** Count each segment with one tokenizer. Replies with one count per segment, in order. */
  z.object({
    type: z.literal('count'),
    tokenizer: z.enum(['o200k', 'cl100k', 'gemma3']),
    segments: z.array(z.string()).max(100_000),
  }),
  /**
   * Opt-in exact Claude count from Anthropic's count_tokens endpoint (the background holds the
   * key and makes the request). Replies null when the feature is off or no key is stored.
   */
  z.object({
    type: z.literal('count-exact'),
    text: z.string().max(5_000_000),
    modelId: z.string().min(1).max(120),
  }),
  z.object({ type: z.literal('record-usage'), event: usageEventSchema }),
  z.object({ type: z.literal('import-usage'), events: z.array(z.unknown()) }),
  z.object({ type: z.literal('delete-all-usage') }),
  z.object({ type: z.literal('apply-retention') }),
  z.object({ type: z.literal('usage-changed') }),
  z.object({ type: z.literal('ping') }),
]);

/** null: exact counts are off (or no key). Otherwise Anthropic's count, or why there is none. */
export type ExactCountReply = { tokens: number } | { error: string } | null;

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface ResponseMap {
  count: { counts: number[] };
  'count-exact': ExactCountReply;
  'record-usage': { stored: boolean };
  'import-usage': { imported: number; duplicates: number };
  'delete-all-usage': { deleted: true };
  'apply-retention': { deleted: number };
  'usage-changed': { ok: true };
  ping: { pong: true };
}

/** Every reply is wrapped so a failure is a value, not a rejected promise lost in a port. */
export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };

export function parseRequest(raw: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = requestSchema.safeParse(raw);
  if (result.success) return { ok: true, request: result.data };
  return { ok: false, error: z.prettifyError(result.error) };
}
