import type { PageState } from '@/utils/core/page/page-state';
import { findFields } from '@/utils/content/page/find-fields';
import { allOfFirstMatch, closestOfList } from '@/utils/content/page/dom-query';
import { composerContainerOf } from '@/utils/content/page/fallback-composer';
import { readingText } from '@/utils/core/page/site-health-text';

/**
 * "Copy diagnostics": a structure-only summary of the composer area and the thread, for a bug
 * report when a site's layout changed. It holds element names, roles, attribute names and
 * counts, and no text: no text nodes, and no attribute values except a few whose values are
 * fixed keywords (role, type, contenteditable, aria-hidden...), so nothing the user typed or
 * the model wrote can be in it.
 */

/** Attributes whose values are keywords, never free text. */
const KEYWORD_ATTRIBUTES = new Set(['role', 'type', 'contenteditable', 'aria-hidden', 'aria-busy', 'aria-expanded', 'aria-disabled', 'aria-haspopup']);
const MAX_DEPTH = 9;
const MAX_LINES = 300;

function signature(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const keywords: string[] = [];
  const names: string[] = [];
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (KEYWORD_ATTRIBUTES.has(name) && /^[a-z-]{1,20}$/i.test(attr.value)) keywords.push(`${name}=${attr.value.toLowerCase()}`);
    else if (/^[a-z][a-z0-9_:.-]{0,60}$/i.test(name)) names.push(name);
  }
  names.sort();
  return [tag, ...keywords, names.length ? `[${names.join(' ')}]` : ''].filter(Boolean).join(' ');
}

/** An indented outline of `root`, runs of alike siblings folded into one line with a count. */
export function structureOutline(root: Element, maxDepth = MAX_DEPTH): string[] {
  const lines: string[] = [];
  const visit = (el: Element, depth: number) => {
    if (lines.length >= MAX_LINES) return;
    const children = Array.from(el.children).filter((c) => c.tagName !== 'TOKENTALLY-BADGE' && c.tagName !== 'SCRIPT' && c.tagName !== 'STYLE');
    for (let i = 0; i < children.length && lines.length < MAX_LINES; ) {
      const first = children[i]!;
      const sig = signature(first);
      let run = 1;
      while (i + run < children.length && signature(children[i + run]!) === sig) run++;
      lines.push(`${'  '.repeat(depth)}${sig}${run > 1 ? ` ×${run}` : ''}`);
      if (depth + 1 < maxDepth) visit(first, depth + 1);
      else if (first.children.length) lines.push(`${'  '.repeat(depth + 1)}… ${first.querySelectorAll('*').length} more elements`);
      i += run;
    }
  };
  lines.push(signature(root));
  visit(root, 1);
  if (lines.length >= MAX_LINES) lines.push('… (cut)');
  return lines;
}

/** The chain of ancestors from <body> down to `el`, as signatures. */
function ancestry(el: Element): string {
  const chain: string[] = [];
  for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) chain.unshift(signature(node));
  return chain.join(' > ');
}

/** The smallest element holding all of `elements`. */
function commonAncestor(elements: Element[]): Element | null {
  let common: Element | null = elements[0] ?? null;
  for (const el of elements.slice(1)) {
    while (common && !common.contains(el)) common = common.parentElement;
  }
  return common;
}

export function diagnosticsReport(state: PageState, now = Date.now()): string {
  const { adapter, health } = state;
  const field = (document.activeElement && findFields(adapter).find((f) => f.contains(document.activeElement))) || findFields(adapter)[0] || null;
  const container = field ? (closestOfList(field, adapter.selectors.composerContainer) ?? composerContainerOf(field)) : null;
  const messages = allOfFirstMatch(adapter.selectors.userMessage).concat(allOfFirstMatch(adapter.selectors.assistantMessage));
  const thread = messages.length ? commonAncestor(messages) : (document.querySelector('main') ?? document.body);
  const roles = Object.entries(health.roles).map(([role, reading]) => `${role}=${reading}`).join(', ') || 'none yet';
  const lines = [
    `TokenTally diagnostics (structure only: element names, roles, attribute names, counts; no text)`,
    `Site: ${adapter.name} (${adapter.id}), path shape: ${location.pathname.replace(/[^/]{12,}/g, ':id')}`,
    `Reading: ${health.reading} since ${new Date(health.since).toISOString()} (${readingText(health.reading, adapter.name)})`,
    `Roles: ${roles}`,
    `Adapter matches: ${Object.entries(adapter.selectors)
      .map(([role, list]) => `${role}=${(list as string[]).findIndex((s) => { try { return !!document.querySelector(s); } catch { return false; } })}`)
      .join(', ')} (index of the first selector that matches, -1 none)`,
    `Captured: ${new Date(now).toISOString()}`,
    '',
    '## Composer area',
    ...(field ? [`path: ${ancestry(field)}`, ...structureOutline(container ?? field)] : ['(no composer found)']),
    '',
    `## Thread (${messages.length} messages matched)`,
    ...(thread ? structureOutline(thread, 7) : ['(none)']),
  ];
  return lines.join('\n');
}

/** Copies the report to the clipboard (called from a click, so the page has user activation). */
export async function copyDiagnostics(state: PageState): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(diagnosticsReport(state));
    return true;
  } catch {
    return false;
  }
}
