/**
 * Milliseconds a `Retry-After` header asks for: delay-seconds (`"1"`, `"1.5"`) or an HTTP date
 * (relative to `nowMs`, never negative). Undefined when absent or unparseable.
 */
export function parseRetryAfter(headers: Record<string, string> | undefined, nowMs = Date.now()): number | undefined {
  const value = headerValue(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers[name] !== undefined) return headers[name];
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
