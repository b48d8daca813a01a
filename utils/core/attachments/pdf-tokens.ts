import type { ModelInfo } from '@/utils/core/models/model-types';
import { imageTokens, isGemini3, type RuleCount } from '@/utils/core/attachments/image-tokens';

/**
 * What a PDF costs beyond its text, per provider: the providers that also read each page as an
 * image bill that image too. Pages are measured in PDF points (1/72 in); a page of unknown size
 * is taken as US Letter.
 */

export interface PdfFacts {
  pages: number;
  /** The first page's size in points, or null when unknown. */
  pageWidth: number | null;
  pageHeight: number | null;
}

const LETTER = { width: 612, height: 792 };
// Rendering pages at 2x points (144 dpi) is a readable page image; the providers then resize it
// by their own image rule, so the exact render size matters little.
const RENDER_SCALE = 2;

// Anthropic PDF support docs (docs.claude.com/en/docs/build-with-claude/pdf-support, read
// 2026-09): each page is sent as its extracted text plus an image of the page, "typically
// 1,500-3,000 tokens per page"; the page image follows the vision rule.
const CLAUDE_PDF_BAND = 0.35;
// OpenAI file inputs guide (platform.openai.com/docs/guides/pdf-files, read 2026-09): the model
// gets the extracted text and an image of each page, billed like any image.
const OPENAI_PDF_BAND = 0.25;
// Gemini document understanding (ai.google.dev/gemini-api/docs/document-processing, read
// 2026-09): each page is billed as an image, 258 tokens a page on Gemini 2.x; Gemini 3 bills
// PDFs at media_resolution medium by default, 560 tokens a page. The page's text is not billed
// on top.
const GEMINI2_PAGE_TOKENS = 258;
const GEMINI3_PAGE_TOKENS = 560;
const GEMINI_PDF_BAND = 0.3;

export interface PdfCount extends RuleCount {
  /** Whether the page text's own tokens are billed (and so added by the caller). */
  textBilled: boolean;
}

/** The per-page part of a PDF's tokens for `model` (the caller adds the text's count when `textBilled`). */
export function pdfPageTokens(model: Pick<ModelInfo, 'id' | 'provider'>, facts: PdfFacts): PdfCount {
  const pages = Math.max(0, Math.floor(facts.pages));
  if (model.provider === 'google') {
    const perPage = isGemini3(model.id) ? GEMINI3_PAGE_TOKENS : GEMINI2_PAGE_TOKENS;
    return { tokens: pages * perPage, band: GEMINI_PDF_BAND, rule: `Gemini ${perPage}/page`, textBilled: false };
  }
  const width = (facts.pageWidth && facts.pageWidth > 0 ? facts.pageWidth : LETTER.width) * RENDER_SCALE;
  const height = (facts.pageHeight && facts.pageHeight > 0 ? facts.pageHeight : LETTER.height) * RENDER_SCALE;
  const page = imageTokens(model, width, height).tokens;
  const claude = model.provider === 'anthropic';
  return {
    tokens: pages * page,
    band: claude ? CLAUDE_PDF_BAND : OPENAI_PDF_BAND,
    rule: `text + ${page}/page image`,
    textBilled: true,
  };
}
