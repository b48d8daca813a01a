import { describe, expect, it } from 'vitest';
import { plainMessage, settingErrorText } from '@/components/options/setting-error-text';

describe('settings errors in the user’s words', () => {
  it('names the field by its label, not its internal path', () => {
    expect(settingErrorText({ path: 'limits.openai.monthlyTokenLimit', message: 'Must be 0 or more' })).toBe('Limits › OpenAI › Monthly token limit: Must be 0 or more');
    expect(settingErrorText({ path: 'siteMeters.chatgptPlan', message: 'Pick a plan' })).toBe('Plan limits › ChatGPT plan: Pick a plan');
  });
  it('says what type was expected in plain words', () => {
    expect(settingErrorText({ path: 'alertThresholds', message: 'Invalid input: expected array, received string' })).toBe('Alert thresholds: Expected a list, got text');
    expect(plainMessage('Invalid input: expected number, received null')).toBe('Expected a number, got nothing');
  });
  it('keeps a message without a path as it is', () => {
    expect(settingErrorText({ path: '', message: 'This file holds no TokenTally settings.' })).toBe('This file holds no TokenTally settings.');
  });
});
