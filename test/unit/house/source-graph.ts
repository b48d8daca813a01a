import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The project's own source read as data: which file imports which (runtime imports apart from
 * `import type`), and each function's size. The house rules (house-rules.test.ts) are checked
 * against it, so a newcomer's import that breaks the layout fails the unit suite.
 */

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];
const EXTENSIONS = ['.ts', '.tsx'];

export interface SourceImport {
  /** The imported file, relative to the root ('utils/core/models/cost.ts'), or the package name. */
  target: string;
  /** As written in the file. */
  specifier: string;
  /** False for `import type` and imports whose every name is a type: TypeScript drops those. */
  runtime: boolean;
  line: number;
}

export interface SourceFunction {
  name: string;
  line: number;
  /** Lines of its own: its body less the bodies of the functions nested in it. */
  ownLines: number;
  /** `let` declarations in its own scope (nested functions' lets are theirs). */
  lets: number;
}

export interface SourceFile {
  file: string;
  imports: SourceImport[];
  functions: SourceFunction[];
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.endsWith('.d.ts');

export function listSourceFiles(dirs = SOURCE_DIRS): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = path.posix.join(dir, name);
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (EXTENSIONS.some((ext) => name.endsWith(ext)) && !isTest(rel)) out.push(rel);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

function resolveSpecifier(from: string, specifier: string): string {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return specifier;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)]) {
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return base;
}

function importIsRuntime(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    const clause = node.exportClause;
    return !(clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
  }
  const clause = node.importClause;
  if (!clause) return true; // a side-effect import
  if (clause.isTypeOnly) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings) return true;
  if (ts.isNamespaceImport(bindings)) return true;
  return !(bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly));
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

const isFunctionLike = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node);

export function readSourceFile(file: string): SourceFile {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const imports: SourceImport[] = [];
  const functions: SourceFunction[] = [];

  const spanLines = (node: ts.Node) => lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
  const measure = (fn: ts.FunctionLikeDeclaration) => {
    let nested = 0;
    let lets = 0;
    const visit = (node: ts.Node) => {
      if (isFunctionLike(node) || ts.isClassLike(node)) {
        nested += spanLines(node);
        return;
      }
      if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Let) lets += node.declarations.length;
      ts.forEachChild(node, visit);
    };
    if (fn.body) ts.forEachChild(fn.body, visit);
    functions.push({ name: functionName(fn), line: lineOf(fn.getStart(source)), ownLines: spanLines(fn) - nested, lets });
  };

  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      imports.push({ specifier, target: resolveSpecifier(file, specifier), runtime: importIsRuntime(node), line: lineOf(node.getStart(source)) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const specifier = node.arguments[0].text;
      imports.push({ specifier, target: resolveSpecifier(file, specifier), runtime: true, line: lineOf(node.getStart(source)) });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const specifier = node.argument.literal.text;
      imports.push({ specifier, target: resolveSpecifier(file, specifier), runtime: false, line: lineOf(node.getStart(source)) });
    }
    if (isFunctionLike(node)) measure(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, imports, functions };
}

export function readSources(dirs = SOURCE_DIRS): Map<string, SourceFile> {
  return new Map(listSourceFiles(dirs).map((file) => [file, readSourceFile(file)]));
}

/** Strongly connected groups (Tarjan) of more than one node, or a node importing itself. */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || edges.get(v)?.has(v)) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) connect(v);
  return out;
}
