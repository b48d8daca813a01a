/** What the badge tests need to know about each site fixture (beyond fixtures/sites.ts). */
export interface BadgeSite {
  name: string;
  url: string;
  file: string;
  /** The main prompt field. */
  field: string;
  /** Another prompt field on the page that gets its own badge (consoles). */
  otherField?: string;
  editor: 'contenteditable' | 'textarea';
  /** Counts must equal o200k exactly (OpenAI models). */
  exact: boolean;
  model: string;
  /** [label the page will show, registry id it means]. */
  switchTo: [string, string];
  chat: boolean;
  /** Where SPA navigation goes. */
  navigateTo: string;
}

export const BADGE_SITES: BadgeSite[] = [
  { name: 'ChatGPT', url: 'https://chatgpt.com/', file: 'chatgpt.html', field: '#prompt-textarea', editor: 'contenteditable', exact: true, model: 'gpt-4o', switchTo: ['GPT-4o mini', 'gpt-4o-mini'], chat: true, navigateTo: '/c/6750a1b2' },
  { name: 'ChatGPT (legacy host)', url: 'https://chat.openai.com/', file: 'chatgpt.html', field: '#prompt-textarea', editor: 'contenteditable', exact: true, model: 'gpt-4o', switchTo: ['5', 'gpt-5'], chat: true, navigateTo: '/c/abc' },
  { name: 'Claude', url: 'https://claude.ai/new', file: 'claude.html', field: 'fieldset .ProseMirror', editor: 'contenteditable', exact: false, model: 'claude-sonnet-4-5', switchTo: ['Opus 4.1', 'claude-opus-4-1'], chat: true, navigateTo: '/chat/0d1e' },
  { name: 'Gemini', url: 'https://gemini.google.com/app', file: 'gemini.html', field: 'rich-textarea .ql-editor', editor: 'contenteditable', exact: false, model: 'gemini-2.5-flash', switchTo: ['2.5 Pro', 'gemini-2.5-pro'], chat: true, navigateTo: '/app/9f8e' },
  { name: 'OpenAI Playground', url: 'https://platform.openai.com/playground/chat', file: 'openai-playground.html', field: 'textarea[aria-label="User message"]', otherField: 'textarea[aria-label="System message"]', editor: 'textarea', exact: true, model: 'gpt-4.1', switchTo: ['gpt-4o-mini', 'gpt-4o-mini'], chat: false, navigateTo: '/playground/prompts' },
  { name: 'Anthropic Console', url: 'https://console.anthropic.com/workbench', file: 'anthropic-console.html', field: '[data-testid="prompt-editor"] .ProseMirror', otherField: '[data-testid="system-prompt"] textarea', editor: 'contenteditable', exact: false, model: 'claude-sonnet-4-5', switchTo: ['Claude Haiku 4.5', 'claude-haiku-4-5'], chat: false, navigateTo: '/workbench/abc' },
  { name: 'Claude Platform', url: 'https://platform.claude.com/workbench', file: 'anthropic-console.html', field: '[data-testid="prompt-editor"] .ProseMirror', otherField: '[data-testid="system-prompt"] textarea', editor: 'contenteditable', exact: false, model: 'claude-sonnet-4-5', switchTo: ['Claude Opus 4.1', 'claude-opus-4-1'], chat: false, navigateTo: '/workbench/def' },
  { name: 'Google AI Studio', url: 'https://aistudio.google.com/prompts/new_chat', file: 'aistudio.html', field: 'ms-prompt-input-wrapper textarea', otherField: 'ms-system-instructions textarea', editor: 'textarea', exact: false, model: 'gemini-2.5-pro', switchTo: ['Gemini 2.5 Flash', 'gemini-2.5-flash'], chat: false, navigateTo: '/prompts/abc' },
];
