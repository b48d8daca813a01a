// Regenerates utils/core/models/catalog.generated.ts from the installed @pydantic/genai-prices:
//   npm run -s models:catalog
// Run after upgrading the library; scripts/catalog.test.ts fails until the file matches it.
import { writeFileSync } from 'node:fs';
import { buildCatalog, catalogSource } from '@/scripts/catalog-from-genai-prices';

const target = new URL('../utils/core/models/catalog.generated.ts', import.meta.url);
writeFileSync(target, catalogSource());
const { models, excluded } = buildCatalog();
console.log(`wrote ${models.length} models (${excluded.length} left out) to utils/core/models/catalog.generated.ts`);
