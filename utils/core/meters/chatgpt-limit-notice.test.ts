import { describe, expect, it } from 'vitest';
import { parseLimitNotice } from '@/utils/core/meters/chatgpt-limit-notice';

const NOW = new Date(2026, 9, 14, 15, 20).getTime();
const at = (d: number, h: number, min: number) => new Date(2026, 9, d, h, min).getTime();

describe("ChatGPT's limit notice", () => {
  it('the 2025-2026 English notices', () => {
    expect(parseLimitNotice('You’ve hit the Free plan limit for GPT-5. Responses will use another model until your limit resets after 6:41 PM.', NOW)).toEqual({
      site: 'chatgpt',
      model: 'gpt-5',
      label: 'GPT-5',
      resetsAt: at(14, 18, 41),
      seenAt: NOW,
    });
    expect(parseLimitNotice("You've hit the Plus plan limit for GPT-5 Thinking. Responses will use another model until your limit resets after 3:45 PM.", NOW)).toMatchObject({
      model: 'gpt-5-thinking',
      label: 'GPT-5 Thinking',
      resetsAt: at(14, 15, 45),
    });
    expect(parseLimitNotice('You’ve hit the Free plan limit for GPT-4o.\nResponses will use another model until your limit resets tomorrow after 3:56 AM.', NOW)).toMatchObject({
      model: 'gpt-4o',
      resetsAt: at(15, 3, 56),
    });
  });

  it('the older usage-cap notice', () => {
    expect(parseLimitNotice("You've reached the current usage cap for GPT-4. You can continue with the default model now, or try again after 7:06 PM.", NOW)).toMatchObject({
      model: 'gpt-4',
      resetsAt: at(14, 19, 6),
    });
  });

  it('translated notices, read by the limit word, the model name and the time', () => {
    expect(parseLimitNotice('Du hast das Limit des Plus-Plans für GPT-5 Thinking erreicht. Dein Limit wird nach 18:41 zurückgesetzt.', NOW, 'de')).toMatchObject({
      model: 'gpt-5-thinking',
      resetsAt: at(14, 18, 41),
    });
    expect(parseLimitNotice('Has alcanzado el límite del plan Free para GPT-5. Tu límite se restablece mañana a las 9:30.', NOW, 'es')).toMatchObject({
      model: 'gpt-5',
      resetsAt: at(15, 9, 30),
    });
    expect(parseLimitNotice('GPT-5 の Plus プランの上限に達しました。上限は 18:41 以降にリセットされます。', NOW, 'ja')).toMatchObject({ model: 'gpt-5', resetsAt: at(14, 18, 41) });
  });

  it('a notice whose time cannot be read still marks the model (reset unknown)', () => {
    expect(parseLimitNotice("You've hit the Plus plan limit for GPT-5 Thinking. Try again later.", NOW)).toMatchObject({ model: 'gpt-5-thinking', resetsAt: null });
  });

  it('ordinary text is not a notice', () => {
    expect(parseLimitNotice('GPT-5 was released at 10:00 AM on launch day.', NOW)).toBeNull();
    expect(parseLimitNotice('What is the speed limit on the A1?', NOW)).toBeNull();
    expect(parseLimitNotice('x'.repeat(500) + ' limit for GPT-5 resets after 6:41 PM', NOW)).toBeNull();
  });
});
