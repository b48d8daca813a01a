import type { DomChangeLog } from '@/utils/content/page/dom-change-log';
import type { ClockTask, PageClock } from '@/utils/content/page/page-clock';
import { CONFIRM_SITE_SEND_MS } from '@/utils/content/recording/turn-machine';

/**
 * Keeps the change log filing while the person has a draft in the composer. A draft the site
 * takes on its own (a 'site' send) is found in the thread by what changed since the draft
 * appeared, so the log keeps it until well after the draft went: each time a draft goes, the
 * hold is looked at again once a 'site' send would have been confirmed or dropped.
 */

const RELEASE_AFTER_MS = CONFIRM_SITE_SEND_MS + 1000;

export class DraftHold {
  private markAt: number | null = null;
  /** When each pending look at the hold is due, oldest first. */
  private readonly reviews: number[] = [];
  private readonly task: ClockTask;

  constructor(
    private readonly log: DomChangeLog,
    clock: PageClock,
    /** The field with the person's draft, while there is one. */
    private readonly draftField: () => HTMLElement | null,
  ) {
    this.task = clock.task(() => this.due());
  }

  /** The change-log position when the draft appeared; null without a draft. */
  get mark(): number | null {
    return this.markAt;
  }

  change(present: boolean): void {
    if (present && this.markAt === null) {
      this.log.hold('draft');
      this.markAt = this.log.mark();
    } else if (!present) {
      this.reviews.push(Date.now() + RELEASE_AFTER_MS);
      this.task.runIn(RELEASE_AFTER_MS);
    }
  }

  stop(): void {
    this.task.cancel();
    this.log.release('draft');
  }

  private due(): void {
    const now = Date.now();
    while (this.reviews.length && this.reviews[0]! <= now) {
      this.reviews.shift();
      this.review();
    }
    if (this.reviews.length) this.task.runIn(this.reviews[0]! - now);
  }

  private review(): void {
    if (this.markAt !== null && !this.draftField()) {
      this.log.release('draft');
      this.markAt = null;
    }
  }
}
