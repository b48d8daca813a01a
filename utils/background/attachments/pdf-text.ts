import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfError } from '@/utils/core/attachments/file-port';

/**
 * Reads a PDF's text and page facts with pdf.js (Mozilla's reference PDF reader, `pdfjs-dist`).
 * pdf.js parses in its own worker, so a large file never blocks the extension's message handling.
 * Nothing is fetched: the bytes are handed in, and fonts and scripts in the file are not run.
 */

export type PdfRead = { ok: true; pages: number; pageWidth: number | null; pageHeight: number | null; text: string } | { ok: false; error: PdfError };

GlobalWorkerOptions.workerSrc = workerUrl;

/** pdf.js names its failures: a password, or a file that is no PDF (or a damaged one). */
export function pdfErrorOf(error: unknown): PdfError {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'PasswordException' ? 'encrypted' : 'broken';
}

export async function readPdf(data: Uint8Array, onProgress: (fraction: number) => void = () => {}): Promise<PdfRead> {
  const task = getDocument({ data, disableFontFace: true, useSystemFonts: false, useWasm: false, useWorkerFetch: false, stopAtErrors: false });
  try {
    const doc = await task.promise;
    const parts: string[] = [];
    let pageWidth: number | null = null;
    let pageHeight: number | null = null;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      if (n === 1) {
        const viewport = page.getViewport({ scale: 1 });
        pageWidth = viewport.width;
        pageHeight = viewport.height;
      }
      const content = await page.getTextContent();
      parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
      onProgress(n / doc.numPages);
    }
    return { ok: true, pages: doc.numPages, pageWidth, pageHeight, text: parts.join('\n\n') };
  } catch (error) {
    return { ok: false, error: pdfErrorOf(error) };
  } finally {
    void task.destroy();
  }
}
