import * as z from 'zod/mini';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import { withoutForeignModels, withSiteKeysNormalised } from '@/utils/core/settings/settings-sites';

/**
 * Turns any stored document into valid Settings, keeping every part that is valid.
 *
 * A strict parse would throw away the user's limits because one site entry is
 * corrupt. Instead we descend: objects are repaired field by field, records entry
 * by entry (a bad entry is dropped), and a field that can't be repaired falls back
 * to its default. `damage` lists the paths that were dropped or reset.
 *
 * Site keys are normalised first (one entry per site, the user's explicit choices kept when
 * two spellings are merged), and a site model of a provider the site doesn't serve is reset.
 */
export function repairSettings(doc: unknown): { settings: Settings; damage: string[] } {
  const damage: string[] = [];
  const normalised = withSiteKeysNormalised(doc);
  damage.push(...normalised.merged.map((key) => `sites.${key} (merged)`));
  const repaired = repair(settingsSchema, normalised.doc, '', damage);
  // The root schema has a default for every field, so repair() always succeeds here.
  const checked = withoutForeignModels(repaired.ok ? (repaired.value as Settings) : settingsSchema.parse({}));
  damage.push(...checked.dropped);
  return { settings: checked.settings, damage };
}

type Repaired = { ok: true; value: unknown } | { ok: false };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The core classes: instanceof matches schemas built with zod/mini and classic zod alike.
function unwrapDefault(schema: z.ZodMiniType): z.ZodMiniType {
  let s = schema;
  while (s instanceof z.core.$ZodDefault) s = s._zod.def.innerType as z.ZodMiniType;
  return s;
}

function repair(schema: z.ZodMiniType, value: unknown, path: string, damage: string[]): Repaired {
  const direct = schema.safeParse(value);
  if (direct.success) return { ok: true, value: direct.data };

  const inner = unwrapDefault(schema);
  if (inner instanceof z.core.$ZodObject && isObject(value)) {
    const shape = inner._zod.def.shape as Record<string, z.ZodMiniType>;
    const out: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries(shape)) {
      const field = repair(fieldSchema, value[key], join(path, key), damage);
      if (!field.ok) return fallBack(schema, path, damage);
      if (field.value !== undefined) out[key] = field.value;
    }
    const whole = z.safeParse(inner, out);
    if (whole.success) return { ok: true, value: whole.data };
  } else if (inner instanceof z.core.$ZodRecord && isObject(value)) {
    const keyType = inner._zod.def.keyType as z.ZodMiniType;
    const valueType = inner._zod.def.valueType as z.ZodMiniType;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const entryPath = join(path, key);
      if (!keyType.safeParse(key).success) {
        damage.push(entryPath);
        continue;
      }
      const fixed = repair(valueType, entry, entryPath, damage);
      if (fixed.ok) out[key] = fixed.value;
      else damage.push(entryPath);
    }
    const whole = z.safeParse(inner, out);
    if (whole.success) return { ok: true, value: whole.data };
  }
  return fallBack(schema, path, damage);
}

function fallBack(schema: z.ZodMiniType, path: string, damage: string[]): Repaired {
  const byDefault = schema.safeParse(undefined);
  if (!byDefault.success) return { ok: false };
  damage.push(path || '(root)');
  return { ok: true, value: byDefault.data };
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
