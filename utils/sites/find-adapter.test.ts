import { describe, expect, it } from 'vitest';
import { findAdapter } from '@/utils/sites/find-adapter';
import { openAiModelFromLabel, anthropicModelFromLabel, googleModelFromLabel } from '@/utils/core/models/model-labels';

describe('findAdapter', () => {
  it('maps each supported host to its adapter', () => {
    expect(findAdapter('chatgpt.com').id).toBe('chatgpt');
    expect(findAdapter('chat.openai.com').id).toBe('chatgpt');
    expect(findAdapter('claude.ai').id).toBe('claude');
    expect(findAdapter('gemini.google.com').id).toBe('gemini');
    expect(findAdapter('platform.openai.com').id).toBe('openai-playground');
    expect(findAdapter('console.anthropic.com').id).toBe('anthropic-console');
    expect(findAdapter('platform.claude.com').id).toBe('anthropic-console');
    expect(findAdapter('aistudio.google.com').id).toBe('aistudio');
    expect(findAdapter('app.clay.com').kind).toBe('clay');
  });
  it('falls back to the generic adapter elsewhere', () => {
    const generic = findAdapter('example.org');
    expect(generic.id).toBe('generic');
    expect(generic.selectors.composer).toEqual([]);
  });
});

describe('model labels', () => {
  it('prefers the most specific OpenAI model', () => {
    expect(openAiModelFromLabel('GPT-4o mini')).toBe('gpt-4o-mini');
    expect(openAiModelFromLabel('GPT-4o')).toBe('gpt-4o');
    expect(openAiModelFromLabel('gpt-4.1')).toBe('gpt-4.1');
    expect(openAiModelFromLabel('ChatGPT 5 Thinking')).toBe('gpt-5');
    expect(openAiModelFromLabel('o4-mini')).toBe('o4-mini');
    expect(openAiModelFromLabel('Whisper')).toBeNull();
  });
  it('maps Claude and Gemini names', () => {
    expect(anthropicModelFromLabel('Claude Opus 4.1')).toBe('claude-opus-4-1');
    expect(anthropicModelFromLabel('Haiku 4.5')).toBe('claude-haiku-4-5');
    expect(googleModelFromLabel('2.5 Flash')).toBe('gemini-2.5-flash');
    expect(googleModelFromLabel('Gemini 2.5 Pro')).toBe('gemini-2.5-pro');
    expect(googleModelFromLabel('')).toBeNull();
  });
});
