import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { allOfFirstMatch, outermost, styleOf } from '@/utils/content/page/dom-query';
import { threadRootOf } from '@/utils/content/page/fallback-thread';
import { judgeControlClick, type ControlVerdict, type LayerFacts } from '@/utils/content/page/control-geometry';

/**
 * Where a clicked control sits in the conversation, and whether it looks pressable (the rule
 * is control-geometry.ts; this file only reads the DOM). A regenerate or retry control sits in
 * the last reply's message block or in its action bar right after it; a menu item that such a
 * control opened may live anywhere (sites render menus at the end of the page).
 */

/** The clickable element a click landed in: a button, or an item of a menu. */
export function controlOf(target: Element): Element | null {
  return target.closest('button, [role="button"], input[type="submit"], [role="menuitem"], [role="menuitemradio"], [role="option"]');
}

export function isMenuItem(control: Element): boolean {
  const role = control.getAttribute('role');
  return (role === 'menuitem' || role === 'menuitemradio' || role === 'option') && !!control.closest('[role="menu"], [role="listbox"]');
}

/** A control that opens a menu (the one that may hold "Try again"). */
export function opensMenu(control: Element): boolean {
  const popup = control.getAttribute('aria-haspopup');
  return (!!popup && popup !== 'false') || control.hasAttribute('aria-expanded');
}

function layerOf(el: Element): LayerFacts {
  const style = styleOf(el);
  const rect = el.getBoundingClientRect();
  return {
    box: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
    position: style.position,
    opacity: parseFloat(style.opacity || '1'),
    visibility: style.visibility,
    display: style.display,
    pointerEvents: style.pointerEvents,
  };
}

/** Reads the click's facts off the page and judges them. `target`: what the click landed on. */
export function judgeClickOn(control: Element, target: Element, event: MouseEvent): ControlVerdict {
  const chain: LayerFacts[] = [];
  for (let el: Element | null = target; el; el = el.parentElement) {
    chain.push(layerOf(el));
    if (el === control) break;
  }
  let ancestorOpacity = 1;
  for (let el = control.parentElement; el; el = el.parentElement) ancestorOpacity *= parseFloat(styleOf(el).opacity || '1');
  const view = control.ownerDocument.defaultView ?? window;
  // A keyboard activation (detail 0) has no pointer position.
  const point = event.detail > 0 ? { x: event.clientX, y: event.clientY } : null;
  return judgeControlClick({ chain, ancestorOpacity, point, viewport: { width: view.innerWidth, height: view.innerHeight } });
}

export interface ThreadPlaces {
  adapter: SiteAdapter;
  /** The composer's box: a control in it is never a thread control. */
  composerArea: Element | null;
  /** The last user message this tab recorded, for pages whose messages the adapter can't find. */
  lastUserTurn: Element | null;
}

/** How far up from the reply its block may reach (message, row, turn). */
const BLOCK_LEVELS = 3;

/**
 * The control sits in the last reply's block: inside the reply, or in the element right after
 * it (its action bar), at the reply's level or up to a few levels above, never at a level that
 * also holds a user message or the composer.
 */
function inReplyBlock(reply: Element, control: Element, places: ThreadPlaces, users: Element[]): boolean {
  const holdsOther = (el: Element) => users.some((u) => el.contains(u)) || (!!places.composerArea && el.contains(places.composerArea));
  let node: Element = reply;
  for (let level = 0; level < BLOCK_LEVELS; level++) {
    if (node.contains(control)) return true;
    const next = node.nextElementSibling;
    if (next && next.contains(control) && !holdsOther(next)) return true;
    const parent = node.parentElement;
    if (!parent || parent === node.ownerDocument.body || holdsOther(parent)) return false;
    node = parent;
  }
  return false;
}

/** The control is in the conversation, near the reply a regeneration would replace. */
export function isNearLastReply(control: Element, places: ThreadPlaces): boolean {
  const { adapter, composerArea } = places;
  if (composerArea?.contains(control)) return false;
  const users = outermost(allOfFirstMatch(adapter.selectors.userMessage));
  const reply = outermost(allOfFirstMatch(adapter.selectors.assistantMessage)).at(-1);
  if (reply) return inReplyBlock(reply, control, places, users.filter((u) => !reply.contains(u)));
  // The selector-free view: after the last user message, inside the conversation's part of the page.
  const user = users.at(-1) ?? (places.lastUserTurn?.isConnected ? places.lastUserTurn : null);
  if (!user || user.contains(control)) return false;
  const root = threadRootOf(user, composerArea);
  const after = !!(user.compareDocumentPosition(control) & 4);
  return root !== user && root.contains(control) && after;
}
