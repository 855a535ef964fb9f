import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Turns what a user passes to `toThread` into the absolute path a worker requires: `file:` URLs and
 * absolute paths as they are, package names resolved from the current directory first (the app's
 * packages), then from this package.
 */
export function resolveModuleSpecifier(specifier: string): string {
  if (specifier.startsWith('file:')) return fileURLToPath(specifier);
  if (path.isAbsolute(specifier)) return specifier;
  if (specifier.startsWith('.')) {
    throw new TypeError(
      `toThread cannot resolve the relative specifier "${specifier}": a worker has no "current module". ` +
        `Pass an absolute path (e.g. require.resolve('${specifier}') or path.join(__dirname, …)), a file: URL or a package name.`,
    );
  }
  for (const from of [process.cwd(), __dirname]) {
    try {
      return require.resolve(specifier, { paths: [from] });
    } catch {
      // Try the next place; the error below names them all.
    }
  }
  throw new TypeError(
    `toThread cannot find the package "${specifier}" from ${process.cwd()} or ${__dirname}. ` +
      'Install it, or pass an absolute path or a file: URL.',
  );
}
