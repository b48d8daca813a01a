import { formatCompact } from '@/components/popup/format';

/**
 * How the popup words the parts of a turn's tokens the plain input/output figures hide: the
 * model's thinking (a lower bound, or unknown where the page showed only a duration), the
 * context read from the prompt cache and the files sent. Text only, so views stay dumb.
 */

export interface Detail {
  text: string;
  /** The tooltip saying what the figure is. */
  title: string;
}

const LOWER_BOUND = 'Thinking as the page showed it, billed as output: a lower bound, since the page may show only a summary.';

/** Reasoning for a sum of turns: "≥1.2k", "≥1.2k + ?" (some turns' thinking unknown), "?" or null (no thinking). */
export function reasoningDetail(tokens: number, unknownTurns: number): Detail | null {
  const known = tokens > 0;
  const unknown = unknownTurns > 0;
  if (!known && !unknown) return null;
  const unknownNote = unknown ? ` ${unknownTurns} turn${unknownTurns === 1 ? '' : 's'} showed only how long the model thought: unknown, not 0.` : '';
  if (!known) return { text: '?', title: `Thinking tokens unknown.${unknownNote}` };
  return { text: `≥${formatCompact(tokens)}${unknown ? ' + ?' : ''}`, title: `${LOWER_BOUND}${unknownNote}` };
}

/** One turn's reasoning: absent, unknown (null) or a count. */
export function turnReasoningDetail(reasoningTokens: number | null | undefined): Detail | null {
  if (reasoningTokens === undefined) return null;
  return reasoningDetail(reasoningTokens ?? 0, reasoningTokens === null ? 1 : 0);
}

/** "of which 1.2k cached · 300 in files", or null when neither. */
export function inputDetail(cacheReadTokens: number | undefined, attachmentTokens: number | undefined): Detail | null {
  const parts: string[] = [];
  const titles: string[] = [];
  if (cacheReadTokens && cacheReadTokens > 0) {
    parts.push(`${formatCompact(cacheReadTokens)} cached`);
    titles.push('Context read from the prompt cache, billed at the cache-read price.');
  }
  if (attachmentTokens && attachmentTokens > 0) {
    parts.push(`${formatCompact(attachmentTokens)} in files`);
    titles.push('Tokens of the files sent with the messages.');
  }
  return parts.length ? { text: `of which ${parts.join(' · ')}`, title: titles.join(' ') } : null;
}
