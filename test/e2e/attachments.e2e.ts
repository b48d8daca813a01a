import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { o200kTokens } from '@/test/e2e/badge-helpers';
import { readStoredEvents } from '@/test/e2e/stored-usage';
import { makePdf } from '@/test/e2e/fixtures/make-pdf';
import { makePng } from '@/test/e2e/fixtures/make-png';
import { modelForId } from '@/utils/core/models/model-registry';
import { estimateClaudeTokens, isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';

/**
 * Attached files, end to end on the 2026 fixture pages at the real URLs: a Markdown note, a
 * two-page PDF and a 1024x768 PNG attached through the page's file input are counted by each
 * provider's rule, the badge's total grows by them and its details list them, removing the
 * image's chip takes its tokens off, the send records the files, and a corrupt PDF and an
 * oversize file say so by name. Expected figures are worked out here from the providers'
 * published rules, not from the extension's code.
 */

const SITES = [
  { name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/' },
  { name: 'Claude', file: 'claude-2026.html', url: 'https://claude.ai/new' },
  { name: 'Gemini', file: 'gemini-2026.html', url: 'https://gemini.google.com/app' },
] as const;

const NOTE = '# Meeting notes\n\n- Revenue grew 12% in the third quarter.\n- Costs fell in two regions.\n- Next review: December.\n';
const PAGE_TEXTS = ['Quarterly report: revenue grew in every region this quarter.', 'Costs fell, and the outlook for next year is steady.'];
const PROMPT = 'Summarise the attached report';

/** A 1024x768 image by the provider's published rule (2026-09), for the model the badge names. */
function imageRule(model: string): number {
  if (model.startsWith('claude')) return Math.ceil((1024 * 768) / 750); // w·h/750, under the 1.15 MP cap
  if (/^gemini-[3-9]/.test(model)) return 1120; // media resolution high
  if (model.startsWith('gemini')) return 2 * 258; // two 768-px tiles
  if (model.startsWith('gpt-5')) return 70 + 4 * 140; // four 512-px tiles
  return 85 + 4 * 170;
}

/** Pages beyond their text: Claude and OpenAI add a page image (a Letter page at 144 dpi); Gemini bills pages only. */
function pdfPageRule(model: string): { pages: number; text: boolean } {
  if (/^gemini-[3-9]/.test(model)) return { pages: 2 * 560, text: false };
  if (model.startsWith('gemini')) return { pages: 2 * 258, text: false };
  // 1224x1584 px: Claude scales it to 1.15 MP (1,534 tokens); OpenAI to 768x994, four tiles.
  if (model.startsWith('claude')) return { pages: 2 * 1534, text: true };
  return { pages: 2 * (model.startsWith('gpt-5') ? 630 : 765), text: true };
}

/** What the model's own counter gives for text: o200k for OpenAI, the Claude estimate of the model's generation, else o200k within 30%. */
function textCheck(model: string, text: string, counted: number, slack = 0): void {
  const o200k = o200kTokens(text);
  // A PDF's text comes back with the reader's own line breaks: a token or two either way.
  if (model.startsWith('gpt')) return void expect(Math.abs(counted - o200k)).toBeLessThanOrEqual(slack);
  const counter = modelForId(model)?.counter;
  const expected = counter && isClaudeEstimator(counter) ? Math.round(estimateClaudeTokens(text, counter, (t) => o200kTokens(t))) : o200k;
  expect(Math.abs(counted - expected) / expected).toBeLessThan(0.3);
}

async function openSite(page: Page, site: (typeof SITES)[number]): Promise<Locator> {
  await servePage(page.context(), site.url, fixtureHtml(site.file, { wordMs: 4, pauseMs: 200, thinkMs: 100 }));
  await page.goto(site.url);
  await page.waitForFunction(() => '__fixture' in window);
  const badge = page.locator('tokentally-badge').first();
  await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  return badge;
}

async function typePrompt(page: Page, badge: Locator): Promise<number> {
  await page.evaluate((text) => (window as any).__fixture.type(text), PROMPT);
  await expect.poll(async () => Number(await badge.getAttribute('data-tokens'))).toBeGreaterThan(3);
  return Number(await badge.getAttribute('data-tokens'));
}

/** Each file's line in the badge's details: name -> tokens (or the note when not counted). */
async function breakdown(badge: Locator): Promise<{ summary: string; files: Record<string, string> }> {
  return badge.evaluate((host) => {
    const root = host.shadowRoot!;
    const files: Record<string, string> = {};
    for (const li of root.querySelectorAll('[data-attachment]')) files[li.getAttribute('data-attachment')!] = `${li.getAttribute('data-status')}|${li.getAttribute('data-tokens') ?? ''}|${li.textContent}`;
    return { summary: root.querySelector('[data-field="turn-breakdown"]')?.textContent ?? '', files };
  });
}

const tokensIn = (line: string) => Number(line.split('|')[1] || NaN);

async function openDetails(badge: Locator): Promise<void> {
  const open = await badge.evaluate((host) => host.shadowRoot!.querySelector('.chip')!.getAttribute('aria-expanded'));
  if (open !== 'true') await badge.evaluate((host) => (host.shadowRoot!.querySelector('.chip') as HTMLElement).click());
}

for (const site of SITES) {
  test(`${site.name}: attached files are counted, listed, removed with their chip and recorded`, async ({ page, openExtensionPage }) => {
    const badge = await openSite(page, site);
    const model = (await badge.getAttribute('data-model'))!;
    const prompt = await typePrompt(page, badge);

    await page.locator('input[type="file"]').setInputFiles([
      { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) },
      { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf(PAGE_TEXTS)) },
      { name: 'chart.png', mimeType: 'image/png', buffer: makePng(1024, 768) },
    ]);
    await openDetails(badge);
    await expect.poll(async () => Object.values((await breakdown(badge)).files).filter((l) => l.startsWith('counted|')).length, { timeout: 30_000 }).toBe(3);
    const { summary, files } = await breakdown(badge);
    const note = tokensIn(files['notes.md']!);
    const pdf = tokensIn(files['report.pdf']!);
    const image = tokensIn(files['chart.png']!);

    // Each file by its provider's rule and band.
    textCheck(model, NOTE, note);
    expect(image).toBe(imageRule(model));
    const rule = pdfPageRule(model);
    if (rule.text) textCheck(model, PAGE_TEXTS.join('\n\n'), pdf - rule.pages, 3);
    else expect(pdf).toBe(rule.pages);

    // The whole turn: data-tokens is prompt + files, data-attachment-tokens the files.
    const files1 = note + pdf + image;
    await expect(badge).toHaveAttribute('data-attachment-tokens', String(files1));
    await expect(badge).toHaveAttribute('data-tokens', String(prompt + files1));
    expect(summary).toBe(`prompt ${prompt} · notes.md ${note.toLocaleString('en-US')} · report.pdf ${pdf.toLocaleString('en-US')} · chart.png ${image.toLocaleString('en-US')}`);

    // Removing the image's chip takes its tokens off.
    await page.getByRole('group').filter({ hasText: 'chart.png' }).last().getByRole('button', { name: 'Remove file' }).click();
    await expect(badge).toHaveAttribute('data-attachment-tokens', String(note + pdf));
    await expect(badge).toHaveAttribute('data-tokens', String(prompt + note + pdf));

    // The send records the files sent, and the badge's list empties.
    const composer = page.locator(await page.evaluate(() => (window as any).__fixture.selector('composer')));
    await composer.press('End');
    await composer.press('Enter');
    await expect(badge).toHaveAttribute('data-attachment-tokens', '0');
    const extension = await openExtensionPage('popup.html');
    await expect.poll(async () => (await readStoredEvents(extension)).length, { timeout: 30_000 }).toBe(1);
    const [event] = (await readStoredEvents(extension)) as Array<{ attachmentTokens?: number; promptTokens: number }>;
    expect(event!.attachmentTokens).toBe(note + pdf);

    // Files sent earlier stay in the conversation: the next turn's context holds them.
    await expect.poll(() => page.evaluate(() => (window as any).__fixture.phase), { timeout: 30_000 }).toBe('done');
    await composer.click();
    await page.keyboard.type('And the outlook?');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readStoredEvents(extension)).length, { timeout: 30_000 }).toBe(2);
    const events = (await readStoredEvents(extension)) as Array<{ id: string; time: number; contextTokens: number; attachmentTokens?: number }>;
    const second = events.sort((a, b) => a.time - b.time)[1]!;
    expect(second.attachmentTokens).toBeUndefined();
    expect(second.contextTokens).toBeGreaterThanOrEqual(note + pdf + prompt);
  });

  test(`${site.name}: a corrupt PDF and an oversize file say so by name`, async ({ page }) => {
    const badge = await openSite(page, site);
    const huge = path.join(tmpdir(), `tt-huge-${process.pid}-${site.name}.pdf`);
    writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024));
    const broken = path.join(tmpdir(), 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\nthis is not a real pdf\n');
    await page.locator('input[type="file"]').setInputFiles([broken, huge]);
    await openDetails(badge);
    const hugeName = path.basename(huge);
    await expect.poll(async () => (await breakdown(badge)).files['broken.pdf'] ?? '', { timeout: 30_000 }).toMatch(/^not-counted\|\|broken\.pdf: this PDF can't be read/);
    expect((await breakdown(badge)).files[hugeName]).toBe(`not-counted||${hugeName}: 60 MB, over the 50 MB limit, not counted`);
    await expect(badge).toHaveAttribute('data-attachment-tokens', '0');
  });
}

test('ChatGPT (scrambled): files dropped on the composer and pasted into it are counted too', async ({ page }) => {
  const site = SITES[0];
  await servePage(page.context(), site.url, fixtureHtml(site.file, { scramble: 'random' }));
  await page.goto(site.url);
  await page.waitForFunction(() => '__fixture' in window);
  const badge = page.locator('tokentally-badge').first();
  await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const png = makePng(1024, 768).toString('base64');
  await page.evaluate(
    ({ png, note }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const composer = (window as any).__fixture.refs().composer as HTMLElement;
      const dropped = new DataTransfer();
      dropped.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      composer.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dropped }));
      const pasted = new DataTransfer();
      pasted.items.add(new File([note], 'pasted.md', { type: 'text/markdown' }));
      composer.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: pasted }));
    },
    { png, note: NOTE },
  );
  await expect.poll(() => page.evaluate(() => (window as any).__fixture.attachedFiles())).toEqual(['dropped.png', 'pasted.md']);
  const model = (await badge.getAttribute('data-model'))!;
  await expect(badge).toHaveAttribute('data-attachment-tokens', String(imageRule(model) + o200kTokens(NOTE)), { timeout: 20_000 });
  // An untaken drop (outside any drop zone) is not an attachment.
  await page.evaluate(() => {
    const stray = new DataTransfer();
    stray.items.add(new File(['x'], 'stray.txt', { type: 'text/plain' }));
    document.querySelector('header')?.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: stray }));
  });
  await page.waitForTimeout(500);
  await expect(badge).toHaveAttribute('data-attachment-tokens', String(imageRule(model) + o200kTokens(NOTE)));
});
