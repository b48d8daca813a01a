import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { chatgptAdapter } from './chatgpt';
import { claudeAdapter } from './claude';
import { geminiAdapter } from './gemini';
import { openaiPlaygroundAdapter } from './openai-playground';
import { anthropicConsoleAdapter } from './anthropic-console';
import { aistudioAdapter } from './aistudio';
import { clayAdapter } from './clay';
import { deepseekAdapter } from './deepseek';
import { copilotAdapter } from './copilot';
import { perplexityAdapter } from './perplexity';
import { grokAdapter } from './grok';
import { mistralAdapter } from './mistral';
import { metaAiAdapter } from './meta-ai';
import { qwenAdapter } from './qwen';

/** Every built-in site adapter. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  chatgptAdapter,
  claudeAdapter,
  geminiAdapter,
  openaiPlaygroundAdapter,
  anthropicConsoleAdapter,
  aistudioAdapter,
  clayAdapter,
  deepseekAdapter,
  copilotAdapter,
  perplexityAdapter,
  grokAdapter,
  mistralAdapter,
  metaAiAdapter,
  qwenAdapter,
];

export { genericAdapter } from './generic';
