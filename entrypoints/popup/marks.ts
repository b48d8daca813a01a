/** Performance marks scripts/bench-popup.ts reads (ms since navigation start). */
export const FIRST_NUMBERS_MARK = 'tokentally:first-numbers';
/** Numbers read from IndexedDB on this open are in the DOM (the same moment as the first numbers: no snapshot is shown). */
export const FRESH_NUMBERS_MARK = 'tokentally:fresh-numbers';
/**
 * Phase marks for profiling one open (bench-popup prints them): tt:main-eval (start-up ran),
 * tt:db-open, tt:overview (cards + chart read), tt:recent (last turns), tt:live-mount (full popup
 * took over), tt:settings (settings validated), then either tt:startup-numbers-kept (the start-up
 * read with these same settings) or tt:popup-data (full popup's own read).
 */
