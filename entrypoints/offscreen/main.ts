import { servePorts } from '@/utils/background/messaging/port-server';
import { COUNT_PORT_NAME } from '@/utils/protocol/request-port';
import { answerHoldsPortQueries } from '@/utils/background/counting/counting-document';
import { countHandlerFor } from '@/utils/background/counting/count-segments-handler';
import { createDocumentCountQueue } from '@/utils/background/counting/document-counting';
import CountingWorker from '@/entrypoints/offscreen/counting-worker?worker';
import { readFilesInCountingDocument } from '@/utils/background/attachments/file-reading';

// The counting document: answers content scripts' count ports (with the background's sender
// checks and rate limits, through the same router) from tokenizers that stay loaded in workers,
// every tab's counts taking turns (fair-count-queue.ts).
const queue = createDocumentCountQueue(() => new CountingWorker());
servePorts({
  [COUNT_PORT_NAME]: { handlers: { count: countHandlerFor(queue) } },
});
// The background answers the count ports this document did not receive (counting-document.ts).
answerHoldsPortQueries(COUNT_PORT_NAME);
// Load the usual tokenizer now, before the first keystroke needs it (Claude's estimates run on it too).
queue.count('document', 'o200k', []).catch((error) => console.warn('[TokenTally] could not load o200k:', error));
// Attached PDFs: content scripts send their bytes here to be read off the page (file-reading.ts).
readFilesInCountingDocument();
