/** Performance marks scripts/bench-popup.ts reads (ms since navigation start). */
export const FIRST_NUMBERS_MARK = 'tokentally:first-numbers';
/** Numbers read from IndexedDB on this open (the first mark may come from the snapshot). */
export const FRESH_NUMBERS_MARK = 'tokentally:fresh-numbers';
