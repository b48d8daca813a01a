import type { ModelInfo } from '@/utils/core/models/model-types';
import type { PriceFn } from '@/utils/core/clay/run-estimate';

/** A priced, exactly counted OpenAI model for tests; spread it and change what a test needs. */
export const gpt4oMini: ModelInfo = {
  id: 'gpt-4o-mini',
  label: 'GPT-4o mini',
  provider: 'openai',
  tokenizer: 'o200k',
  counter: 'o200k',
  rule: 'o200k',
  tokenFactor: 1,
  exact: true,
  band: 0,
  inCatalog: true,
  contextWindow: 128_000,
  maxOutput: 16_384,
  price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
};

/** A model's list price for `input` and `output` tokens, null when it has none. */
export const listPrice: PriceFn = (m, input, output) => (m.price ? (input * m.price.inputPerMTok + output * m.price.outputPerMTok) / 1e6 : null);
