/**
 * Reads the reset time out of a site's own words: "resets after 6:41 PM", "resets tomorrow
 * after 3:56 AM", "try again at May 23rd, 2026 3:54 PM", "Resets Oct 7 at 12:49 PM", "try
 * again in 4 days 20 hours 9 minutes", "18:41". Times are the page's, so in the browser's own
 * timezone. Returns epoch ms, or null when no time can be read (never a guess).
 *
 * Month names and the AM/PM marker are read in the page's language as well as English (from
 * Intl, so no word list to keep), and a handful of words for "tomorrow" cover the languages
 * ChatGPT and Gemini are most used in.
 */

const TOMORROW = /\b(tomorrow|mañana|demain|morgen|domani|amanhã|jutro|morgen|завтра|yarın)\b|明日|明天|내일/i;

const monthCache = new Map<string, string[][]>();
/** Month names per month (long and short, lower case) in `locale`. */
function monthNames(locale: string): string[][] {
  let names = monthCache.get(locale);
  if (names) return names;
  names = [];
  for (let m = 0; m < 12; m++) {
    const day = new Date(2024, m, 15, 12);
    const forms = new Set<string>();
    for (const month of ['long', 'short'] as const) {
      try {
        const part = new Intl.DateTimeFormat(locale, { month, day: 'numeric' }).formatToParts(day).find((p) => p.type === 'month')?.value;
        if (part) forms.add(part.toLowerCase().replace(/\.$/, ''));
      } catch {
        // An unknown locale: English still covers it below.
      }
    }
    names.push([...forms].filter((f) => f.length >= 3 && !/^\d+$/.test(f)));
  }
  monthCache.set(locale, names);
  return names;
}

function dayPeriodWords(locale: string): { am: string[]; pm: string[] } {
  // The usual markers, so a browser with little locale data still reads them.
  const am = ['am', 'a.m.', '午前', '上午', '오전', 'vorm.', 'sáng'];
  const pm = ['pm', 'p.m.', '午後', '下午', '晚上', '오후', 'nachm.', 'chiều'];
  try {
    const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true });
    const word = (hour: number) => format.formatToParts(new Date(2024, 0, 1, hour)).find((p) => p.type === 'dayPeriod')?.value.toLowerCase();
    const a = word(9);
    const p = word(15);
    if (a) am.push(a);
    if (p) pm.push(p);
  } catch {
    // English words only.
  }
  return { am, pm };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "in 4 days 20 hours 9 minutes", "in 2h 30m" -> ms; null when the text has no duration. */
export function parseDuration(text: string): number | null {
  const units: Array<[RegExp, number]> = [
    [/(\d+)\s*(?:days?|d)\b/i, 86_400_000],
    [/(\d+)\s*(?:hours?|hrs?|h)\b/i, 3_600_000],
    [/(\d+)\s*(?:minutes?|mins?|m)\b/i, 60_000],
  ];
  if (!/\bin\s+\d/i.test(text)) return null;
  const tail = text.slice(text.search(/\bin\s+\d/i));
  let total = 0;
  let found = false;
  for (const [pattern, ms] of units) {
    const m = pattern.exec(tail);
    if (m) {
      total += Number(m[1]) * ms;
      found = true;
    }
  }
  return found ? total : null;
}

export function parseResetTime(text: string, now: number, locale = 'en'): number | null {
  const lower = text.toLowerCase().replace(/\u00a0|\u202f/g, ' ');
  const duration = parseDuration(lower);
  if (duration !== null) return now + duration;

  const time = /(\d{1,2})\s*[:：.]\s*(\d{2})(?!\d)/.exec(lower);
  if (!time) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  if (hour > 23 || minute > 59) return null;
  const { am, pm } = dayPeriodWords(locale);
  const after = lower.slice(time.index + time[0].length, time.index + time[0].length + 12);
  const before = lower.slice(Math.max(0, time.index - 8), time.index);
  const near = `${before} ${after}`;
  const has = (words: string[]) => words.some((w) => new RegExp(`(^|[^a-z])${escape(w)}($|[^a-z])`).test(near));
  if (has(pm) && hour < 12) hour += 12;
  else if (has(am) && hour === 12) hour = 0;

  const today = new Date(now);
  const date = monthDay(lower, locale);
  if (date) {
    const year = date.year ?? today.getFullYear();
    let at = new Date(year, date.month, date.day, hour, minute).getTime();
    // No year given and the date is long past: it is next year's (a January date read in December).
    if (date.year === undefined && at < now - 180 * 86_400_000) at = new Date(year + 1, date.month, date.day, hour, minute).getTime();
    return at;
  }
  let at = new Date(today.getFullYear(), today.getMonth(), today.getDate(), hour, minute).getTime();
  if (TOMORROW.test(lower)) at = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, hour, minute).getTime();
  // A bare time already past today means the next one.
  else if (at <= now) at = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, hour, minute).getTime();
  return at;
}

/** "may 23rd, 2026", "oct 7", "7 oct", "23. mai 2026" -> month (0-11), day, maybe year. */
function monthDay(lower: string, locale: string): { month: number; day: number; year?: number } | null {
  const locales = locale.toLowerCase().startsWith('en') ? ['en'] : [locale, 'en'];
  for (const loc of locales) {
    const names = monthNames(loc);
    for (let month = 0; month < 12; month++) {
      for (const name of names[month]!) {
        const n = escape(name);
        const dayFirst = new RegExp(`(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s*(?:de\\s+)?${n}\\.?(?:\\s+(\\d{4}))?`).exec(lower);
        const monthFirst = new RegExp(`${n}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\s*[:：.]\\s*\\d)`).exec(lower);
        const m = monthFirst ?? dayFirst;
        if (!m) continue;
        const day = Number(m[1]);
        if (day < 1 || day > 31) continue;
        return { month, day, ...(m[2] ? { year: Number(m[2]) } : {}) };
      }
    }
  }
  return null;
}
