import { describe, expect, it } from 'vitest';
import { fileKind } from '@/utils/core/attachments/file-kind';
import { CLAUDE_MAX_IMAGE_TOKENS, imageTokens, openaiPatches, openaiTiles } from '@/utils/core/attachments/image-tokens';
import { pdfPageTokens } from '@/utils/core/attachments/pdf-tokens';
import { attachmentTokens, attachmentsBand, attachmentsExact, formatBytes, refusalFor, type Attachment } from '@/utils/core/attachments/attachment';

const openai = (id: string) => ({ id, provider: 'openai' as const });
const claude = { id: 'claude-sonnet-5', provider: 'anthropic' as const };

describe('fileKind', () => {
  it.each([
    ['notes.md', '', 'text'],
    ['notes.md', 'text/markdown', 'text'],
    ['data.csv', 'text/csv', 'text'],
    ['data.json', 'application/json', 'text'],
    ['page.html', 'text/html', 'text'],
    ['feed.xml', 'application/xml', 'text'],
    ['main.rs', 'application/octet-stream', 'text'],
    ['app.tsx', '', 'text'],
    ['Dockerfile', '', 'text'],
    ['report.pdf', 'application/pdf', 'pdf'],
    ['REPORT.PDF', '', 'pdf'],
    ['chart.png', 'image/png', 'image'],
    ['photo.JPG', '', 'image'],
    ['anim.webp', 'image/webp', 'image'],
    ['scan.tiff', 'image/tiff', 'other'],
    ['photo.heic', 'image/heic', 'other'],
    ['deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'other'],
    ['letter.docx', '', 'other'],
    ['archive.zip', 'application/zip', 'other'],
  ])('%s (%s) is %s', (name, mime, kind) => {
    expect(fileKind(name, mime)).toBe(kind);
  });
});

describe('OpenAI image rules (vision guide, 2026-09)', () => {
  it('GPT-4o: 1024x768 is 85 + 4 tiles x 170 = 765', () => {
    expect(imageTokens(openai('gpt-4o'), 1024, 768).tokens).toBe(765);
    expect(imageTokens(openai('gpt-4.1'), 1024, 768).tokens).toBe(765);
  });
  it('fits 2048 then scales the shortest side to 768 (the guide\'s 2048x4096 example: 1,105)', () => {
    expect(openaiTiles(2048, 4096, { base: 85, tile: 170 })).toBe(1105);
  });
  it('a small image is one tile (85 + 170)', () => {
    expect(imageTokens(openai('gpt-4o'), 300, 200).tokens).toBe(255);
  });
  it('GPT-4o mini bills 2,833 + 5,667 a tile', () => {
    expect(imageTokens(openai('gpt-4o-mini'), 1024, 768).tokens).toBe(2833 + 4 * 5667);
  });
  it('GPT-5 bills 70 + 140 a tile; o3 75 + 150', () => {
    expect(imageTokens(openai('gpt-5.5'), 1024, 768).tokens).toBe(70 + 4 * 140);
    expect(imageTokens(openai('o3'), 1024, 768).tokens).toBe(75 + 4 * 150);
  });
  it('patch models: 1024x1024 is 1,024 patches x 1.62 on 4.1 mini (the guide\'s example: 1,659)', () => {
    expect(openaiPatches(1024, 1024, 1)).toBe(1024);
    expect(imageTokens(openai('gpt-4.1-mini'), 1024, 1024).tokens).toBe(Math.ceil(1024 * 1.62));
  });
  it('patch models cap at 1,536 patches (the guide\'s 1800x2400 example: 1,452)', () => {
    expect(openaiPatches(1800, 2400, 1)).toBe(1452);
    expect(openaiPatches(8000, 8000, 1)).toBeLessThanOrEqual(1536);
  });
});

describe('Claude image rule (vision docs, 2026-09)', () => {
  it('width x height / 750: 1024x768 is 1,049', () => {
    expect(imageTokens(claude, 1024, 768).tokens).toBe(Math.ceil((1024 * 768) / 750));
    expect(imageTokens(claude, 1024, 768).band).toBeGreaterThan(0);
  });
  it('the docs\' 1092x1092 (1.19 MP) example: about 1,590, never over 1,600', () => {
    const { tokens } = imageTokens(claude, 1092, 1092);
    expect(tokens).toBeGreaterThanOrEqual(1500);
    expect(tokens).toBeLessThanOrEqual(CLAUDE_MAX_IMAGE_TOKENS);
  });
  it('a large photo is scaled down first: at most 1,600', () => {
    expect(imageTokens(claude, 4000, 3000).tokens).toBeLessThanOrEqual(1600);
    expect(imageTokens(claude, 4000, 3000).tokens).toBeGreaterThan(1400);
  });
  it('a 200x200 image is 54', () => {
    expect(imageTokens(claude, 200, 200).tokens).toBe(54);
  });
});

describe('Gemini image rules (docs, 2026-09)', () => {
  it('Gemini 2.x: 258 up to 384 px, else 258 per 768-px tile', () => {
    expect(imageTokens({ id: 'gemini-2.5-pro', provider: 'google' }, 300, 384).tokens).toBe(258);
    expect(imageTokens({ id: 'gemini-2.5-flash', provider: 'google' }, 1024, 768).tokens).toBe(516);
  });
  it('Gemini 3: 1,120 per image (media resolution high)', () => {
    expect(imageTokens({ id: 'gemini-3.5-flash', provider: 'google' }, 1024, 768).tokens).toBe(1120);
    expect(imageTokens({ id: 'gemini-3-pro', provider: 'google' }, 50, 50).tokens).toBe(1120);
  });
});

describe('PDF page rules (2026-09)', () => {
  const letter = { pages: 2, pageWidth: 612, pageHeight: 792 };
  it('Claude: text is billed plus a page image each page (docs: 1,500-3,000 a page with text)', () => {
    const count = pdfPageTokens(claude, letter);
    expect(count.textBilled).toBe(true);
    expect(count.tokens / 2).toBeGreaterThan(1000);
    expect(count.tokens / 2).toBeLessThanOrEqual(1600);
  });
  it('OpenAI: text plus the model\'s image rule per page (GPT-4o: 765 a letter page)', () => {
    expect(pdfPageTokens(openai('gpt-4o'), letter)).toMatchObject({ tokens: 2 * 765, textBilled: true });
  });
  it('Gemini: 258 a page on 2.x, 560 on 3; the text is not billed on top', () => {
    expect(pdfPageTokens({ id: 'gemini-2.5-pro', provider: 'google' }, letter)).toMatchObject({ tokens: 516, textBilled: false });
    expect(pdfPageTokens({ id: 'gemini-3.5-flash', provider: 'google' }, letter)).toMatchObject({ tokens: 1120, textBilled: false });
  });
  it('an unknown page size is taken as Letter', () => {
    expect(pdfPageTokens(openai('gpt-4o'), { pages: 1, pageWidth: null, pageHeight: null }).tokens).toBe(765);
  });
});

describe('size cap and totals', () => {
  it('refuses files over 50 MB with the name and size', () => {
    expect(refusalFor('report.pdf', 180 * 1024 * 1024, 'pdf')).toBe('report.pdf: 180 MB, over the 50 MB limit, not counted');
    expect(refusalFor('report.pdf', 50 * 1024 * 1024, 'pdf')).toBeNull();
  });
  it('names an unreadable type rather than counting 0', () => {
    expect(refusalFor('deck.pptx', 1000, 'other')).toMatch(/^deck\.pptx: .*not counted$/);
  });
  it('formats sizes', () => {
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });
  it('sums counted files only', () => {
    const base: Attachment = { id: 'a', name: 'a', size: 1, kind: 'text', status: 'counted', tokens: 10, exact: true, band: 0, note: null, progress: null };
    const list: Attachment[] = [base, { ...base, id: 'b', tokens: 765, exact: false, band: 0.05, kind: 'image' }, { ...base, id: 'c', status: 'not-counted', tokens: 0 }, { ...base, id: 'd', status: 'pending', tokens: 99 }];
    expect(attachmentTokens(list)).toBe(775);
    expect(attachmentsExact(list)).toBe(false);
    expect(attachmentsExact([base])).toBe(true);
    expect(attachmentsBand(list)).toBe(0.05);
  });
});
