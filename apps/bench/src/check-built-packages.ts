import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The bench measures the built packages (their `dist/`), as users install them. Returns one line per
 * `@waitless/*` dependency of the bench that is not built, or whose sources changed after its last
 * build (so the run would measure old code); an empty list when all are current.
 * @example for (const problem of checkBuiltPackages()) console.error(`bench: ${problem}`);
 */
export function checkBuiltPackages(benchDir = path.resolve(__dirname, '..')): string[] {
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(benchDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const problems: string[] = [];
  for (const name of Object.keys(dependencies).filter((n) => n.startsWith('@waitless/'))) {
    let dir: string;
    try {
      dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [benchDir] }));
    } catch {
      problems.push(`${name} is not installed; run \`npm ci\`.`);
      continue;
    }
    const dist = path.join(dir, 'dist');
    if (!existsSync(dist)) {
      problems.push(`${name} is not built (no ${path.relative(process.cwd(), dist)}); run \`npx nx run-many -t build\`.`);
      continue;
    }
    const src = path.join(dir, 'src');
    if (existsSync(src) && newestMtime(src, isSource) > newestMtime(dist, () => true)) {
      problems.push(`${name} has sources newer than its dist/; the run measures the last build. Run \`npx nx run-many -t build\`.`);
    }
  }
  return problems;
}

const isSource = (file: string): boolean => !/\.spec(-d)?\.ts$/.test(file);

function newestMtime(dir: string, include: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, include));
    else if (include(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}
