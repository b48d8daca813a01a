import { charsOf, type ContentRequestOf, type ContentRequestType } from '@/utils/protocol/content-messages';
import { meterSenderProblem } from '@/utils/core/meters/meter-sender';
import type { RateLimit } from '@/utils/background/messaging/rate-limiter';
import type { ContentSender } from '@/utils/background/messaging/sender';
import { exactCountFromTabProblem, observeFromTabProblem, recordFromTabProblem } from '@/utils/background/messaging/tab-site-check';

/**
 * How far the background trusts each content → background message beyond its schema: a rate
 * per tab, and for messages that name a site, a check against the sending tab's own site.
 */

/**
 * What one tab may send, per message type (a token bucket per tab: `burst` at once, then
 * `perSecond`). `cost` weighs a request (default 1). Generous for any person, tight for a
 * script: a refused request is answered "rate limited" and the sender retries later.
 */
export const CONTENT_RATE_LIMITS: { [T in ContentRequestType]: RateLimit<ContentRequestOf<T>> } = {
  // Weighed by text: one unit per 10,000 characters. Typing costs 1-2 units a keystroke; a
  // 5 MB paste ~520, and the burst lets one request of the most a request may carry through. A
  // tab then keeps 1.5 MB a second: what one counting worker counts of the slowest text (a run
  // of one letter or of spaces, which no tokenizer can cut; prose goes ten times faster), so a
  // tab cannot queue more than the workers clear. Tabs take turns (fair-count-queue.ts).
  count: { burst: 1_100, perSecond: 150, cost: (r) => 1 + Math.ceil(charsOf(r.segments) / 10_000) },
  // Each one is a request to Anthropic with the user's key.
  'count-exact': { burst: 20, perSecond: 2 },
  // One per console run.
  'observe-exact-count': { burst: 10, perSecond: 0.5 },
  // A person sends a turn every few seconds at most; the burst covers an outbox flushed at page start.
  'record-usage': { burst: 30, perSecond: 0.5 },
  // A sent turn is saved at once, again when counted, then every 15 s of its reply (turn-machine.ts).
  'save-turn': { burst: 30, perSecond: 0.5 },
  // A send that came to nothing.
  'drop-turn': { burst: 10, perSecond: 0.5 },
  // Once per page load.
  'page-started': { burst: 5, perSecond: 0.2 },
  // Sent when the page's reading changes; a flapping page is throttled here too.
  'site-health': { burst: 10, perSecond: 0.2 },
  ping: { burst: 10, perSecond: 2 },
  // A page asks on load, after each reply and when shown again; the background allows one read a minute.
  'meter-claim': { burst: 10, perSecond: 0.5 },
  // One report per organization per read (a few), or a Gemini usage page re-rendering.
  'meter-report': { burst: 10, perSecond: 0.5 },
  'meter-notice': { burst: 5, perSecond: 0.1 },
  // Once per page load or settings change, when the background's copy is not yet current.
  settings: { burst: 20, perSecond: 1 },
  // A click in the badge.
  'update-site-settings': { burst: 10, perSecond: 1 },
};

/** Checks that need to know who sent the message. A string is the reason it is refused. */
export const CONTENT_SENDER_CHECKS: { [T in ContentRequestType]?: (request: ContentRequestOf<T>, sender: ContentSender) => string | null } = {
  'record-usage': (request, sender) => recordFromTabProblem(request.event, sender),
  'save-turn': (request, sender) => recordFromTabProblem(request.event, sender),
  // A tab reads and reports its own site's meter only.
  'meter-claim': (request, sender) => meterSenderProblem(request.site, sender.host),
  'meter-report': (request, sender) => meterSenderProblem(request.report.site, sender.host),
  'meter-notice': (_, sender) => meterSenderProblem('chatgpt', sender.host),
  'observe-exact-count': (request, sender) => observeFromTabProblem(request.modelId, sender),
  // Each one spends the user's Anthropic key: from a Claude site, for a Claude model.
  'count-exact': (request, sender) => exactCountFromTabProblem(request.modelId, sender),
};
