import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * Everything TokenTally knows about one site, as plain data (no functions), so a redesign is
 * repaired by editing one adapter file and `site-adapters.test.ts` can check every adapter's
 * format. Each selector list is an ordered fallback (first match wins) and every selector
 * carries a `// confirmed YYYY-MM` comment (or `// unconfirmed YYYY-MM` for a guess) so stale
 * ones can be pruned.
 *
 * The adapter is the first of two layers: where a role's selectors find nothing, the
 * selector-free layer (utils/content/page/fallback-*.ts) reads that role from what any chat page does.
 */
export interface SiteAdapter {
  /** Stable id, e.g. "chatgpt". */
  id: string;
  /** Display name, e.g. "ChatGPT". */
  name: string;
  /** Hostnames this adapter serves; the content script's matches are derived from them. */
  hosts: string[];
  provider: ProviderId;
  /** chat: conversation sites; console: API playgrounds; clay: Clay tables. */
  kind: 'chat' | 'console' | 'clay';
  /** Model assumed when the page shows none and the user picked none. */
  defaultModel: string;
  /** Whether Enter (without Shift) in the composer sends; consoles run on Ctrl/Cmd+Enter. */
  sendsOnEnter: boolean;
  /** A URL query parameter that names the model (the OpenAI Playground's `?models=gpt-5.5`). */
  modelUrlParam?: string;
  selectors: SiteSelectors;
}

export type SelectorList = readonly string[];

/** One ordered selector list per role the page plays. */
export interface SiteSelectors {
  /** Prompt fields (textarea, ProseMirror, Quill, Tiptap...). */
  composer: SelectorList;
  /** The box around the composer that holds its buttons, found with `field.closest()`. */
  composerContainer?: SelectorList;
  /** Buttons that send the prompt (chat) or run it (console). */
  send?: SelectorList;
  /** Stop controls. Looked for inside the composer container only, and only when visible. */
  stop?: SelectorList;
  /** Flags present on the reply while it streams (e.g. data-is-streaming="true"). */
  streaming?: SelectorList;
  /** Markers that appear with a finished reply (its action buttons, a streaming flag off). */
  finished?: SelectorList;
  /** Rendered user messages. */
  userMessage?: SelectorList;
  /** Rendered assistant replies. */
  assistantMessage?: SelectorList;
  /** The text part inside a reply (leaves out hidden "… said:" labels and timestamps). */
  replyBody?: SelectorList;
  /**
   * The model's thinking block inside (or just before) a reply: its toggle ("Thought for 12s")
   * and its text. Read as reasoning and left out of the answer.
   */
  thinking?: SelectorList;
  /** Elements whose text names the model (or mode) picked on the page. */
  model?: SelectorList;
  /** Clay: elements whose text shows the table's row count. */
  rowCount?: SelectorList;
}

export type SelectorRole = keyof SiteSelectors;
