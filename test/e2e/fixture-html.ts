import { readFileSync } from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve('test/e2e/fixtures');

const SHARED_SCRIPT = /<script data-fixture-script="([\w.-]+\.js)"><\/script>/g;

/**
 * Reads an HTML fixture from test/e2e/fixtures/ and inlines the shared behaviour scripts it
 * names (`<script data-fixture-script="chat-site.js">`): pages are served at the real site
 * URLs, where a relative script URL would not resolve, and one script serves every site.
 */
export function fixtureHtml(name: string): string {
  const html = readFileSync(path.join(fixturesDir, name), 'utf8');
  return html.replace(SHARED_SCRIPT, (_, script: string) => `<script>\n${readFileSync(path.join(fixturesDir, script), 'utf8')}</script>`);
}
