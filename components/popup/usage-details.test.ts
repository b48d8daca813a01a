import { describe, expect, it } from 'vitest';
import { inputDetail, reasoningDetail, turnReasoningDetail } from '@/components/popup/usage-details';

describe('usage details in the popup', () => {
  it('shows reasoning as a lower bound, unknown as "?", and nothing when there was no thinking', () => {
    expect(reasoningDetail(0, 0)).toBeNull();
    expect(reasoningDetail(1234, 0)!.text).toBe('≥1,234');
    expect(reasoningDetail(1234, 0)!.title).toMatch(/lower bound/);
    expect(reasoningDetail(25_000, 2)!.text).toBe('≥25K + ?');
    expect(reasoningDetail(25_000, 2)!.title).toMatch(/2 turns .*unknown, not 0/);
    expect(reasoningDetail(0, 1)!.text).toBe('?');
  });

  it('reads one turn: absent, null (unknown, never 0) or a count', () => {
    expect(turnReasoningDetail(undefined)).toBeNull();
    expect(turnReasoningDetail(null)!.text).toBe('?');
    expect(turnReasoningDetail(0)).toBeNull();
    expect(turnReasoningDetail(420)!.text).toBe('≥420');
  });

  it('names the cached and file parts of the input only when there are any', () => {
    expect(inputDetail(undefined, undefined)).toBeNull();
    expect(inputDetail(0, 0)).toBeNull();
    expect(inputDetail(12_400, undefined)!.text).toBe('of which 12.4K cached');
    expect(inputDetail(undefined, 300)!.text).toBe('of which 300 in files');
    expect(inputDetail(900, 300)!.text).toBe('of which 900 cached · 300 in files');
  });
});
