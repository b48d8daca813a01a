import { describe, expect, it } from 'vitest';
import { routeMessage } from '@/utils/background/messaging/router';
import { RateLimiter } from '@/utils/background/messaging/rate-limiter';
import { countHandlerFor, countSenderKey } from '@/utils/background/counting/count-segments-handler';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { pageSender, tabSender } from '@/test/unit/test-senders';

describe("the count handler's turns", () => {
  it('takes turns per tab: every frame and port of one tab is one sender', () => {
    expect(countSenderKey(tabSender('https://claude.ai/new', 4))).toBe('tab:4');
    expect(countSenderKey({ ...tabSender('https://claude.ai/new', 4), frameId: 3 })).toBe('tab:4');
    expect(countSenderKey(tabSender('https://chatgpt.com/', 5))).not.toBe('tab:4');
    expect(countSenderKey(pageSender())).toMatch(/^extension:/);
  });

  it("answers one tab's keystroke between the chunks of another tab's megabytes, in this context too", async () => {
    const order: string[] = [];
    // Counting in this context: synchronous work, as the background's tokenizers do it.
    const countHere: CountSegmentsFn = async (_counter, segments) => {
      order.push(segments[0]!.slice(0, 4));
      return segments.map((s) => s.length);
    };
    const handler = countHandlerFor(countHere);
    const count = (tab: number, segments: string[]) =>
      routeMessage({ type: 'count', tokenizer: 'o200k', segments }, tabSender('https://claude.ai/new', tab), { count: handler }, { limiter: new RateLimiter() });
    const flood = count(1, Array.from({ length: 400 }, (_, i) => `big ${i} `.padEnd(1_000, 'x')));
    // The keystroke is routed once the flood's first chunk has started (it yields between chunks).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const keystroke = count(2, ['key!']);
    expect(await keystroke).toEqual({ ok: true, value: { counts: [4] } });
    expect(order.indexOf('key!')).toBeGreaterThan(0);
    expect(order.indexOf('key!')).toBeLessThanOrEqual(3);
    expect(((await flood) as { value: { counts: number[] } }).value.counts).toHaveLength(400);
  });
});
