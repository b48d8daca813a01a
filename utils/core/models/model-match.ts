/**
 * The model-name matching rules of @pydantic/genai-prices, as data (one rule per catalog model:
 * its dated snapshots, alternative spellings and provider aliases). Evaluated here so the
 * extension can resolve "claude-sonnet-4-5-20250929" or "gpt-4o-2024-08-06" to a catalog model
 * without bundling the library. String tests ignore case, as the library's do.
 */
export type MatchRule =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { and: MatchRule[] }
  | { or: MatchRule[] };

const compiled = new Map<string, RegExp>();

export function matchesRule(rule: MatchRule, id: string): boolean {
  const lower = id.toLowerCase();
  if ('or' in rule) return rule.or.some((r) => matchesRule(r, id));
  if ('and' in rule) return rule.and.every((r) => matchesRule(r, id));
  if ('equals' in rule) return lower === rule.equals.toLowerCase();
  if ('starts_with' in rule) return lower.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return lower.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return lower.includes(rule.contains.toLowerCase());
  let re = compiled.get(rule.regex);
  if (!re) compiled.set(rule.regex, (re = new RegExp(rule.regex)));
  return re.test(id);
}

/** The exact alternative names a rule lists ("equals"), e.g. dated snapshots: shown as aliases. */
export function exactAliases(rule: MatchRule): string[] {
  if ('or' in rule) return rule.or.flatMap(exactAliases);
  if ('equals' in rule) return [rule.equals];
  return [];
}
