import { describe, expect, it } from 'vitest';
import { contextWarning } from '@/utils/core/models/context-warning';

const W = 200_000;
const parts = (conversation: number, prompt = 0, files = 0, hiddenPrompt?: number) => ({ conversation, prompt, files, hiddenPrompt });

describe('context-window warnings', () => {
  it('warns from 80% and from 95% of the window, and past it, counting prompt, files, conversation and a hidden prompt', () => {
    expect(contextWarning(parts(159_999), W)).toMatchObject({ level: 'ok', advice: null, action: null });
    expect(contextWarning(parts(150_000, 9_000, 1_000), W)).toMatchObject({ level: 'near', used: 160_000 });
    expect(contextWarning(parts(189_999), W).level).toBe('near');
    expect(contextWarning(parts(180_000, 5_000, 4_000, 1_000), W)).toMatchObject({ level: 'full', used: 190_000 });
    expect(contextWarning(parts(200_000), W).level).toBe('full');
    expect(contextWarning(parts(200_000, 1), W).level).toBe('over');
    expect(contextWarning(parts(10, 10), 0).level).toBe('ok');
  });

  it('says to start a new conversation when the conversation is what fills it', () => {
    const w = contextWarning(parts(185_000, 500, 2_000), W);
    expect(w).toMatchObject({ level: 'near', action: 'new-conversation' });
    expect(w.advice).toBe('Context 80% full: start a new conversation.');
    expect(contextWarning(parts(195_000), W).advice).toBe('Context 95% full: start a new conversation.');
    expect(contextWarning(parts(201_000), W).advice).toBe('Over the context window: start a new conversation.');
  });

  it('says to drop files when dropping them alone brings the turn back under the threshold it crossed', () => {
    const near = contextWarning(parts(100_000, 1_000, 70_000), W);
    expect(near).toMatchObject({ level: 'near', action: 'files' });
    expect(near.advice).toBe('Context 80% full: drop files (70,000 tokens).');
    expect(contextWarning(parts(170_000, 1_000, 25_000), W)).toMatchObject({ level: 'full', action: 'files' });
    expect(contextWarning(parts(150_000, 1_000, 60_000), W)).toMatchObject({ level: 'over', action: 'files' });
    // Files that are not enough on their own: the conversation has to go.
    expect(contextWarning(parts(190_000, 1_000, 5_000), W)).toMatchObject({ level: 'full', action: 'new-conversation' });
  });
});
