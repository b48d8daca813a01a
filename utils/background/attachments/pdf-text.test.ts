import { describe, expect, it, vi } from 'vitest';
import { makePdf } from '@/test/e2e/fixtures/make-pdf';

// Node 20 (this project's test runner) lacks what the modern build needs; the legacy build is the
// same reader transpiled, with a fake worker in-process.
vi.hoisted(() => {
  const P = Promise as unknown as { withResolvers?: () => unknown };
  P.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
    return { promise, resolve, reject };
  };
});
vi.mock('pdfjs-dist', () => import('pdfjs-dist/legacy/build/pdf.mjs'));
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => ({ default: new URL('../../../node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', import.meta.url).href }));

describe('readPdf', () => {
  it('reads the text and page facts of a two-page PDF', async () => {
    const { readPdf } = await import('@/utils/background/attachments/pdf-text');
    const progress: number[] = [];
    const read = await readPdf(makePdf(['Quarterly report: revenue grew.', 'Second page (costs) fell.']), (f) => progress.push(f));
    expect(read).toMatchObject({ ok: true, pages: 2, pageWidth: 612, pageHeight: 792 });
    expect(read.ok && read.text).toContain('Quarterly report: revenue grew.');
    expect(read.ok && read.text).toContain('Second page (costs) fell.');
    expect(progress).toEqual([0.5, 1]);
  });

  it('says a broken file is broken', async () => {
    const { readPdf } = await import('@/utils/background/attachments/pdf-text');
    expect(await readPdf(new TextEncoder().encode('%PDF-1.4 this is not really a pdf'))).toEqual({ ok: false, error: 'broken' });
  });
});

describe('pdfErrorOf', () => {
  it('names a password-protected PDF, and calls anything else broken', async () => {
    const { pdfErrorOf } = await import('@/utils/background/attachments/pdf-text');
    expect(pdfErrorOf(Object.assign(new Error('No password given'), { name: 'PasswordException' }))).toBe('encrypted');
    expect(pdfErrorOf(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' }))).toBe('broken');
    expect(pdfErrorOf(null)).toBe('broken');
  });
});
