import type { IncomingHttpHeaders } from 'node:http';
import { jsonResponse, textResponse, type FixtureResponse } from './fixture-response';
import { POKEMON_COUNT, type PokemonCatalog } from './pokemon-catalog';

/** What a route needs to know about a request. */
export interface RouteRequest {
  method: string;
  /** Path without query string. */
  path: string;
  query: URLSearchParams | undefined;
  headers: IncomingHttpHeaders;
  /** Raw request body; only read for routes where {@link routeNeedsBody} is true. */
  body: string;
}

/** Every route the fixture serves, as listed in 404 answers. */
export const FIXTURE_ROUTES: readonly string[] = [
  'GET /api/v2/pokemon/:idOrName',
  'GET /api/v2/pokemon?limit=&offset=',
  'ANY /echo',
  'GET /text',
  'GET /__stats',
  'POST /__reset',
];

const POKEMON_PREFIX = '/api/v2/pokemon/';
const LIST_PATH = '/api/v2/pokemon';
const DEFAULT_LIMIT = 20;
const NOT_FOUND = Buffer.from(JSON.stringify({ detail: 'Not found.' }));
const READ_METHODS = 'GET, HEAD';

/** True when the route reads the request body (only `/echo`). */
export function routeNeedsBody(path: string): boolean {
  return path === '/echo';
}

/**
 * Answers the data routes (pokemon, list, echo, text, and the helpful 404).
 * `baseUrl` (e.g. `http://127.0.0.1:4000`) makes list URLs absolute to this server.
 */
export function routeRequest(req: RouteRequest, catalog: PokemonCatalog, baseUrl: string): FixtureResponse {
  const { method, path } = req;
  if (path === '/echo') return echo(req);

  const isRead = method === 'GET' || method === 'HEAD';
  if (path.startsWith(POKEMON_PREFIX)) {
    if (!isRead) return methodNotAllowed(method, path, READ_METHODS);
    const idOrName = decodeSegment(path.slice(POKEMON_PREFIX.length).replace(/\/$/, ''));
    const id = idOrName === undefined || idOrName.includes('/') ? undefined : catalog.resolve(idOrName);
    if (id !== undefined) return jsonResponse(200, catalog.body(id));
    if (idOrName !== '') return jsonResponse(404, NOT_FOUND);
    // `/api/v2/pokemon/` is the list, as on PokeAPI.
  } else if (path !== LIST_PATH && path !== '/text' && path !== '/text/') {
    return notFound(method, path);
  }
  if (!isRead) return methodNotAllowed(method, path, READ_METHODS);
  if (path !== LIST_PATH && !path.startsWith(POKEMON_PREFIX)) return textResponse(200, 'hello from fixture');
  return list(req.query, catalog, baseUrl);
}

function list(query: URLSearchParams | undefined, catalog: PokemonCatalog, baseUrl: string): FixtureResponse {
  // Django REST framework's LimitOffsetPagination, which PokeAPI uses: bad values fall back.
  const limit = positiveInt(query?.get('limit'), true) ?? DEFAULT_LIMIT;
  const offset = positiveInt(query?.get('offset'), false) ?? 0;
  const base = `${baseUrl}${LIST_PATH}/`;
  const results: Array<{ name: string; url: string }> = [];
  for (let id = offset + 1; id <= Math.min(POKEMON_COUNT, offset + limit); id++) {
    results.push({ name: catalog.nameOf(id), url: `${base}${id}/` });
  }
  const next = offset + limit < POKEMON_COUNT ? `${base}?offset=${offset + limit}&limit=${limit}` : null;
  let previous: string | null = null;
  if (offset > 0) previous = offset - limit <= 0 ? `${base}?limit=${limit}` : `${base}?offset=${offset - limit}&limit=${limit}`;
  return jsonResponse(200, { count: POKEMON_COUNT, next, previous, results });
}

function positiveInt(raw: string | null | undefined, strict: boolean): number | undefined {
  if (raw == null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  if (strict && n === 0) return undefined;
  return Number.isSafeInteger(n) ? n : undefined;
}

function echo(req: RouteRequest): FixtureResponse {
  return jsonResponse(200, {
    method: req.method,
    path: req.path,
    query: req.query ? Object.fromEntries(req.query) : {},
    headers: req.headers,
    body: req.body,
  });
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function methodNotAllowed(method: string, path: string, allow: string): FixtureResponse {
  return jsonResponse(405, { error: `Method ${method} is not allowed on ${path}. Use ${allow}.` }, { Allow: allow });
}

/** The helpful 404 for paths that are not fixture routes. */
export function notFound(method: string, path: string): FixtureResponse {
  return jsonResponse(404, {
    detail: 'Not found.',
    error: `No fixture route for ${method} ${path}. Routes: ${FIXTURE_ROUTES.join(', ')}.`,
    routes: FIXTURE_ROUTES,
  });
}
