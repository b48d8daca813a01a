/** Performance marks scripts/bench-popup.ts reads (ms since navigation start). */
export const FIRST_NUMBERS_MARK = 'tokentally:first-numbers';
/** Numbers read from IndexedDB on this open (the first mark may come from the snapshot). */
export const FRESH_NUMBERS_MARK = 'tokentally:fresh-numbers';
/** The first mark's detail: which numbers were shown first (the snapshot may be replaced within the same millisecond). */
export const firstNumbersDetail = (fresh: boolean) => ({ detail: fresh ? 'queried' : 'snapshot' });
/**
 * Phase marks for profiling one open (bench-popup prints them): tt:main-eval (entry chunk ran),
 * tt:db-open, tt:overview (cards + chart read), tt:recent (last turns), tt:live-mount (full popup
 * took over), tt:settings (settings validated), tt:popup-data (full popup's own read).
 */
