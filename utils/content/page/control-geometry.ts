/**
 * Whether a clicked control looks like one a person meant to press: a button-sized, visible
 * control under the pointer. A page can lay its own button over everything (invisible, full
 * page, or a small button whose child covers the page through pointer-events), so any trusted
 * click lands on it; such a control is never taken as the person's choice. Pure: the DOM facts
 * are read by thread-control.ts, so the rule is tested with plain boxes.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One element between the click's target and the control, as the browser computed it. */
export interface LayerFacts {
  box: Box;
  position: string;
  opacity: number;
  visibility: string;
  display: string;
  pointerEvents: string;
}

export interface ControlClick {
  /** From the element the click landed on up to the control, the control last. */
  chain: LayerFacts[];
  /** The product of the opacities of the control's ancestors. */
  ancestorOpacity: number;
  /** Where the pointer was; null for a keyboard activation (Enter or Space on a focused control). */
  point: { x: number; y: number } | null;
  viewport: { width: number; height: number };
}

export type ControlVerdict = { ok: true } | { ok: false; why: string };

/** Smaller than this in either direction is no control anyone can see. */
const MIN_SIDE_PX = 4;
/** A wide menu item or a labelled button fits; a panel over the page does not. */
const MAX_WIDTH_PX = 640;
const MAX_HEIGHT_PX = 200;
/** No control takes more than this share of the viewport. */
const MAX_VIEWPORT_SHARE = 0.2;
/** Nearly transparent is invisible. */
const MIN_OPACITY = 0.1;
/** Sub-pixel rounding between the pointer and the box. */
const SLACK_PX = 2;

const area = (b: Box) => Math.max(0, b.width) * Math.max(0, b.height);

function tooLarge(box: Box, viewport: ControlClick['viewport']): boolean {
  const share = area(box) / Math.max(1, viewport.width * viewport.height);
  return box.width > MAX_WIDTH_PX || box.height > MAX_HEIGHT_PX || share > MAX_VIEWPORT_SHARE;
}

/** Laid over the viewport: fixed or absolute, and reaching across most of it. */
function overViewport(layer: LayerFacts, viewport: ControlClick['viewport']): boolean {
  if (layer.position !== 'fixed' && layer.position !== 'absolute') return false;
  return layer.box.width >= viewport.width * 0.5 && layer.box.height >= viewport.height * 0.5;
}

const contains = (box: Box, p: { x: number; y: number }) =>
  p.x >= box.left - SLACK_PX && p.x <= box.left + box.width + SLACK_PX && p.y >= box.top - SLACK_PX && p.y <= box.top + box.height + SLACK_PX;

export function judgeControlClick(click: ControlClick): ControlVerdict {
  const control = click.chain.at(-1);
  if (!control) return { ok: false, why: 'no control' };
  if (control.box.width < MIN_SIDE_PX || control.box.height < MIN_SIDE_PX) return { ok: false, why: 'zero-size' };
  let opacity = click.ancestorOpacity;
  for (const layer of click.chain) {
    if (layer.display === 'none' || layer.visibility === 'hidden' || layer.visibility === 'collapse') return { ok: false, why: 'hidden' };
    if (tooLarge(layer.box, click.viewport) || overViewport(layer, click.viewport)) return { ok: false, why: 'covers the page' };
    opacity *= Number.isFinite(layer.opacity) ? layer.opacity : 1;
  }
  if (opacity < MIN_OPACITY) return { ok: false, why: 'transparent' };
  // A control that takes no pointer events was reached through a child that does: a decoy.
  if (click.chain.slice(1).some((layer) => layer.pointerEvents === 'none')) return { ok: false, why: 'pointer-events' };
  if (click.point && !contains(control.box, click.point)) return { ok: false, why: 'pointer outside the control' };
  return { ok: true };
}
