/**
 * A base URL without its trailing slashes, so that `${baseUrl}/path` always has exactly one slash
 * between the two. Config, the CLI's `--base-url` and every helper that joins a path onto a base URL
 * use it, so they all agree on the same spelling.
 *
 * @example
 * normalizeBaseUrl('http://127.0.0.1:8080//'); // 'http://127.0.0.1:8080'
 */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}
