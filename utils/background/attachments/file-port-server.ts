import { browser, type Browser } from 'wxt/browser';
import { MAX_FILE_BYTES } from '@/utils/core/attachments/attachment';
import { FILE_PORT_NAME, fromBase64, type FilePortReply, type PdfChunk } from '@/utils/core/attachments/file-port';
import type { PdfRead } from '@/utils/background/attachments/pdf-text';

export type ReadPdf = (data: Uint8Array, onProgress: (fraction: number) => void) => Promise<PdfRead>;

/** Only this extension's own content scripts (a tab, this extension's id) may send files. */
export function fromOwnContentScript(port: Pick<Browser.runtime.Port, 'sender'>, extensionId: string): boolean {
  return !!port.sender?.tab && port.sender.id === extensionId;
}

interface Upload {
  id: number;
  size: number;
  chunks: Uint8Array[];
  received: number;
}

/** Accumulates one file's chunks; null while more are expected, the whole file once the last came. */
export function takeChunk(uploads: Map<number, Upload>, chunk: PdfChunk): Uint8Array | 'too-large' | null {
  let upload = uploads.get(chunk.id);
  if (!upload) {
    if (!(chunk.size >= 0 && chunk.size <= MAX_FILE_BYTES)) return 'too-large';
    upload = { id: chunk.id, size: chunk.size, chunks: [], received: 0 };
    uploads.set(chunk.id, upload);
  }
  const bytes = fromBase64(chunk.data);
  upload.received += bytes.length;
  if (upload.received > upload.size || upload.received > MAX_FILE_BYTES) {
    uploads.delete(chunk.id);
    return 'too-large';
  }
  upload.chunks.push(bytes);
  if (!chunk.last) return null;
  uploads.delete(chunk.id);
  const whole = new Uint8Array(upload.received);
  let at = 0;
  for (const part of upload.chunks) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

/**
 * The reading end of content scripts' file ports (see file-port.ts): says hello on connect (so
 * the page knows a reader holds the port), then reads each PDF sent and answers with its text and
 * page facts. The bytes are dropped as soon as they are read; nothing is stored.
 */
export function serveFilePorts(readPdf: () => Promise<ReadPdf>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(`${FILE_PORT_NAME}:`) || !fromOwnContentScript(port, browser.runtime.id)) return;
    const uploads = new Map<number, Upload>();
    const reply = (message: FilePortReply) => {
      try {
        port.postMessage(message);
      } catch {
        // The tab went away: nobody is waiting.
      }
    };
    port.onMessage.addListener(async (raw: unknown) => {
      const chunk = raw as PdfChunk;
      if (chunk?.type !== 'pdf' || !Number.isSafeInteger(chunk.id) || typeof chunk.data !== 'string') return;
      const whole = takeChunk(uploads, chunk);
      if (whole === null) return;
      if (whole === 'too-large') return reply({ type: 'pdf-result', id: chunk.id, ok: false, error: 'too-large' });
      const read = await readPdf();
      const result = await read(whole, (fraction) => reply({ type: 'progress', id: chunk.id, fraction }));
      reply({ type: 'pdf-result', id: chunk.id, ...result });
    });
    port.onDisconnect.addListener(() => uploads.clear());
    reply({ type: 'hello' });
  });
}
