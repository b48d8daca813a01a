import { describe, expect, it } from 'vitest';
import { judgeControlClick, type Box, type ControlClick, type LayerFacts } from '@/utils/content/page/control-geometry';

const VIEWPORT = { width: 1280, height: 800 };
const layer = (box: Box, style: Partial<Omit<LayerFacts, 'box'>> = {}): LayerFacts => ({
  box,
  position: 'static',
  opacity: 1,
  visibility: 'visible',
  display: 'block',
  pointerEvents: 'auto',
  ...style,
});
const RETRY: Box = { left: 600, top: 500, width: 32, height: 32 };
const click = (over: Partial<ControlClick> = {}): ControlClick => ({
  chain: [layer({ left: 608, top: 508, width: 16, height: 16 }), layer(RETRY)],
  ancestorOpacity: 1,
  point: { x: 615, y: 515 },
  viewport: VIEWPORT,
  ...over,
});
const why = (c: ControlClick) => {
  const verdict = judgeControlClick(c);
  return verdict.ok ? 'ok' : verdict.why;
};

describe('judgeControlClick', () => {
  it('a visible button-sized control under the pointer is a person\'s click, also from the keyboard or as a wide menu item', () => {
    expect(why(click())).toBe('ok');
    expect(why(click({ point: null }))).toBe('ok');
    const item: Box = { left: 700, top: 300, width: 280, height: 36 };
    expect(why(click({ chain: [layer(item, { position: 'relative' })], point: { x: 800, y: 310 } }))).toBe('ok');
  });

  it('a control over the whole page is not one, wherever it is placed and however it is made', () => {
    const page: Box = { left: 0, top: 0, width: 1280, height: 800 };
    expect(why(click({ chain: [layer(page, { position: 'fixed', opacity: 0 })], point: { x: 400, y: 300 } }))).toBe('covers the page');
    expect(why(click({ chain: [layer(page, { position: 'fixed' })], point: { x: 400, y: 300 } }))).toBe('covers the page');
    // Half the viewport each way, absolutely positioned.
    const half: Box = { left: 0, top: 0, width: 640, height: 400 };
    expect(why(click({ chain: [layer(half, { position: 'absolute' })], point: { x: 100, y: 100 } }))).toBe('covers the page');
    // A fifth of a small viewport is a panel, not a button.
    const phone = { width: 375, height: 667 };
    expect(why(click({ chain: [layer({ left: 0, top: 0, width: 360, height: 160 })], point: { x: 10, y: 10 }, viewport: phone }))).toBe('covers the page');
  });

  it('an invisible control is not one: transparent (itself or an ancestor), hidden, zero-size', () => {
    expect(why(click({ chain: [layer(RETRY, { opacity: 0 })] }))).toBe('transparent');
    expect(why(click({ ancestorOpacity: 0.05 }))).toBe('transparent');
    expect(why(click({ chain: [layer(RETRY, { opacity: 0.5 })], ancestorOpacity: 0.1 }))).toBe('transparent');
    expect(why(click({ chain: [layer(RETRY, { visibility: 'hidden' })] }))).toBe('hidden');
    expect(why(click({ chain: [layer({ left: 615, top: 515, width: 0, height: 0 })] }))).toBe('zero-size');
    expect(why(click({ chain: [layer({ left: 600, top: 500, width: 1, height: 32 })] }))).toBe('zero-size');
  });

  it('a small control reached through a child that covers the page (pointer-events tricks) is not one', () => {
    const page: Box = { left: 0, top: 0, width: 1280, height: 800 };
    // The child covers the page while the button it sits in takes no pointer events.
    expect(why(click({ chain: [layer(page, { position: 'fixed' }), layer(RETRY, { pointerEvents: 'none' })], point: { x: 50, y: 50 } }))).toBe('covers the page');
    // A button-sized child: the button itself still takes no pointer events.
    expect(why(click({ chain: [layer(RETRY), layer(RETRY, { pointerEvents: 'none' })] }))).toBe('pointer-events');
    // The pointer was nowhere near the control.
    expect(why(click({ point: { x: 40, y: 40 } }))).toBe('pointer outside the control');
  });
});
