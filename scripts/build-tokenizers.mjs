// Placeholder: the counting engine (issue 3) generates public/tokenizers/ here.
import { mkdirSync } from 'node:fs';
mkdirSync(new URL('../public/tokenizers/', import.meta.url), { recursive: true });
