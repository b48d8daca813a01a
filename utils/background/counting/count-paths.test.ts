import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { routeMessage } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import { CORRECTIONS_DB_NAME } from '@/utils/storage/estimate-corrections';
import { keyValueDb } from '@/utils/storage/key-value-db';
import { contentSettingsHandlers } from '@/utils/background/settings-handlers';
import type { CounterId, ModelInfo } from '@/utils/core/models/model-types';
import { getModel } from '@/utils/core/models/model-registry';
import { countHandlers } from '@/utils/background/counting/count-handlers';
import { fakeWorkerPair } from '@/test/unit/counting-helpers';
import { countHandlerFor } from '@/utils/background/counting/count-segments-handler';
import { createWorkerCounter, serveCountsInWorker } from '@/utils/background/counting/worker-counter';
import { createLiveCounter, storedCorrection } from '@/utils/content/counting/live-counter';
import { splitIntoSegments } from '@/utils/core/counting/segment-text';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { TOKENIZER_DIR } from '@/scripts/node/node-tokenizer-source';
import { corpus } from '@/test/unit/counting-helpers';
import { counterTokenizer } from '@/utils/core/estimates/claude-estimator';

/**
 * A page's count port is answered by the counting document on Chrome and by the background
 * elsewhere (or until the document is open), so both must answer the same request with the
 * same numbers, estimates included; the user's correction of an estimate is applied once, by
 * the page, whichever answered.
 */

/** A correction as the background stores it; the page gets it with the settings (settings-client.ts). */
async function storeCorrection(ratio: number) {
  const db = await keyValueDb(CORRECTIONS_DB_NAME, 'corrections')();
  await db.put('corrections', { 'claude47-estimate': { ratio, samples: 9, updated: Date.now() } }, 'estimateCorrections');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((request: unknown) => routeMessage(request, tabSender('https://claude.ai/new', 7), contentSettingsHandlers as never)) as never);
}

/** Tokenizer files as the extension serves them (both ends fetch them from its own origin). */
function serveExtensionFiles() {
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(`${TOKENIZER_DIR}${url.split('/').pop()}`)));
}

/** The counting document's end: its worker (here in-process, through message events) behind the same router. */
function documentEnd(): CountSegmentsFn {
  const { scope, worker } = fakeWorkerPair();
  serveCountsInWorker(scope as never);
  return createWorkerCounter(() => worker as unknown as Worker);
}

/** A page's transport to one end: the 'count' request as the content script sends it, through routeMessage. */
function viaRouter(count: typeof countHandlers.count, sender: Runtime.MessageSender): CountSegmentsFn {
  return async (tokenizer, segments) => {
    const reply = await routeMessage({ type: 'count', tokenizer, segments }, sender, { count });
    if (!reply.ok) throw new Error(reply.error);
    return (reply.value as { counts: number[] }).counts;
  };
}

const COUNTERS: CounterId[] = ['o200k', 'cl100k', 'gemma3', 'claude3-estimate', 'claude47-estimate'];
const text = corpus()
  .map((c) => c.text.slice(0, 1500))
  .join('\n\n');

beforeEach(serveExtensionFiles);
afterEach(() => vi.unstubAllGlobals());

describe('the two ends of the count port', () => {
  it('answer the same request with the same counts, for every counter, with or without a stored correction', async () => {
    const sender = tabSender('https://claude.ai/new', 7);
    const background = viaRouter(countHandlers.count, sender);
    const document = viaRouter(countHandlerFor(documentEnd()), sender);
    const answers = async () => {
      const out: Record<string, [number[], number[]]> = {};
      for (const counter of COUNTERS) {
        const segments = splitIntoSegments(text, counterTokenizer(counter));
        out[counter] = [await background(counter, segments), await document(counter, segments)];
      }
      return out;
    };
    const plain = await answers();
    for (const counter of COUNTERS) {
      const [fromBackground, fromDocument] = plain[counter]!;
      expect(fromBackground.length, counter).toBeGreaterThan(5);
      expect(fromDocument, counter).toEqual(fromBackground);
    }
    // Claude's answers are fractional estimates (summed, then rounded once, by the page).
    expect(plain['claude47-estimate']![0].some((n) => !Number.isInteger(n))).toBe(true);

    // A stored correction changes neither end's answer: the page applies it.
    await storeCorrection(1.2);
    expect(await answers()).toEqual(plain);
  });

  it('give a page the same total, with the stored correction applied exactly once', async () => {
    const ratio = 1.2;
    await storeCorrection(ratio);
    const model = getModel('claude-sonnet-5') as ModelInfo;
    expect(model.counter).toBe('claude47-estimate');
    const fromBackground = createLiveCounter(viaRouter(countHandlers.count, tabSender('https://claude.ai/new', 8)), { correction: storedCorrection });
    const fromDocument = createLiveCounter(viaRouter(countHandlerFor(documentEnd()), tabSender('https://claude.ai/new', 9)), { correction: storedCorrection });
    const uncorrected = createLiveCounter(viaRouter(countHandlers.count, tabSender('https://claude.ai/new', 10)));

    const plain = (await uncorrected.count(text, model)).tokens;
    const viaBackground = (await fromBackground.count(text, model)).tokens;
    const viaDocument = (await fromDocument.count(text, model)).tokens;
    expect(viaDocument).toBe(viaBackground);
    // Once: not 1.2² (applied by the answering end and again by the page), not 1.
    expect(Math.abs(viaBackground - plain * ratio)).toBeLessThanOrEqual(1);
    expect(viaBackground).not.toBe(plain);

    // An exact counter is never corrected.
    const gpt = getModel('gpt-4o') as ModelInfo;
    expect((await fromDocument.count(text, gpt)).tokens).toBe((await uncorrected.count(text, gpt)).tokens);
  });
});
