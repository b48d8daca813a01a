import { modelKeyFromLabel } from '@/utils/core/meters/chatgpt-caps';
import type { LimitNotice } from '@/utils/core/meters/meter-types';
import { parseResetTime } from '@/utils/core/meters/reset-time';

/**
 * ChatGPT's notice when a model's allowance runs out, as users have copied it from the page
 * (2023-2026): "You've hit the Plus plan limit for GPT-5 Thinking. Responses will use another
 * model until your limit resets after 3:45 PM.", "… resets tomorrow after 3:56 AM.", older
 * "You've reached the current usage cap for GPT-4. … try again after 7:06 PM.".
 *
 * The wording changes and is translated, so the notice is recognised by what it must hold, not
 * by one sentence: a word for "limit" (in the languages ChatGPT is most used in), a model name
 * (GPT-…, o3) or a reset time. Model names are not translated; neither are clock times.
 */

const LIMIT_WORD =
  /\b(limit|limits|usage cap|cap for|límite|limite|limiet|limitu|limitet|grænse|gräns|sınır|batas|had)\b|лимит|ліміт|上限|限制|限额|額度|制限|제한|한도|حد/i;
const RESET_WORD = /\b(resets?|try again|réinitialis|zurückgesetzt|restablec|reinici|ripristin|redefin|wieder)|リセット|重置|초기화|сбрас/i;
/** Longest text that can be the notice (the whole thread is far longer). */
export const MAX_NOTICE_CHARS = 400;

export function parseLimitNotice(text: string, now: number, locale = 'en'): LimitNotice | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length < 12 || clean.length > MAX_NOTICE_CHARS || !LIMIT_WORD.test(clean)) return null;
  const model = modelKeyFromLabel(clean);
  // The reset time usually follows its keyword (English); some languages put the verb last.
  const resetAt = RESET_WORD.exec(clean);
  const resetsAt = (resetAt ? parseResetTime(clean.slice(resetAt.index), now, locale) : null) ?? parseResetTime(clean, now, locale);
  if (!model && resetsAt === null) return null;
  if (!model && !RESET_WORD.test(clean)) return null;
  const label = model ? (/\b(gpt[\s-]?\d+(?:\.\d+)?[a-z]?(?:[\s-]+(?:thinking|pro|mini|nano|instant|sol))*|o\d(?:[\s-]mini)?)\b/i.exec(clean)?.[1] ?? model) : 'ChatGPT';
  return { site: 'chatgpt', model, label, resetsAt, seenAt: now };
}
