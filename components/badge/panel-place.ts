export type PanelPosition = { top?: number; bottom?: number; right?: number; left?: number; maxHeight: number };

/** Room the panel needs to be worth opening on a side. */
const MIN_ROOM = 220;
const GAP = 6;
/** The panel's width (badge-styles.ts). */
const PANEL_WIDTH = 300;

/** The prompt field the badge belongs to: the badge host sits right after it. */
export function fieldOf(chip: Element): Element | null {
  const root = chip.getRootNode();
  return root instanceof ShadowRoot ? root.host.previousElementSibling : null;
}

/**
 * Where the details panel opens so it never covers the prompt: above the field when there is room
 * (composers sit at the bottom of chat pages), else below it, else beside the chip, else where it fits.
 */
export function placePanel(chip: DOMRect, field: DOMRect | null, viewport: { width: number; height: number }): PanelPosition {
  const right = Math.max(4, viewport.width - chip.right);
  const box = field && field.height > 0 ? field : chip;
  const top = Math.min(box.top, chip.top);
  const bottom = Math.max(box.bottom, chip.bottom);
  if (top >= MIN_ROOM) return { bottom: viewport.height - top + GAP, right, maxHeight: top - 2 * GAP };
  if (viewport.height - bottom >= MIN_ROOM) return { top: bottom + GAP, right, maxHeight: viewport.height - bottom - 2 * GAP };
  const left = Math.min(box.left, chip.left);
  if (left >= PANEL_WIDTH + GAP) return { top: 4, right: viewport.width - left + GAP, maxHeight: viewport.height - 8 };
  // A field taller than the window: the text can't all stay clear; the panel stays on screen by the chip.
  if (chip.top >= MIN_ROOM) return { bottom: viewport.height - chip.top + GAP, right, maxHeight: chip.top - 2 * GAP };
  const below = Math.max(4, Math.min(chip.bottom + GAP, viewport.height - MIN_ROOM));
  return { top: below, right, maxHeight: viewport.height - below - 4 };
}

export function panelPositionFor(chip: Element): PanelPosition {
  return placePanel(chip.getBoundingClientRect(), fieldOf(chip)?.getBoundingClientRect() ?? null, { width: window.innerWidth, height: window.innerHeight });
}
