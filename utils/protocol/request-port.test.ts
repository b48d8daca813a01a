import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestOf } from '@/utils/protocol/messages';

type Listener = (message: unknown) => void;
class FakePort {
  name = 'tokentally-requests';
  sent: unknown[] = [];
  messageListeners: Listener[] = [];
  disconnectListeners: Array<() => void> = [];
  dead = false;
  onMessage = { addListener: (l: Listener) => this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.disconnectListeners.push(l) };
  postMessage(message: unknown) {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }
  reply(message: unknown) {
    for (const l of this.messageListeners) l(message);
  }
  disconnect() {
    this.dead = true;
    for (const l of this.disconnectListeners) l();
  }
}

const ports: FakePort[] = [];
const connect = vi.fn(() => {
  const port = new FakePort();
  ports.push(port);
  return port;
});
vi.mock('wxt/browser', () => ({ browser: { runtime: { connect: () => connect() } } }));

const { createRequestPort } = await import('@/utils/protocol/request-port');

beforeEach(() => {
  ports.length = 0;
  connect.mockClear();
});

const countRequest: RequestOf<'count'> = { type: 'count', tokenizer: 'o200k', segments: ['hello'] };

describe('createRequestPort', () => {
  it('sends every request over one port and matches replies by id', async () => {
    const fallback = vi.fn();
    const rp = createRequestPort(fallback as never);
    const a = rp.send(countRequest);
    const b = rp.send({ ...countRequest, segments: ['a', 'b'] });
    expect(connect).toHaveBeenCalledTimes(1);
    const [first, second] = ports[0]!.sent as Array<{ id: number; request: unknown }>;
    expect(second!.request).toEqual({ ...countRequest, segments: ['a', 'b'] });
    ports[0]!.reply({ id: second!.id, reply: { ok: true, value: { counts: [1, 1] } } });
    ports[0]!.reply({ id: first!.id, reply: { ok: false, error: 'Malformed message' } });
    await expect(b).resolves.toEqual({ counts: [1, 1] });
    await expect(a).rejects.toThrow('Malformed message');
    expect(fallback).not.toHaveBeenCalled();
  });

  it('answers requests stranded by a disconnect through the fallback, then reconnects', async () => {
    const fallback = vi.fn(async () => ({ counts: [7] }));
    const rp = createRequestPort(fallback as never);
    const stranded = rp.send(countRequest);
    ports[0]!.disconnect(); // the service worker was stopped
    await expect(stranded).resolves.toEqual({ counts: [7] });
    expect(fallback).toHaveBeenCalledWith(countRequest);
    const next = rp.send(countRequest);
    expect(connect).toHaveBeenCalledTimes(2);
    const { id } = ports[1]!.sent[0] as { id: number };
    ports[1]!.reply({ id, reply: { ok: true, value: { counts: [1] } } });
    await expect(next).resolves.toEqual({ counts: [1] });
  });

  it('falls back when posting throws or the port cannot be opened', async () => {
    const fallback = vi.fn(async () => ({ counts: [3] }));
    const rp = createRequestPort(fallback as never);
    void rp.send(countRequest);
    ports[0]!.dead = true; // disconnected, onDisconnect not delivered yet
    await expect(rp.send(countRequest)).resolves.toEqual({ counts: [3] });
    connect.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(rp.send(countRequest)).resolves.toEqual({ counts: [3] });
  });
});
