import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { servePorts } from '@/utils/background/messaging/port-server';
import { tabSender } from '@/test/unit/test-senders';
import type { Handlers } from '@/utils/background/messaging/router';

const count: Partial<Handlers> = { count: (r) => ({ counts: r.segments.map((s) => s.length) }) };

/** Registers `servePorts` against a fake onConnect and returns a way to open ports. */
function harness(services: Parameters<typeof servePorts>[0]) {
  const listeners: Array<(port: unknown) => void> = [];
  vi.spyOn(fakeBrowser.runtime, 'onConnect', 'get').mockReturnValue({ addListener: (l: (port: unknown) => void) => listeners.push(l) } as never);
  servePorts(services);
  return (name: string) => {
    const port = {
      name,
      sender: tabSender('https://chatgpt.com/', 3),
      posted: [] as unknown[],
      listeners: [] as Array<(m: unknown) => void>,
      disconnect: vi.fn(),
      onMessage: { addListener: (l: (m: unknown) => void) => port.listeners.push(l) },
      postMessage: (m: unknown) => port.posted.push(m),
      send: (m: unknown) => port.listeners.forEach((l) => l(m)),
    };
    listeners.forEach((l) => l(port));
    return port;
  };
}

const request = (id: number) => ({ id, request: { type: 'count', tokenizer: 'o200k', segments: ['abcd'] } });

describe('servePorts', () => {
  it('answers each named port with its own handlers and never disconnects a port it does not serve', async () => {
    const connect = harness({ 'tokentally-counts': { handlers: count } });
    const other = connect('tokentally-requests');
    expect(other.listeners).toHaveLength(0);
    expect(other.disconnect).not.toHaveBeenCalled(); // that would close it for the context that serves it
    const port = connect('tokentally-counts');
    port.send(request(1));
    await vi.waitFor(() => expect(port.posted).toEqual([{ id: 1, reply: { ok: true, value: { counts: [4] } } }]));
  });

  it('leaves a message unanswered while another context answers it, per connection', async () => {
    let partnerOpen = true;
    const decided: number[] = [];
    const connect = harness({
      'tokentally-counts': {
        handlers: count,
        answers: () => {
          decided.push(1);
          return () => !partnerOpen;
        },
      },
    });
    const port = connect('tokentally-counts');
    expect(decided).toHaveLength(1);
    port.send(request(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(port.posted).toEqual([]);
    partnerOpen = false; // e.g. the counting document closed
    port.send(request(2));
    await vi.waitFor(() => expect(port.posted).toEqual([{ id: 2, reply: { ok: true, value: { counts: [4] } } }]));
    expect(decided).toHaveLength(1);
    expect(port.disconnect).not.toHaveBeenCalled();
  });
});
