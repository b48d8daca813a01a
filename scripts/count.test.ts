import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpus, CORPUS_DIR, tiktokenCount } from '@/test/unit/counting-helpers';
import { estimateClaudeTokens } from '@/utils/core/estimates/claude-estimator';
import { CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Runs the CLI without blocking the test worker (a blocked worker misses the runner's messages on a busy machine). */
function cli(args: string[], input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/count.ts', ...args], { cwd: ROOT, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
const lines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('count CLI', () => {
  const files = corpus().map((f) => ({ ...f, path: fileURLToPath(new URL(f.name, CORPUS_DIR)) }));

  it.each([
    ['gpt-4o', 'o200k'],
    ['gpt-4', 'cl100k'],
  ] as const)('--json --model %s prints one line per file, equal to tiktoken', async (model, tokenizer) => {
    const run = await cli(['--json', '--model', model, ...files.map((f) => f.path)]);
    expect(run.status, run.stderr).toBe(0);
    const out = lines(run.stdout);
    expect(out).toHaveLength(files.length);
    out.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(['file', 'model', 'provider', 'tokenizer', 'tokens', 'exact', 'inputCostUsd', 'band']);
      expect(row).toMatchObject({ file: files[i]!.path, model, provider: 'openai', tokenizer, exact: true, band: 0 });
      expect(row.tokens).toBe(tiktokenCount(tokenizer, files[i]!.text));
      expect(row.inputCostUsd).toBeGreaterThan(0);
    });
  });

  it('defaults to gpt-4o, reads stdin for -, labels Claude as an estimate', async () => {
    const text = 'Hello <|endoftext|> world, 日本語\n';
    const run = await cli(['--json', '-'], text);
    expect(run.status, run.stderr).toBe(0);
    expect(lines(run.stdout)[0]).toMatchObject({ file: '-', model: 'gpt-4o', tokens: tiktokenCount('o200k', text) });
    const claude = lines((await cli(['--json', '--model', 'claude-sonnet-4-5', '-'], text)).stdout)[0]!;
    expect(claude).toMatchObject({ provider: 'anthropic', tokenizer: 'o200k', exact: false, band: CLAUDE_FACTORS['claude3-estimate'].band });
    expect(claude.tokens).toBe(Math.round(estimateClaudeTokens(text, 'claude3-estimate', (t) => tiktokenCount('o200k', t))));
  });

  it('knows both Claude tokenizer generations and prints each estimate\'s band', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-count-'));
    const file = join(dir, 'prompt.txt');
    const text = 'Summarise the attached README for a new engineer: setup, tests, and how to land work.\n';
    writeFileSync(file, text);
    const o200k = (t: string) => tiktokenCount('o200k', t);
    for (const [model, estimator] of [['claude-sonnet-5', 'claude47-estimate'], ['claude-opus-4-8', 'claude47-estimate'], ['claude-opus-4-7', 'claude47-estimate'], ['claude-sonnet-4-6', 'claude3-estimate']] as const) {
      const run = await cli(['--json', '--model', model, file]);
      expect(run.status, run.stderr).toBe(0);
      const row = lines(run.stdout)[0]!;
      expect(row).toMatchObject({ file, model, provider: 'anthropic', exact: false, band: CLAUDE_FACTORS[estimator].band });
      expect(row.band).toBeGreaterThan(0);
      expect(row.tokens).toBe(Math.round(estimateClaudeTokens(text, estimator, o200k)));
      expect(row.inputCostUsd).toBeGreaterThan(0);
    }
    // The newer generation splits English into more pieces than the older one.
    const newer = lines((await cli(['--json', '--model', 'claude-sonnet-5', file])).stdout)[0]!.tokens as number;
    const older = lines((await cli(['--json', '--model', 'claude-sonnet-4-6', file])).stdout)[0]!.tokens as number;
    expect(newer).toBeGreaterThan(older);
  });

  it('a newer model of a known family: counted by its family rule, with no price', async () => {
    const run = await cli(['--json', '--model', 'claude-opus-9', files[0]!.path]);
    expect(run.status).toBe(0);
    const [row] = lines(run.stdout);
    expect(row).toMatchObject({ model: 'claude-opus-9', provider: 'anthropic', exact: false, inputCostUsd: null });
    const known = lines((await cli(['--json', '--model', 'claude-opus-4-8', files[0]!.path])).stdout)[0]!;
    expect(row!.tokens).toBe(known.tokens);
    expect(run.stderr).toContain('price unknown');
  });

  it('a model of no known family: exit 2 and lists the known ids', async () => {
    const run = await cli(['--model', 'falcon-99', files[0]!.path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown model "falcon-99"');
    expect(run.stderr).toContain('gpt-4o');
    expect(run.stderr).toContain('claude-sonnet-4-5');
  });

  it('unreadable file: exit 1 with a clear message, other files still counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-count-'));
    const ok = join(dir, 'ok.txt');
    writeFileSync(ok, 'fine');
    const run = await cli(['--json', join(dir, 'missing.txt'), ok]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot read .*missing\.txt: no such file/);
    expect(lines(run.stdout)).toHaveLength(1);
  });
});
