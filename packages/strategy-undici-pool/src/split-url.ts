import { urlForMessage } from '@waitless/core/plugin';

/** An absolute URL cut into the pool key (`http://host:port`) and the request target (`/path?query`). */
export interface OriginAndPath {
  origin: string;
  path: string;
}

const SLASH = 47;
const QUESTION = 63;
const HASH = 35;
const AT = 64;
const BACKSLASH = 92;

/**
 * Splits `url` for a per-origin pool without building a `URL` object for ordinary `http(s)://host/path`
 * URLs, which is what the hot path sees; anything unusual (credentials, backslashes, uppercase scheme)
 * goes through the WHATWG parser. Throws a `TypeError` naming the URL when it is not absolute http(s).
 * @example splitUrl('http://127.0.0.1:8080/api?x=1') // { origin: 'http://127.0.0.1:8080', path: '/api?x=1' }
 */
export function splitUrl(url: string): OriginAndPath {
  const hostStart = url.startsWith('http://') ? 7 : url.startsWith('https://') ? 8 : -1;
  if (hostStart === -1) return parseWithUrl(url);
  let hostEnd = hostStart;
  for (; hostEnd < url.length; hostEnd++) {
    const char = url.charCodeAt(hostEnd);
    if (char === SLASH || char === QUESTION || char === HASH) break;
    if (char === AT || char === BACKSLASH) return parseWithUrl(url);
  }
  if (hostEnd === hostStart) return parseWithUrl(url);
  const hash = url.indexOf('#', hostEnd);
  const target = hash === -1 ? url.slice(hostEnd) : url.slice(hostEnd, hash);
  return { origin: url.slice(0, hostEnd), path: target === '' ? '/' : target.charCodeAt(0) === SLASH ? target : `/${target}` };
}

function parseWithUrl(url: string): OriginAndPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Invalid URL "${urlForMessage(url)}": undici-pool needs an absolute http:// or https:// URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`Unsupported URL "${urlForMessage(url)}": undici-pool speaks http:// and https:// only.`);
  }
  if (parsed.username || parsed.password) {
    throw new TypeError(`URL "${urlForMessage(url)}" carries credentials: send them in an Authorization header instead.`);
  }
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
}
