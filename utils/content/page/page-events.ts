import { reportError } from '@/utils/content/page/guard';

/**
 * The page's one set of event listeners. Each feature that reacts to the person (the badge's
 * fields, the send detector, Clay's run buttons) subscribes here instead of adding listeners of
 * its own. Listeners are on the window in the capture phase, so they run before the site's own
 * handlers (a send is seen before the site clears the composer); each subscriber is guarded, so
 * one failing feature neither throws into the page nor silences the others.
 */

export interface PageEventMap {
  keydown: KeyboardEvent;
  click: MouseEvent;
  input: Event;
  paste: ClipboardEvent;
  focusin: FocusEvent;
  change: Event;
  drop: DragEvent;
}
export type PageEventType = keyof PageEventMap;
type Listener<K extends PageEventType> = (event: PageEventMap[K]) => void;

export interface PageEvents {
  on<K extends PageEventType>(type: K, listener: Listener<K>): () => void;
  stop(): void;
}

const TYPES: readonly PageEventType[] = ['keydown', 'click', 'input', 'paste', 'focusin', 'change', 'drop'];

export function createPageEvents(target: EventTarget = window): PageEvents {
  const listeners = new Map<PageEventType, Set<(event: Event) => void>>(TYPES.map((type) => [type, new Set()]));
  const dispatch = (event: Event) => {
    for (const listener of [...listeners.get(event.type as PageEventType)!]) {
      try {
        listener(event);
      } catch (error) {
        reportError(error);
      }
    }
  };
  for (const type of TYPES) target.addEventListener(type, dispatch, true);
  return {
    on(type, listener) {
      const set = listeners.get(type)!;
      const entry = listener as (event: Event) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
    stop() {
      for (const type of TYPES) target.removeEventListener(type, dispatch, true);
      for (const set of listeners.values()) set.clear();
    },
  };
}
