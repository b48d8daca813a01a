import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { findUsageRoot, geminiAccount, geminiReport, geminiWindowsFrom } from '@/utils/content/meters/gemini-usage';

const NOW = new Date(2026, 9, 14, 15, 20).getTime();

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page(body: string, lang = 'en') {
  const window = new Window({ url: 'https://gemini.google.com/usage' });
  windows.push(window);
  window.document.documentElement.lang = lang;
  window.document.body.innerHTML = body;
  return window.document as unknown as Document;
}

// As others recorded Gemini's usage page (2026-06 to 2026-10): reset lines in either block position.
const USAGE = `<usage-metrics-window><h2>Usage limits</h2><div class="usage-metrics-description"><p>Updated just now</p></div>
  <div data-test-id="gxu-currently" class="gxu-currently-luminous"><div><p>Current usage</p><p>1% used</p></div><p class="reset-time-luminous">Resets at 3:49 PM</p></div>
  <div data-test-id="gxu-weekly"><div><p>Weekly limit</p><p>Resets Oct 17 at 12:49 PM</p></div><p>37% used</p></div></usage-metrics-window>`;

describe("Gemini's usage page", () => {
  it('reads both windows with their reset times', () => {
    const doc = page(USAGE);
    const windows = geminiWindowsFrom(findUsageRoot(doc)!, NOW, 'en')!;
    expect(windows.map((w) => [w.id, w.used, w.resetsAt])).toEqual([
      ['gemini:session', 0.01, new Date(2026, 9, 14, 15, 49).getTime()],
      ['gemini:weekly', 0.37, new Date(2026, 9, 17, 12, 49).getTime()],
    ]);
  });

  it('reads other languages by the number and the clock', () => {
    const doc = page(USAGE.replace('1% used', '12% 사용됨').replace('Resets at 3:49 PM', '오후 4:10에 재설정').replace('37% used', '40% 사용됨'), 'ko');
    const windows = geminiWindowsFrom(findUsageRoot(doc)!, NOW, 'ko')!;
    expect(windows.map((w) => [w.id, w.used])).toEqual([
      ['gemini:session', 0.12],
      ['gemini:weekly', 0.4],
    ]);
    expect(windows[0]!.resetsAt).toBe(new Date(2026, 9, 14, 16, 10).getTime());
  });

  it('no numbers yet (the panel just opened): nothing, rather than 0%', () => {
    const doc = page('<usage-metrics-window><div data-test-id="gxu-currently"><p>Current usage</p></div></usage-metrics-window>');
    expect(geminiWindowsFrom(findUsageRoot(doc)!, NOW, 'en')).toBeNull();
    expect(geminiReport(findUsageRoot(doc)!, NOW, 'en', '/usage')).toBeNull();
  });

  it('keeps accounts apart by the /u/N/ path', () => {
    expect(geminiAccount('/u/2/usage')).toBe('u/2');
    expect(geminiAccount('/usage')).toBe('u/0');
    expect(geminiReport(findUsageRoot(page(USAGE))!, NOW, 'en', '/u/1/usage')).toMatchObject({ site: 'gemini', account: 'u/1', active: true, error: null });
  });
});
