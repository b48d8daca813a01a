// Token counter CLI, same code and data as the extension:
//   npm run -s count -- [--model ID] [--json] FILE... | -
// --json prints one JSON object per input: {"file","model","provider","tokenizer","tokens","exact","inputCostUsd","band"}
// (band: an estimate's relative error band, e.g. 0.14 = ±14%; 0 when exact).
// Exit codes: 0 ok, 1 unreadable input (or missing tokenizer data), 2 usage error / model of no known family.

const USAGE = 'usage: npm run -s count -- [--model ID] [--json] FILE... | -';

async function main(argv: string[]): Promise<number> {
  const { modelForId, listModels } = await import('@/utils/core/models/model-registry');
  let modelId = 'gpt-4o';
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--model' || arg === '-m') {
      const next = argv[++i];
      if (next === undefined) {
        console.error(`--model needs a model id\n${USAGE}`);
        return 2;
      }
      modelId = next;
    } else if (arg.startsWith('--model=')) modelId = arg.slice('--model='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(`${USAGE}\nmodels: ${listModels().map((m) => m.id).join(', ')}`);
      return 0;
    } else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  // A newer model of a known family ("claude-opus-6", "gpt-5.7") counts with its family's rule and
  // no price, as the badge does; an id of no known family is a usage error.
  const model = modelForId(modelId);
  if (!model) {
    console.error(`unknown model "${modelId}". Known models:\n${listModels().map((m) => `  ${m.id}`).join('\n')}`);
    return 2;
  }
  if (!model.inCatalog) console.error(`count: "${model.id}" is not in the price catalog: counted as its family (${model.counter}), price unknown`);
  if (files.length === 0) {
    console.error(`no input: give one or more files, or - for stdin\n${USAGE}`);
    return 2;
  }

  const { createNodeCounter, readInput } = await import('@/scripts/node/count-files');
  const count = createNodeCounter();
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readInput(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reasons: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory' };
      const reason = (code && reasons[code]) ?? (error as Error).message;
      console.error(`count: cannot read ${file === '-' ? 'stdin' : file}: ${reason}`);
      status = 1;
      continue;
    }
    let result;
    try {
      result = await count(file, text, model);
    } catch (error) {
      console.error(`count: ${(error as Error).message}`);
      return 1;
    }
    if (json) console.log(JSON.stringify(result));
    else {
      const count = result.exact ? `${result.tokens}` : `≈${result.tokens} ±${Math.round(result.band * 100)}%`;
      const cost = result.inputCostUsd === null ? 'no known price' : `$${result.inputCostUsd.toFixed(6)}`;
      console.log(`${file}\t${count} tokens\t${model.id} (${model.tokenizer}${result.exact ? '' : `, ${model.counter}`})\t${cost}`);
    }
  }
  return status;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`count: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
