import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * While the panel is open: Escape anywhere on the page closes it, as do a press outside the badge
 * and focus moving out of it (Tab past its last control, a click into the composer). `close`
 * gets whether focus should return to the chip (only when it was inside the badge).
 */
export function usePanelDismiss(open: boolean, chipRef: RefObject<HTMLElement>, close: (refocus: boolean) => void, reposition: () => void): void {
  useEffect(() => {
    if (!open) return;
    const root = chipRef.current?.getRootNode();
    const shadow = root instanceof ShadowRoot ? root : null;
    const host = shadow?.host ?? null;
    const inside = (event: Event) => !!host && event.composedPath().includes(host);
    const onPointer = (event: PointerEvent) => {
      if (host && !inside(event)) close(false);
    };
    // Keys inside the badge never reach the page (badge-host.ts): this sees the page's own.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !inside(event)) close(false);
    };
    let pending: ReturnType<typeof setTimeout> | undefined;
    const onFocusOut = () => {
      clearTimeout(pending);
      // Where focus lands is known only after the event: inside the badge, nothing to do.
      // Focus dropped to the body (a control inside went disabled or away) has not gone anywhere: stay open.
      pending = setTimeout(() => {
        const active = document.activeElement;
        if (shadow && !shadow.activeElement && active && active !== document.body && document.hasFocus()) close(false);
      }, 0);
    };
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey, true);
    shadow?.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimeout(pending);
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey, true);
      shadow?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);
}
