import { describe, expect, it } from 'vitest';
import { unknownModel } from '@/utils/core/models/model-registry';
import type { ProviderId } from '@/utils/core/models/model-types';
import { anthropicModelFromLabel, googleModelFromLabel, openAiModelFromLabel, pageModelChoice, readModelLabel } from '@/utils/core/models/model-labels';

type Row = [label: string, provider: ProviderId, host: string | undefined, expected: string | null, inCatalog?: boolean];

const MODELS: Row[] = [
  // claude.ai's picker (English and a Japanese UI show the same names).
  ['Sonnet 5', 'anthropic', 'claude.ai', 'claude-sonnet-5'],
  ['Opus 4.8', 'anthropic', 'claude.ai', 'claude-opus-4-8'],
  ['Opus 4.7', 'anthropic', 'claude.ai', 'claude-opus-4-7'],
  ['Fable 5', 'anthropic', 'claude.ai', 'claude-fable-5'],
  ['Haiku 4.5', 'anthropic', 'claude.ai', 'claude-haiku-4-5'],
  ['Opus 4.1', 'anthropic', 'claude.ai', 'claude-opus-4-1'],
  ['Opus 4', 'anthropic', 'claude.ai', 'claude-opus-4-0'],
  ['Sonnet 4.6', 'anthropic', 'claude.ai', 'claude-sonnet-4-6'],
  ['Claude Opus 5', 'anthropic', 'platform.claude.com', 'claude-opus-5'],
  ['Model: Sonnet 5', 'anthropic', 'claude.ai', 'claude-sonnet-5'],
  ['Sonnet 5 拡張思考', 'anthropic', 'claude.ai', 'claude-sonnet-5'],
  ['Ｓｏｎｎｅｔ ５', 'anthropic', 'claude.ai', 'claude-sonnet-5'],
  ['Claude 3.5 Haiku', 'anthropic', undefined, 'claude-3-5-haiku-latest'],
  ['Claude Sonnet 3.7', 'anthropic', undefined, 'claude-3-7-sonnet-latest'],
  ['claude-sonnet-4-5-20250929', 'anthropic', 'platform.claude.com', 'claude-sonnet-4-5'],
  // Newer than the catalog: the family's id, not catalogued (counted by its rule, no price).
  ['Opus 6', 'anthropic', 'claude.ai', 'claude-opus-6', false],
  ['Claude Mythos 6', 'anthropic', 'claude.ai', 'claude-mythos-6', false],
  // ChatGPT and the OpenAI Playground.
  ['GPT-5.5 Thinking', 'openai', 'chatgpt.com', 'gpt-5.5'],
  ['GPT-5.5 Pro', 'openai', 'chatgpt.com', 'gpt-5.5-pro'],
  ['ChatGPT 5', 'openai', 'chatgpt.com', 'gpt-5'],
  ['ChatGPT 5 Thinking', 'openai', undefined, 'gpt-5'],
  ['GPT-5.6', 'openai', 'platform.openai.com', 'gpt-5.6-sol'],
  ['GPT-4o mini', 'openai', undefined, 'gpt-4o-mini'],
  ['GPT-4o', 'openai', undefined, 'gpt-4o'],
  ['gpt-4.1', 'openai', 'platform.openai.com', 'gpt-4.1'],
  ['GPT-4.1 nano', 'openai', undefined, 'gpt-4.1-nano'],
  ['GPT-5.1 Codex Mini', 'openai', undefined, 'gpt-5.1-codex-mini'],
  ['o4-mini', 'openai', undefined, 'o4-mini'],
  ['o3-pro', 'openai', undefined, 'o3-pro'],
  ['o3', 'openai', undefined, 'o3'],
  ['gpt-oss-120b', 'openai', undefined, 'gpt-oss-120b'],
  ['GPT-4 Turbo', 'openai', undefined, 'gpt-4-turbo'],
  ['GPT-3.5', 'openai', undefined, 'gpt-3.5-turbo'],
  ['5.5', 'openai', 'chatgpt.com', 'gpt-5.5'],
  ['5', 'openai', undefined, 'gpt-5'],
  ['4o mini', 'openai', undefined, 'gpt-4o-mini'],
  ['GPT-7', 'openai', 'chatgpt.com', 'gpt-7', false],
  // Gemini and AI Studio.
  ['2.5 Flash', 'google', undefined, 'gemini-2.5-flash'],
  ['Gemini 2.5 Pro', 'google', 'aistudio.google.com', 'gemini-2.5-pro'],
  ['Gemini 3.1 Pro', 'google', 'aistudio.google.com', 'gemini-3.1-pro-preview'],
  ['Gemini 3 Flash', 'google', 'aistudio.google.com', 'gemini-3-flash-preview'],
  ['Gemini 3.5 Flash', 'google', 'aistudio.google.com', 'gemini-3.5-flash'],
  ['Gemini 2.5 Flash-Lite', 'google', 'aistudio.google.com', 'gemini-2.5-flash-lite'],
  ['Gemini 2.0 Flash', 'google', undefined, 'gemini-2.0-flash'],
  ['gemini-3.1-pro-preview', 'google', 'aistudio.google.com', 'gemini-3.1-pro-preview'],
  ['Gemma 3', 'google', 'aistudio.google.com', 'gemma-3'],
  ['Gemini 4 Pro', 'google', 'aistudio.google.com', 'gemini-4-pro', false],
  // Clay columns name any provider's model.
  ['Claude Sonnet 4.5', 'clay', 'app.clay.com', 'claude-sonnet-4-5'],
  ['GPT-4.1 mini', 'clay', 'app.clay.com', 'gpt-4.1-mini'],
  ['Gemini 2.0 Flash', 'clay', 'app.clay.com', 'gemini-2.0-flash'],
];

describe('readModelLabel: models', () => {
  it.each(MODELS)('%s (%s on %s) -> %s', (label, provider, host, expected, inCatalog = true) => {
    expect(readModelLabel(label, { provider, host })).toMatchObject({ kind: 'model', id: expected, inCatalog });
  });
});

describe('readModelLabel: modes and unknown labels', () => {
  it.each([
    ['Medium', 'chatgpt.com', 'openai', 'Medium', 'gpt-5.5'],
    ['Thinking effortMedium', 'chatgpt.com', 'openai', 'Medium', 'gpt-5.5'],
    ['思考强度Pro', 'chatgpt.com', 'openai', 'Pro', 'gpt-5.5-pro'],
    ['中', 'chatgpt.com', 'openai', '中', 'gpt-5.5'],
    ['Pro', 'gemini.google.com', 'google', 'Pro', 'gemini-3.1-pro-preview'],
    ['Fast', 'gemini.google.com', 'google', 'Fast', 'gemini-3.5-flash'],
    ['Thinking', 'gemini.google.com', 'google', 'Thinking', 'gemini-3.5-flash'],
    ['Open mode picker, currently Pro', 'gemini.google.com', 'google', 'Pro', 'gemini-3.1-pro-preview'],
  ] as const)('%s on %s is a mode', (label, host, provider, mode, id) => {
    const reading = readModelLabel(label, { provider, host });
    expect(reading).toMatchObject({ kind: 'mode', mode, id, dated: '2026-10' });
  });

  it.each([
    ['Whisper', 'openai', undefined],
    ['', 'anthropic', 'claude.ai'],
    ['Project 2', 'anthropic', 'claude.ai'],
    ['Medium', 'openai', 'platform.openai.com'],
    ['Pro', 'anthropic', 'claude.ai'],
    ['Llama 4 Maverick', 'clay', 'app.clay.com'],
  ] as const)('%s (%s on %s) is unknown', (label, provider, host) => {
    expect(readModelLabel(label, { provider, host }).kind).toBe('unknown');
  });

  it('a mode uses the user\'s pick for the site before the dated table, and says which', () => {
    const reading = readModelLabel('Medium', { provider: 'openai', host: 'chatgpt.com' });
    expect(pageModelChoice(reading)).toMatchObject({ id: 'gpt-5.5', source: 'mode-table' });
    expect(pageModelChoice(reading).note).toMatch(/thinking-effort tier \("Medium"\), not a model: counting as GPT-5\.5 \(TokenTally's table of 2026-10\)/);
    expect(pageModelChoice(reading, 'gpt-5.4')).toMatchObject({ id: 'gpt-5.4', source: 'user-pick' });
    expect(pageModelChoice(reading, 'gpt-5.4').note).toContain('your pick for this site, GPT-5.4');
  });

  it('an unknown or uncatalogued model is never priced as another', () => {
    const unknown = pageModelChoice(readModelLabel('Zephyr', { provider: 'anthropic', host: 'claude.ai' }));
    expect(unknown).toMatchObject({ id: null, source: 'unknown' });
    expect(unknown.note).toContain('price unknown');
    const m = unknownModel('anthropic', 'Zephyr');
    expect(m).toMatchObject({ id: 'unknown', inCatalog: false, exact: false, rule: 'claude-4.7' });
    expect(m.price).toBeUndefined();
    expect(pageModelChoice(readModelLabel('Opus 6', { provider: 'anthropic' })).note).toContain('price unknown');
  });
});

describe('transitional exports', () => {
  it('still return registry ids (or null) for the adapters', () => {
    expect(anthropicModelFromLabel('Sonnet 5')).toBe('claude-sonnet-5');
    expect(anthropicModelFromLabel('Opus 4.8')).toBe('claude-opus-4-8');
    expect(openAiModelFromLabel('GPT-5.5 Thinking')).toBe('gpt-5.5');
    expect(googleModelFromLabel('Gemini 3.1 Pro')).toBe('gemini-3.1-pro-preview');
    // No host: no mode table.
    expect(openAiModelFromLabel('Medium')).toBeNull();
    expect(googleModelFromLabel('Pro')).toBeNull();
  });
});
