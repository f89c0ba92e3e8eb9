import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The shape of src/ that the README's "Architecture" section describes, held by a test so it cannot drift:
 * imports run one way (no circles, no layer importing a layer above it), and no module keeps
 * mutable state of its own outside the bounded caches.
 */

const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const FILES = sourceFiles(SRC);
const PARSED = new Map(FILES.map(file => [file, ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)]));

/**
 * The files of src/ that `file` loads. `import type` is left out: it is erased at compile time, so
 * it orders no module loading, and two types that name each other (`JsonBody` and `WhenMissing`,
 * whose default is a body) may live in their own files.
 */
function localImports(file: string): string[] {
  const imports: string[] = [];
  for (const statement of PARSED.get(file)!.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), specifier.text);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find(candidate => PARSED.has(candidate));
    if (target !== undefined) imports.push(target);
  }
  return imports;
}

const relative = (file: string) => path.relative(SRC, file);
const layerOf = (file: string) => relative(file).split(path.sep).length > 1 ? relative(file).split(path.sep)[0] : relative(file);

describe('src/ architecture', () => {
  test('the walk finds the source tree', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(localImports(path.join(SRC, 'index.ts')).length).toBeGreaterThan(5);
  });

  test('no import circles', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of localImports(file)) {
        if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].map(relative).join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    FILES.forEach(file => state.has(file) || visit(file));
    expect(circles).toEqual([]);
  });

  test('the lower layers import nothing from the layers above them', () => {
    // What each folder may import besides itself: the bottom layers of the README's "Architecture".
    const allowed: Record<string, string[]> = {
      util: [],
      grammar: ['util'],
      errors: ['util', 'rules'],
      rules: ['util', 'grammar', 'errors', 'response-match.ts'],
    };
    const wrong = FILES.flatMap(file => {
      const may = allowed[layerOf(file)];
      if (may === undefined) return [];
      return localImports(file)
        .filter(target => layerOf(target) !== layerOf(file) && !may.includes(layerOf(target)))
        .map(target => `${relative(file)} imports ${relative(target)}`);
    });
    expect(wrong).toEqual([]);
  });

  test('no module-level mutable state outside the bounded caches', () => {
    // Module-level values that may change: what `let`/`var` declares, and collections the module
    // writes to. Bounded caches are the one allowed kind (util/bounded-cache.ts); per-app state
    // lives on the app (checks/check-state.ts), marks live on the marked objects.
    const BOUNDED = new Set(['BoundedCache', 'FindingsMemo']);
    const MUTATORS = /\.(set|add|delete|clear|push|pop|shift|unshift|splice|sort)\(|\[[^\]]*\]\s*=[^=]/;
    const offenders: string[] = [];
    for (const [file, source] of PARSED) {
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const isConst = statement.declarationList.getText().startsWith('const ');
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name)) continue;
          const name = declaration.name.text;
          if (!isConst) {
            offenders.push(`${relative(file)}: let ${name}`);
            continue;
          }
          const init = declaration.initializer;
          if (init !== undefined && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && BOUNDED.has(init.expression.text)) continue;
          // A scratch buffer that holds nothing between calls (grammar/unknown.ts reads a double's bits).
          if (init !== undefined && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'DataView') continue;
          const writes = source.text.split('\n').filter(line => line.includes(`${name}.`) || line.includes(`${name}[`))
            .filter(line => new RegExp(`\\b${name}(${MUTATORS.source})`).test(line.trim()));
          if (writes.length > 0) offenders.push(`${relative(file)}: ${name} is written (${writes[0].trim()})`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
