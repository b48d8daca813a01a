/**
 * The badge's context-window warning: what the next turn sends (the prompt, its files, the
 * conversation it re-sends and, where one is known, the app's hidden prompt) against the
 * window, at 80% and 95%, with what to do about it. Files are the advice when dropping them
 * alone brings the turn back under the threshold it crossed; otherwise the conversation is
 * what has grown, and a new conversation is the way out.
 */

export const CONTEXT_NEAR_AT = 0.8;
export const CONTEXT_FULL_AT = 0.95;

export type ContextWarningLevel = 'ok' | 'near' | 'full' | 'over';

export interface ContextParts {
  prompt: number;
  files: number;
  conversation: number;
  /** The app's own system prompt and tools, when an estimate of it is known. */
  hiddenPrompt?: number;
}

export interface ContextWarning {
  level: ContextWarningLevel;
  used: number;
  /** What to do, or null when nothing needs doing. */
  advice: string | null;
  /** 'files' when dropping the files is enough, else 'new-conversation'. */
  action: 'files' | 'new-conversation' | null;
}

function levelOf(used: number, window: number): ContextWarningLevel {
  if (window <= 0 || used < window * CONTEXT_NEAR_AT) return 'ok';
  if (used > window) return 'over';
  return used >= window * CONTEXT_FULL_AT ? 'full' : 'near';
}

const LIMIT_OF: Record<Exclude<ContextWarningLevel, 'ok'>, number> = { near: CONTEXT_NEAR_AT, full: CONTEXT_FULL_AT, over: 1 };

export function contextWarning(parts: ContextParts, window: number): ContextWarning {
  const used = parts.prompt + parts.files + parts.conversation + (parts.hiddenPrompt ?? 0);
  const level = levelOf(used, window);
  if (level === 'ok') return { level, used, advice: null, action: null };
  const filesEnough = parts.files > 0 && used - parts.files < window * LIMIT_OF[level];
  const action = filesEnough ? 'files' : 'new-conversation';
  const why = level === 'over' ? 'Over the context window' : `Context ${level === 'full' ? 95 : 80}% full`;
  const what = filesEnough ? `drop files (${parts.files.toLocaleString('en-US')} tokens)` : 'start a new conversation';
  return { level, used, advice: `${why}: ${what}.`, action };
}
