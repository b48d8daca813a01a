import { browser } from 'wxt/browser';
import { FILE_CHUNK_BYTES, FILE_PORT_NAME, toBase64, type FilePortReply, type PdfChunk } from '@/utils/core/attachments/file-port';

export type PdfFacts = Extract<FilePortReply, { type: 'pdf-result' }>;

const HELLO_MS = 2000;
const ATTEMPTS = 3;

/**
 * Sends a PDF's bytes to the extension's counting context (see file-port.ts) and resolves with
 * its text and page facts. A reader says hello when it holds the port; until the counting
 * document is open none does (the background opens it on the first try), so the page tries again.
 */
export async function readPdfFacts(file: File, onProgress: (fraction: number) => void): Promise<PdfFacts> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  for (let attempt = 1; ; attempt++) {
    const result = await tryOnce(bytes, onProgress);
    if (result) return result;
    if (attempt >= ATTEMPTS) throw new Error('The PDF reader did not answer');
  }
}

function tryOnce(bytes: Uint8Array, onProgress: (fraction: number) => void): Promise<PdfFacts | null> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: `${FILE_PORT_NAME}:${crypto.randomUUID()}` });
    const end = (value: PdfFacts | null, error?: Error) => {
      clearTimeout(timer);
      port.disconnect();
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => end(null), HELLO_MS);
    port.onDisconnect.addListener(() => end(null, new Error('The PDF reader went away')));
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as FilePortReply;
      if (message.type === 'hello') {
        clearTimeout(timer);
        for (let at = 0; at < bytes.length || at === 0; at += FILE_CHUNK_BYTES) {
          const data = toBase64(bytes.subarray(at, at + FILE_CHUNK_BYTES));
          port.postMessage({ type: 'pdf', id: 1, size: bytes.length, data, last: at + FILE_CHUNK_BYTES >= bytes.length } satisfies PdfChunk);
        }
      } else if (message.type === 'progress') onProgress(message.fraction);
      else if (message.type === 'pdf-result') end(message);
    });
  });
}
