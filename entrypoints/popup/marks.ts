/** Performance marks scripts/bench-popup.ts reads (ms since navigation start). */
export const FIRST_NUMBERS_MARK = 'tokentally:first-numbers';
/** Numbers read from IndexedDB on this open (the first mark may come from the snapshot). */
export const FRESH_NUMBERS_MARK = 'tokentally:fresh-numbers';
/**
 * Phase marks for profiling one open (bench-popup prints them): tt:main-eval (entry chunk ran),
 * tt:db-open, tt:overview (cards + chart read), tt:recent (last turns), tt:live-mount (full popup
 * took over), tt:settings (settings validated), tt:popup-data (full popup's own read).
 */
