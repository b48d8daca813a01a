import type { Theme } from '@/utils/core/page/page-state';

function parseRgb(color: string): [number, number, number, number] | null {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The theme the page shows around `el`: the first opaque background up the tree
 * decides; a fully transparent page follows its color-scheme.
 */
export function pageThemeAround(el: Element): Theme {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const rgba = parseRgb(getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba[0], rgba[1], rgba[2]) < 0.2 ? 'dark' : 'light';
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme || '';
  if (scheme.includes('dark') && !scheme.includes('light')) return 'dark';
  if (scheme.includes('dark') && matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'light';
}
