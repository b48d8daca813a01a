import type { ProviderId } from '../models/model-types';

/**
 * Everything TokenTally knows about one site, as data. Repairing a site after a
 * redesign should mean editing its adapter file only. Every selector list is an
 * ordered fallback: the first selector that matches wins.
 */
export interface SiteAdapter {
  /** Stable id, e.g. "chatgpt". */
  id: string;
  /** Display name, e.g. "ChatGPT". */
  name: string;
  /** Hostnames this adapter serves. */
  hosts: string[];
  provider: ProviderId;
  /** chat: conversation sites; console: API playgrounds; clay: Clay tables. */
  kind: 'chat' | 'console' | 'clay';
  /** Model assumed when the page shows none and the user picked none. */
  defaultModel: string;

  /** Prompt fields (textarea, ProseMirror, Quill, Tiptap...). */
  fieldSelectors: string[];
  /** Elements whose text names the model picked on the page. */
  modelSelectors?: string[];
  /** Maps a visible model label ("GPT-4o", "Claude Sonnet 4.5") to a registry id; null when unknown. */
  modelFromLabel?: (label: string) => string | null;

  // Turn detection (chat sites and consoles).
  /** Buttons that send the prompt (chat) or run it (console). */
  sendButtonSelectors?: string[];
  /** Whether Enter (without Shift) in the field sends. */
  sendsOnEnter?: boolean;
  /** Rendered user messages of the visible conversation. */
  userMessageSelectors?: string[];
  /** Rendered assistant replies of the visible conversation. */
  assistantMessageSelectors?: string[];
  /** Present while a reply is still streaming (a stop button, a busy marker). */
  streamingSelectors?: string[];

  // Clay.
  /** Elements whose text shows the table's row count. */
  rowCountSelectors?: string[];
  /** Turns such text ("250 rows", "1,000 records") into a number; null when it isn't one. */
  parseRowCount?: (text: string) => number | null;
}
