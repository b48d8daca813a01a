import { servePorts } from '@/utils/background/messaging/port-server';
import { COUNT_PORT_NAME } from '@/utils/protocol/request-port';
import { createWorkerCounter } from '@/utils/background/counting/worker-counter';
import { answerHoldsPortQueries } from '@/utils/background/counting/counting-document';
import { countHandlerFor } from '@/utils/background/counting/count-segments-handler';
import CountingWorker from '@/entrypoints/offscreen/counting-worker?worker';

// The counting document: answers content scripts' count ports (with the background's sender
// checks and rate limits, through the same router) from tokenizers that stay loaded in a worker.
const countSegments = createWorkerCounter(() => new CountingWorker());
servePorts({
  [COUNT_PORT_NAME]: { handlers: { count: countHandlerFor(countSegments) } },
});
// The background answers the count ports this document did not receive (counting-document.ts).
answerHoldsPortQueries(COUNT_PORT_NAME);
// Load the usual tokenizer now, before the first keystroke needs it (Claude's estimates run on it too).
countSegments('o200k', []).catch((error) => console.warn('[TokenTally] could not load o200k:', error));
