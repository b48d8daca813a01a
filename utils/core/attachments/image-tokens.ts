import type { ModelInfo } from '@/utils/core/models/model-types';

/**
 * What an image costs in input tokens, by each provider's published rule, from its pixel size.
 * Each rule carries its source, the date it was read, and a band (the relative error we allow:
 * the providers resize on their side, so a rule is an estimate, never exact).
 */

export interface RuleCount {
  tokens: number;
  /** Relative error, 0.1 = ±10%. */
  band: number;
  /** Which published rule gave the count (shown in the badge's details). */
  rule: string;
}

interface TileRule {
  base: number;
  tile: number;
}

// OpenAI vision guide ("Calculating costs", platform.openai.com/docs/guides/images-vision, read
// 2026-09): tile models fit the image in 2048x2048, scale its shortest side down to 768, then
// bill base + tile x (512-px tiles); 1024x768 on GPT-4o = 85 + 4 x 170 = 765.
const OPENAI_TILES: [RegExp, TileRule][] = [
  [/gpt-4o-mini/, { base: 2833, tile: 5667 }],
  [/^(o1|o3)(?!-mini)/, { base: 75, tile: 150 }],
  [/computer-use/, { base: 65, tile: 129 }],
  [/^gpt-5/, { base: 70, tile: 140 }],
];
const OPENAI_DEFAULT_TILES: TileRule = { base: 85, tile: 170 };
// Same guide: these models bill 32-px patches (at most 1,536) times a multiplier.
const OPENAI_PATCHES: [RegExp, number][] = [
  [/gpt-(4\.1|5(\.\d+)?)-mini/, 1.62],
  [/gpt-(4\.1|5(\.\d+)?)-nano/, 2.46],
  [/o4-mini/, 1.72],
];
const OPENAI_BAND = 0.05;

function fit(width: number, height: number, maxSide: number): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return [width * scale, height * scale];
}

export function openaiTiles(width: number, height: number, rule: TileRule): number {
  let [w, h] = fit(width, height, 2048);
  const shortScale = Math.min(1, 768 / Math.min(w, h));
  w *= shortScale;
  h *= shortScale;
  return rule.base + rule.tile * Math.ceil(w / 512) * Math.ceil(h / 512);
}

export function openaiPatches(width: number, height: number, multiplier: number): number {
  const MAX = 1536;
  let patches = Math.ceil(width / 32) * Math.ceil(height / 32);
  if (patches > MAX) {
    const shrink = Math.sqrt((32 * 32 * MAX) / (width * height));
    const w = width * shrink;
    const h = height * shrink;
    const adjust = shrink * Math.min(Math.floor(w / 32) / (w / 32), Math.floor(h / 32) / (h / 32));
    patches = Math.min(MAX, Math.ceil((width * adjust) / 32) * Math.ceil((height * adjust) / 32));
  }
  return Math.ceil(patches * multiplier);
}

function openaiImage(modelId: string, width: number, height: number): RuleCount {
  const patch = OPENAI_PATCHES.find(([re]) => re.test(modelId));
  if (patch) return { tokens: openaiPatches(width, height, patch[1]), band: OPENAI_BAND, rule: 'OpenAI 32-px patches' };
  const tiles = OPENAI_TILES.find(([re]) => re.test(modelId))?.[1] ?? OPENAI_DEFAULT_TILES;
  return { tokens: openaiTiles(width, height, tiles), band: OPENAI_BAND, rule: `OpenAI ${tiles.base} + ${tiles.tile}/tile` };
}

// Anthropic vision docs ("Evaluate image size", docs.claude.com/en/docs/build-with-claude/vision,
// read 2026-09): tokens = width x height / 750; an image over 1568 px on its long edge or over
// ~1.15 megapixels is scaled down first, so one image costs at most ~1,600 tokens.
const CLAUDE_MAX_EDGE = 1568;
const CLAUDE_MAX_PIXELS = 1_150_000;
export const CLAUDE_MAX_IMAGE_TOKENS = 1600;

function claudeImage(width: number, height: number): RuleCount {
  const scale = Math.min(1, CLAUDE_MAX_EDGE / Math.max(width, height), Math.sqrt(CLAUDE_MAX_PIXELS / (width * height)));
  const tokens = Math.min(CLAUDE_MAX_IMAGE_TOKENS, Math.ceil((width * scale * (height * scale)) / 750));
  return { tokens, band: 0.1, rule: 'Claude w×h/750' };
}

// Gemini docs ("Image understanding" / token counting, ai.google.dev, read 2026-09): Gemini 2.x
// bills 258 tokens for an image with both sides ≤384 px, else 258 per 768x768 tile; Gemini 3
// bills by media_resolution, images defaulting to high: 1,120 tokens each.
export const GEMINI_TILE_TOKENS = 258;
export const GEMINI3_IMAGE_TOKENS = 1120;
export const isGemini3 = (modelId: string) => /gemini-([3-9]|\d{2,})/.test(modelId);

function geminiImage(modelId: string, width: number, height: number): RuleCount {
  if (isGemini3(modelId)) return { tokens: GEMINI3_IMAGE_TOKENS, band: 0.1, rule: 'Gemini 3: 1,120/image' };
  const tiles = width <= 384 && height <= 384 ? 1 : Math.ceil(width / 768) * Math.ceil(height / 768);
  return { tokens: GEMINI_TILE_TOKENS * tiles, band: 0.15, rule: 'Gemini 258/tile' };
}

/** Input tokens of one image of `width` x `height` pixels for `model`. */
export function imageTokens(model: Pick<ModelInfo, 'id' | 'provider'>, width: number, height: number): RuleCount {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  if (model.provider === 'anthropic') return claudeImage(w, h);
  if (model.provider === 'google') return geminiImage(model.id, w, h);
  return openaiImage(model.id, w, h);
}
