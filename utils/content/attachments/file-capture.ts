import type { PageEvents } from '@/utils/content/page/page-events';

/**
 * Files reach a page three ways: its file picker (an input[type=file] changing, also inside open
 * shadow roots: the input event is composed, so its path starts at the input), a drop, and a
 * paste. The listeners are the page's one set (page-events.ts), in the capture phase, so they see
 * the same File objects the site does, before it does.
 */

const isEditable = (el: EventTarget | undefined) => el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement);

/** The files a picker event carries: its input is the first target on the event's path. */
export function pickedFiles(event: Event): File[] {
  const input = event.composedPath()[0];
  return input instanceof HTMLInputElement && input.type === 'file' && input.files ? [...input.files] : [];
}

/**
 * Calls `onFiles` with each batch of files the page receives. A drop counts only when the site
 * took it (it cancels the drop; an untaken file drop would open the file instead); a paste when
 * the site took it or it went into a text field.
 */
export function captureFiles(events: PageEvents, onFiles: (files: File[]) => void, later: (fn: () => void) => void = (fn) => setTimeout(fn, 0)): () => void {
  const seen = new WeakSet<File>();
  const deliver = (files: File[]) => {
    const fresh = files.filter((f) => !seen.has(f));
    fresh.forEach((f) => seen.add(f));
    if (fresh.length) onFiles(fresh);
  };
  const whenTaken = (event: Event, files: File[], alsoIf: boolean) => {
    if (files.length) later(() => (event.defaultPrevented || alsoIf) && deliver(files));
  };
  const stops = [
    events.on('input', (e) => deliver(pickedFiles(e))),
    events.on('change', (e) => deliver(pickedFiles(e))),
    events.on('drop', (e) => whenTaken(e, [...(e.dataTransfer?.files ?? [])], false)),
    events.on('paste', (e) => whenTaken(e, [...(e.clipboardData?.files ?? [])], isEditable(e.composedPath()[0]))),
  ];
  return () => stops.forEach((stop) => stop());
}
