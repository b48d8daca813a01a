/**
 * Chrome stops an idle service worker after ~30 s, and with it every loaded tokenizer; counting
 * in the worker, the next edit would wait for a worker start plus a tokenizer load (a median
 * ~260 ms in bench-badge's worker-stop case). An offscreen document is not stopped with the
 * worker, so on Chrome the tokenizers live there ("the counting document",
 * entrypoints/offscreen), in a dedicated worker, and content scripts' count ports connect to it
 * directly. The background opens the document and answers counts itself until it exists;
 * browsers without offscreen documents (Firefox, whose background is an event page) count in
 * the background.
 */

const DOCUMENT_PATH = '/offscreen.html';

type OffscreenApi = typeof chrome.offscreen;

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

export function countingDocumentSupported(): boolean {
  return typeof offscreenApi()?.createDocument === 'function' && typeof chrome.runtime.getContexts === 'function';
}

/** The open counting document's id, or null. */
async function openDocumentId(): Promise<string | null> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [chrome.runtime.getURL(DOCUMENT_PATH)],
  });
  return contexts[0]?.documentId ?? null;
}

const documentExists = async () => (await openDocumentId()) !== null;

let opening: Promise<boolean> | null = null;

/** Opens the counting document unless it is open; resolves whether it is. Never rejects. */
export function ensureCountingDocument(): Promise<boolean> {
  const api = offscreenApi();
  if (!api || !countingDocumentSupported()) return Promise.resolve(false);
  opening ??= (async () => {
    if (await documentExists()) return true;
    await api.createDocument({
      url: DOCUMENT_PATH,
      reasons: ['WORKERS' as chrome.offscreen.Reason],
      justification: 'Counts tokens in a worker that keeps its tokenizers loaded while the service worker is idle.',
    });
    return true;
  })()
    .catch(async (error: unknown) => {
      // Two openers raced: the other one made it.
      if (await documentExists().catch(() => false)) return true;
      console.warn('[TokenTally] could not open the counting document; counting in the background:', error);
      return false;
    })
    .finally(() => {
      opening = null;
    });
  return opening;
}

/** Asks the counting document whether it received the connection named `portName`. */
export const HOLDS_PORT_QUERY = 'tokentally-counting-holds-port';

/**
 * For one count port that reached the background: whether the background answers a message on
 * it. The counting document answers the ports it received (it says which, by name: one opened
 * while the document was still loading never reached it) while it stays open; otherwise the
 * background answers, and reopens the document for the next connection.
 */
export function backgroundAnswersCounts(port: { name: string }): () => Promise<boolean> {
  if (!countingDocumentSupported()) return async () => true;
  const partner = (async () => {
    const id = await openDocumentId();
    if (id === null) return null;
    const holds: unknown = await chrome.runtime.sendMessage({ type: HOLDS_PORT_QUERY, name: port.name });
    return holds === true ? id : null;
  })().catch(() => null);
  return async () => {
    const id = await partner;
    if (id !== null && (await openDocumentId().catch(() => null)) === id) return false;
    void ensureCountingDocument();
    return true;
  };
}

/**
 * After the background answered on a count port the counting document never received (opened
 * while the document did not exist yet): once the document is open, the port is closed, so the
 * page's next count opens one that reaches the document. Closing it now, while this worker is
 * awake, means a later idle stop of the worker neither drops the page's port nor makes its
 * next keystroke wake the worker to reconnect.
 */
export async function handOverToCountingDocument(port: { disconnect(): void }): Promise<void> {
  if (!countingDocumentSupported()) return;
  if (await ensureCountingDocument()) port.disconnect();
}

/**
 * The counting document's side: remembers the count ports it received and answers the
 * background's question about them (only the extension's own background may ask).
 */
export function answerHoldsPortQueries(countPortName: string): void {
  const held = new Set<string>();
  chrome.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(`${countPortName}:`)) return;
    held.add(port.name);
    port.onDisconnect.addListener(() => held.delete(port.name));
  });
  chrome.runtime.onMessage.addListener((message: { type?: unknown; name?: unknown } | null, sender, sendResponse) => {
    if (message?.type !== HOLDS_PORT_QUERY || sender.id !== chrome.runtime.id || sender.tab || typeof message.name !== 'string') return false;
    sendResponse(held.has(message.name));
    return false;
  });
}
