import { guard } from '@/utils/content/page/guard';

/**
 * Calls `onChange` (throttled, trailing) whenever the page's DOM or URL changes: late
 * mounts, framework re-renders and SPA navigation all show up as DOM mutations, so a
 * single observer covers them. The observer callback only sets a timer, so a page
 * streaming thousands of mutations pays almost nothing.
 */
export function watchPage(onChange: () => void, intervalMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  const run = guard(() => {
    timer = undefined;
    lastRun = performance.now();
    onChange();
  });
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, intervalMs - (performance.now() - lastRun));
    timer = setTimeout(run, wait);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  window.addEventListener('popstate', schedule);
  window.addEventListener('hashchange', schedule);
  // Framework navigations that reuse the DOM change only the URL: notice those too.
  let lastUrl = location.href;
  const urlPoll = setInterval(
    guard(() => {
      if (location.href !== lastUrl) {
        lastUrl = location.href;
        schedule();
      }
    }),
    1000,
  );
  return () => {
    observer.disconnect();
    window.removeEventListener('popstate', schedule);
    window.removeEventListener('hashchange', schedule);
    clearInterval(urlPoll);
    if (timer !== undefined) clearTimeout(timer);
  };
}
