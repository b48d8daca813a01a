import { describe, expect, it } from 'vitest';
import { readModelLabel } from '@/utils/core/models/model-labels';
import { modelForId, unknownModel } from '@/utils/core/models/model-registry';
import type { ProviderId } from '@/utils/core/models/model-types';

/** The chats added for issue 27: their pickers' and toggles' labels, read as models or modes. */
const CASES: Array<[label: string, provider: ProviderId, host: string, id: string]> = [
  // DeepSeek: the DeepThink toggle (page-model.ts appends " off" when its state says off).
  ['DeepThink', 'deepseek', 'chat.deepseek.com', 'deepseek-reasoner'],
  ['DeepThink (R1)', 'deepseek', 'chat.deepseek.com', 'deepseek-reasoner'],
  ['深度思考', 'deepseek', 'chat.deepseek.com', 'deepseek-reasoner'],
  ['DeepThink off', 'deepseek', 'chat.deepseek.com', 'deepseek-chat'],
  ['Search', 'deepseek', 'chat.deepseek.com', 'deepseek-chat'],
  ['DeepSeek-V3.2', 'deepseek', 'chat.deepseek.com', 'deepseek-v3.2'],
  // Copilot: modes, or a model named in the label.
  ['Smart', 'openai', 'copilot.microsoft.com', 'gpt-5'],
  ['Think Deeper', 'openai', 'copilot.microsoft.com', 'gpt-5'],
  ['Quick response', 'openai', 'copilot.microsoft.com', 'gpt-5-mini'],
  ['Smart (GPT-5)', 'openai', 'copilot.microsoft.com', 'gpt-5'],
  // Model names as the other pickers show them.
  ['Grok 4.6', 'x-ai', 'grok.com', 'grok-4.6'],
  ['Fast', 'x-ai', 'grok.com', 'grok-4-1-fast-non-reasoning'],
  ['Expert', 'x-ai', 'grok.com', 'grok-4.6'],
  ['Qwen3-Max', 'alibaba', 'chat.qwen.ai', 'qwen3-max'],
  ['Qwen3.6-Plus', 'alibaba', 'chat.qwen.ai', 'qwen3.6-plus'],
  ['Mistral Medium 3.1', 'mistral', 'chat.mistral.ai', 'mistral-medium-3-1'],
  ['Think', 'mistral', 'chat.mistral.ai', 'magistral-medium'],
  ['Sonar Pro', 'perplexity', 'www.perplexity.ai', 'sonar-pro'],
  ['Best', 'perplexity', 'www.perplexity.ai', 'sonar'],
  ['Llama 4 Maverick', 'meta', 'www.meta.ai', 'llama-4-maverick'],
];

describe('labels on the chats added in 2026-12', () => {
  it.each(CASES)('%s on %s (%s) -> %s', (label, provider, host, id) => {
    const reading = readModelLabel(label, { provider, host });
    expect(reading.kind === 'model' || reading.kind === 'mode' ? reading.id : null).toBe(id);
    expect(modelForId(id)?.provider).toBe(provider);
  });

  it('a newer model of a known family is read, not priced as another', () => {
    const reading = readModelLabel('Grok 5', { provider: 'x-ai', host: 'grok.com' });
    expect(reading).toMatchObject({ kind: 'model', id: 'grok-5', inCatalog: false });
    expect(modelForId('grok-5')?.price).toBeUndefined();
  });

  it('counts each provider with its rule: exact on the own vocabularies, banded elsewhere', () => {
    expect(modelForId('deepseek-chat')).toMatchObject({ tokenizer: 'deepseek3', exact: true });
    expect(modelForId('deepseek-reasoner')).toMatchObject({ tokenizer: 'deepseek3', exact: true });
    expect(modelForId('qwen3-max')).toMatchObject({ tokenizer: 'qwen3', exact: true });
    expect(modelForId('qwen3.6-plus')).toMatchObject({ tokenizer: 'qwen3', exact: false, band: 0.1 });
    expect(modelForId('sonar')).toMatchObject({ tokenizer: 'cl100k', exact: false, band: 0.1 });
    for (const id of ['grok-4.6', 'mistral-medium-latest', 'llama-4-maverick']) expect(modelForId(id), id).toMatchObject({ tokenizer: 'o200k', exact: false, band: 0.15 });
    expect(unknownModel('deepseek')).toMatchObject({ provider: 'deepseek', tokenizer: 'deepseek3' });
    expect(unknownModel('x-ai').price).toBeUndefined();
  });
});
