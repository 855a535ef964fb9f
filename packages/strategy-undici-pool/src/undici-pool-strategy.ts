import {
  now,
  performCall,
  readLimitedBody,
  type FetchOptions,
  type FetchRequest,
  type FetchResult,
  type FetchStrategy,
  type PreparedRequest,
  type TransportResponse,
} from '@waitless/core/plugin';
import { Pool } from 'undici';
import { splitUrl } from './split-url';
import { toNetworkError } from './to-network-error';
import type { UndiciPoolOptions } from './undici-pool-options';

type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * Non-blocking requests on undici's pooled `request` API: one keep-alive `Pool` per origin (created on first
 * use, `pipelining` 1 by default, up to `connections` sockets), bodies read up to `maxBodyBytes`, redirects
 * followed across origins by core's `performCall`. `close()` closes every pool.
 * @example const strategy = new UndiciPoolStrategy({ connections: 64, pipelining: 1 });
 */
export class UndiciPoolStrategy implements FetchStrategy {
  readonly name = 'undici-pool';
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: UndiciPoolOptions = { connections: 128, pipelining: 1 }) {}

  fetch<TBody = unknown>(request: FetchRequest, options?: FetchOptions): Promise<FetchResult<TBody>> {
    return performCall<TBody>(request, options, (prepared, signal) => this.send(prepared, signal), toNetworkError);
  }

  /** Closes every pool once its in-flight calls finish. Safe to call twice; a later `fetch` opens fresh pools. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  /** Origins with an open pool, for diagnostics and tests. */
  origins(): string[] {
    return [...this.pools.keys()];
  }

  private async send(prepared: PreparedRequest, signal: AbortSignal | undefined): Promise<TransportResponse> {
    const { origin, path } = splitUrl(prepared.url);
    const pool = this.pools.get(origin) ?? this.openPool(origin);
    const response = await pool.request({ path, method: prepared.method, headers: prepared.headers, body: prepared.body, signal });
    const firstByteAt = now();
    const headers = toHeaderRecord(response.headers);
    const text = await readLimitedBody(response.body, prepared, headers['content-length']);
    return { status: response.statusCode, headers, text, firstByteAt };
  }

  private openPool(origin: string): Pool {
    const pool = new Pool(origin, { connections: this.options.connections, pipelining: this.options.pipelining });
    this.pools.set(origin, pool);
    return pool;
  }
}

// undici already lowercases names; only repeated headers (set-cookie) arrive as arrays and need joining.
function toHeaderRecord(headers: ResponseHeaders): Record<string, string> {
  for (const key in headers) {
    if (typeof headers[key] !== 'string') return joinRepeated(headers);
  }
  return headers as Record<string, string>;
}

function joinRepeated(headers: ResponseHeaders): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) joined[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return joined;
}
