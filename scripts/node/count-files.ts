import { readFile } from 'node:fs/promises';
import { costUsd } from '@/utils/core/models/cost';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { createLiveCounter } from '@/utils/content/counting/live-counter';
import { createSegmentCounter } from '@/utils/core/counting/segment-counter';
import { createTokenizerPool } from '@/utils/core/counting/tokenizer-pool';
import { nodeTokenizerSource } from '@/scripts/node/node-tokenizer-source';

export interface FileCount {
  file: string;
  model: string;
  provider: string;
  tokenizer: string;
  tokens: number;
  exact: boolean;
  inputCostUsd: number | null;
  /** Relative error band of an estimate (0.14 = ±14%), 0 when exact. */
  band: number;
}

/** The extension's pipeline (segmenting, segment counter, tokenizer data) running in Node. */
export function createNodeCounter() {
  const live = createLiveCounter(createSegmentCounter(createTokenizerPool(nodeTokenizerSource)));
  return async (file: string, text: string, model: ModelInfo): Promise<FileCount> => {
    const result = await live.count(text, model);
    return {
      file,
      model: model.id,
      provider: model.provider,
      tokenizer: model.tokenizer,
      tokens: result.tokens,
      exact: result.exact,
      inputCostUsd: costUsd(model, result.tokens, 0),
      band: result.exact ? 0 : model.band,
    };
  };
}

export async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(file, 'utf8');
}
