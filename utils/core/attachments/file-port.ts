/**
 * The port a content script sends a PDF's bytes over to the extension's own counting context
 * (Chrome: the counting document; Firefox: the background page), which reads it with pdf.js off
 * the page's main thread and answers with the text and page facts. Bytes travel in base64 chunks
 * (Chrome's ports carry JSON, and one message stays far under its 64 MiB limit).
 */
export const FILE_PORT_NAME = 'tokentally-files';
export const FILE_CHUNK_BYTES = 4 * 1024 * 1024;

/** Content script → reader. */
export interface PdfChunk {
  type: 'pdf';
  id: number;
  /** Total bytes of the file (checked against the size cap before anything is kept). */
  size: number;
  data: string;
  last: boolean;
}

/** Reader → content script. */
export type FilePortReply =
  | { type: 'hello' }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'pdf-result'; id: number; ok: true; pages: number; pageWidth: number | null; pageHeight: number | null; text: string }
  | { type: 'pdf-result'; id: number; ok: false; error: PdfError };

export type PdfError = 'encrypted' | 'broken' | 'too-large';

export const PDF_ERROR_TEXT: Record<PdfError, string> = {
  encrypted: 'this PDF is password-protected, not counted',
  broken: "this PDF can't be read (damaged or not a PDF), not counted",
  'too-large': 'over the size limit, not counted',
};

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
