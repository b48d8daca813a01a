import { compactText } from '@/utils/content/page/dom-query';

/**
 * Per-conversation running totals of the turns this tab recorded, keyed by the conversation's
 * URL. Claude (and any virtualised transcript) removes off-screen turns from the page, so the
 * page alone under-states the context a long conversation re-sends: a turn's context is what
 * the page shows before it, plus the recorded prompts and replies the page no longer shows.
 *
 * Memory only, for the life of the tab: fingerprints are short hashes of text the page shows
 * anyway, and nothing here is stored or sent.
 */

/** One recorded prompt or reply. */
interface LedgerPart {
  tokens: number;
  /** Fingerprints of its text (as sent and as rendered), and of the whole turn's text. */
  prints: Set<string>;
  /** The elements it was read from, while they stay on the page. */
  elements: WeakRef<Element>[];
}

interface LedgerTurn {
  prompt: LedgerPart;
  reply: LedgerPart;
  /** Tokens of the files sent with the prompt: the page never shows their content, so they always count. */
  files: number;
}

const MAX_CONVERSATIONS = 50;
const conversations = new Map<string, LedgerTurn[]>();

/** The conversation a URL shows: origin and path (no query, no hash), so `?model=…` doesn't split it. */
export function conversationKeyOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

/** A short hash of a text's whitespace-free form: equal for the same message rendered twice. */
export function fingerprint(text: string): string {
  const compact = compactText(text);
  // FNV-1a, 32 bit, plus the length: enough to tell messages of one conversation apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < compact.length; i++) {
    hash ^= compact.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}:${compact.length}`;
}

export interface RecordedTurn {
  promptTokens: number;
  outputTokens: number;
  /** Tokens of the files sent with the prompt (0 or absent when none). */
  attachmentTokens?: number;
  /** The prompt as sent and as the page shows it. */
  promptTexts: string[];
  replyText: string;
  promptElements: Element[];
  replyElements: Element[];
  /** A regenerated reply takes the last turn's place. */
  replacesLast?: boolean;
}

/** Adds a recorded turn to its conversation's ledger. */
export function addLedgerTurn(url: string, turn: RecordedTurn): void {
  const key = conversationKeyOf(url);
  let turns = conversations.get(key);
  if (!turns) {
    turns = [];
    conversations.set(key, turns);
    if (conversations.size > MAX_CONVERSATIONS) conversations.delete(conversations.keys().next().value!);
  }
  if (turn.replacesLast) turns.pop();
  const promptTexts = turn.promptTexts.filter((t) => compactText(t) !== '');
  // A page may render the prompt and its reply in one block: that block's text is either prompt form plus the reply.
  const wholes = promptTexts.map((p) => fingerprint(p + turn.replyText));
  const part = (tokens: number, texts: string[], elements: Element[]): LedgerPart => ({
    tokens,
    prints: new Set([...texts.filter((t) => compactText(t) !== '').map(fingerprint), ...wholes]),
    elements: elements.filter(Boolean).map((el) => new WeakRef(el)),
  });
  turns.push({
    prompt: part(turn.promptTokens, promptTexts, turn.promptElements),
    reply: part(turn.outputTokens, [turn.replyText], turn.replyElements),
    files: turn.attachmentTokens ?? 0,
  });
}

/** Something the page shows now: an element and its text. */
export interface ShownText {
  el: Element;
  text: string;
}

function shows(part: LedgerPart, shown: ShownText[], prints: string[]): boolean {
  for (const ref of part.elements) {
    const el = ref.deref();
    if (el?.isConnected && shown.some((s) => s.el === el || s.el.contains(el) || el.contains(s.el))) return true;
  }
  return prints.some((p) => part.prints.has(p));
}

export interface LedgerView {
  /** Recorded turns in this conversation. */
  turns: number;
  /**
   * Tokens of the recorded prompts and replies that the page no longer shows among `shown`,
   * which a new turn still re-sends. `exceptLast`: leave the last turn out (it is being regenerated).
   */
  unseenTokens(shown: ShownText[], options?: { exceptLast?: boolean }): number;
}

export function ledgerFor(url: string): LedgerView {
  const turns = conversations.get(conversationKeyOf(url)) ?? [];
  return {
    turns: turns.length,
    unseenTokens(shown, options = {}) {
      const prints = shown.map((s) => fingerprint(s.text));
      const counted = options.exceptLast ? turns.slice(0, -1) : turns;
      let tokens = 0;
      for (const turn of counted) {
        tokens += turn.files;
        for (const part of [turn.prompt, turn.reply]) if (!shows(part, shown, prints)) tokens += part.tokens;
      }
      return tokens;
    },
  };
}

/** Tests only. */
export function resetLedger(): void {
  conversations.clear();
}
