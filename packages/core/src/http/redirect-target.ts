import type { PreparedRequest } from './prepared-request';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Sent only to the origin the caller addressed, as browsers' fetch does.
const ORIGIN_BOUND_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']);

/**
 * The request to send next when `status` and `headers` (lowercased names) are a redirect Waitless follows,
 * or undefined when they are not (no `Location`, or one that is not http(s): the response then stands as is).
 * Follows fetch's rules: 303, and 301/302 after a POST, continue as a body-less GET; credentials and cookies are
 * dropped when the redirect leaves the origin. Counting redirects against `maxRedirects` is the caller's job.
 * @example const next = redirectTarget(prepared, 301, { location: '/elsewhere' }); // { ...prepared, url: 'http://host/elsewhere' }
 */
export function redirectTarget(prepared: PreparedRequest, status: number, headers: Record<string, string>): PreparedRequest | undefined {
  const location = headers['location'];
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  let target: URL;
  try {
    target = new URL(location, prepared.url);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
  const dropBody = (status === 303 && prepared.method !== 'HEAD') || ((status === 301 || status === 302) && prepared.method === 'POST');
  const leavesOrigin = target.origin !== new URL(prepared.url).origin;
  const headersToKeep = Object.entries(prepared.headers).filter(([name]) => {
    const lower = name.toLowerCase();
    return !(leavesOrigin && ORIGIN_BOUND_HEADERS.has(lower)) && !(dropBody && BODY_HEADERS.has(lower));
  });
  target.hash = '';
  return {
    ...prepared,
    url: target.href,
    method: dropBody ? 'GET' : prepared.method,
    headers: Object.fromEntries(headersToKeep),
    body: dropBody ? undefined : prepared.body,
  };
}
