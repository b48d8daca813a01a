import { describe, expect, it } from 'vitest';
import { placePanel } from '@/components/badge/panel-place';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
const viewport = { width: 1280, height: 800 };

describe('where the details panel opens', () => {
  it('above a composer at the bottom of the page, clear of its text', () => {
    const field = rect(300, 650, 700, 80);
    const p = placePanel(rect(900, 732, 120, 20), field, viewport);
    expect(p.bottom).toBe(800 - 650 + 6);
    expect(p.maxHeight).toBeLessThanOrEqual(650 - 6);
  });
  it('below a field at the top of the page', () => {
    const field = rect(300, 40, 700, 80);
    const p = placePanel(rect(900, 122, 120, 20), field, viewport);
    expect(p.top).toBe(142 + 6);
  });
  it('beside a field that fills the height, when there is room on its left', () => {
    const field = rect(400, 20, 700, 760);
    const p = placePanel(rect(980, 782, 120, 16), field, viewport);
    expect(p.right).toBe(1280 - 400 + 6);
  });
  it('stays on screen by the chip when nothing is clear', () => {
    const field = rect(10, -400, 1200, 1300);
    const p = placePanel(rect(1100, 500, 120, 20), field, viewport);
    expect(p.bottom).toBe(800 - 500 + 6);
    const low = placePanel(rect(1100, 100, 120, 20), rect(10, -900, 1200, 1900), viewport);
    expect(low.top! + 160).toBeLessThanOrEqual(800);
  });
});
