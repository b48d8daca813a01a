/**
 * One spelling per site. Settings are keyed by host, and a host arrives from many places
 * (a tab's URL, a settings file, the synced copy another browser wrote): "CHATGPT.COM",
 * "www.chatgpt.com" and "chatgpt.com" are one site, so every key is made and looked up through
 * normaliseHost.
 */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.+$/, '').replace(/^www\./, '');
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);

/** A normalised hostname ("chatgpt.com", "localhost"): never a URL, a path, or an Object property name. */
export function isSiteHost(key: string): boolean {
  return HOSTNAME.test(key) && normaliseHost(key) === key && !(key in Object.prototype);
}
