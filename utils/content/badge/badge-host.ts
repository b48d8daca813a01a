export const BADGE_TAG = 'tokentally-badge';

/**
 * Creates the `<tokentally-badge>` shadow host with the badge stylesheet. The shadow
 * root is closed to page scripts' casual querying but tests read the host's data-*
 * attributes, which are the public contract.
 */
export function createBadgeHost(css: string): { host: HTMLElement; mount: HTMLElement } {
  const host = document.createElement(BADGE_TAG);
  host.setAttribute('data-state', 'loading');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  // Keys typed in the badge's controls must not reach the site's shortcuts
  // ("type anywhere to focus the composer", Enter to send).
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
  return { host, mount };
}

/** Puts the badge right after the field, inline; returns false if the field has no parent. */
export function placeBadgeHost(host: HTMLElement, field: Element): boolean {
  // Never inside an editable region: the badge would become part of the prompt.
  let anchor: Element = field;
  while (anchor.parentElement && (anchor.parentElement as HTMLElement).isContentEditable) anchor = anchor.parentElement;
  if (!anchor.parentElement) return false;
  if (host.previousElementSibling === anchor && host.isConnected) return true;
  anchor.insertAdjacentElement('afterend', host);
  return true;
}
