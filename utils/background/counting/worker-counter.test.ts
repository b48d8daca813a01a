import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerCounter, serveCountsInWorker } from '@/utils/background/counting/worker-counter';
import { TOKENIZER_DIR } from '@/scripts/node/node-tokenizer-source';
import { fakeWorkerPair, tiktokenCount } from '@/test/unit/counting-helpers';

afterEach(() => vi.unstubAllGlobals());

describe('counting in the counting document\'s worker', () => {
  it('counts segments in the worker with the extension\'s own tokenizer files', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(readFileSync(`${TOKENIZER_DIR}${url.split('/').pop()}`));
    });
    const { scope, worker } = fakeWorkerPair();
    serveCountsInWorker(scope as never);
    const count = createWorkerCounter(() => worker as unknown as Worker);
    const segments = ['Hello, world!', ' <|endoftext|> is plain text here.'];
    expect(await count('o200k', segments)).toEqual(segments.map((s) => tiktokenCount('o200k', s)));
    expect(fetched).toEqual(['chrome-extension://abc/tokenizers/o200k.bin.gz']);
  });

  it('reports a load failure, and a crashed worker fails its counts and is replaced', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const spawned: Array<ReturnType<typeof fakeWorkerPair>> = [];
    const count = createWorkerCounter(() => {
      const pair = fakeWorkerPair();
      serveCountsInWorker(pair.scope as never);
      spawned.push(pair);
      return pair.worker as unknown as Worker;
    });
    await expect(count('cl100k', ['x'])).rejects.toThrow(/missing from the extension \(404\)/);
    const pending = count('cl100k', ['y']);
    spawned[0]!.worker.onerror!({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(pending).rejects.toThrow(/Counting worker failed: out of memory/);
    await expect(count('cl100k', ['z'])).rejects.toThrow(/404/);
    expect(spawned).toHaveLength(2);
  });
});
