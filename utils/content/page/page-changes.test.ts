// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageChanges, throttledWatch } from '@/utils/content/page/page-changes';
import { DomChangeLog } from '@/utils/content/page/dom-change-log';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let changes: PageChanges | null = null;
afterEach(() => {
  changes?.stop();
  changes = null;
  document.body.innerHTML = '';
});

describe("the page's one observer", () => {
  it('wakes a throttled watcher at most at the start and the end of a burst, and not for attribute changes', async () => {
    changes = new PageChanges(document);
    let runs = 0;
    const stop = throttledWatch(changes, () => runs++, 50);
    for (let i = 0; i < 20; i++) {
      document.body.append(document.createElement('p'));
      await wait(1);
    }
    await wait(120);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(2);
    const afterBurst = runs;
    const log = new DomChangeLog(changes); // attribute changes are observed while a turn holds the log
    log.hold('turn');
    document.body.firstElementChild!.setAttribute('aria-busy', 'true');
    await wait(120);
    expect(runs).toBe(afterBurst);
    document.body.append(document.createElement('p'));
    await wait(120);
    expect(runs).toBe(afterBurst + 1);
    log.release('turn');
    stop();
  });

  it('feeds the change log only while it is held, with attribute flips, and only inside the body', async () => {
    changes = new PageChanges(document);
    const log = new DomChangeLog(changes);
    const flag = document.createElement('div');
    flag.setAttribute('data-streaming', 'true');
    document.body.append(flag);
    log.hold('turn');
    const mark = log.mark();
    const reply = document.createElement('p');
    reply.textContent = 'the reply';
    document.body.append(reply);
    document.head.append(document.createElement('style'));
    flag.setAttribute('data-streaming', 'false');
    expect(log.addedSince(mark)).toEqual([reply]);
    expect(log.flipsSince(mark).map((f) => f.el)).toEqual([flag]);
    log.release('turn');
    const later = log.mark();
    document.body.append(document.createElement('p'));
    expect(log.addedSince(later)).toEqual([]);
  });
});
