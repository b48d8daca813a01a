import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { chatgptAdapter } from './chatgpt';
import { claudeAdapter } from './claude';
import { geminiAdapter } from './gemini';
import { openaiPlaygroundAdapter } from './openai-playground';
import { anthropicConsoleAdapter } from './anthropic-console';
import { aistudioAdapter } from './aistudio';
import { clayAdapter } from './clay';

/** Every built-in site adapter. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  chatgptAdapter,
  claudeAdapter,
  geminiAdapter,
  openaiPlaygroundAdapter,
  anthropicConsoleAdapter,
  aistudioAdapter,
  clayAdapter,
];

export { genericAdapter } from './generic';
