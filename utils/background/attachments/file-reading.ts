import { browser } from 'wxt/browser';
import { FILE_PORT_NAME } from '@/utils/core/attachments/file-port';
import { serveFilePorts } from '@/utils/background/attachments/file-port-server';

/** pdf.js loads on the first PDF, not at start-up. */
const loadReader = async () => (await import('@/utils/background/attachments/pdf-text')).readPdf;

/** The counting document reads the PDFs content scripts send (Chrome). */
export function readFilesInCountingDocument(): void {
  serveFilePorts(loadReader);
}

/**
 * The background's part: Firefox's background is a page, which reads PDFs itself; Chrome's
 * service worker can't host pdf.js's worker, so a file port reaching it opens the counting
 * document, and the page's next try reaches the document.
 */
export function startFileReading(openCountingDocument: () => Promise<unknown>): void {
  if (import.meta.env.FIREFOX) return serveFilePorts(loadReader);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name.startsWith(`${FILE_PORT_NAME}:`)) void openCountingDocument();
  });
}
