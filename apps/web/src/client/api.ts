import type { RunParams, StrategyInfo } from '../shared/run-events';

/** A run target the server allows (the embedded fixture server or an allow-listed base URL). */
export interface TargetInfo {
  id: string;
  label: string;
  url: string;
}

/** The server refused a request; `field` names the run input it blamed, when it did. */
export class ApiError extends Error {
  override name = 'ApiError' as const;
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => ({}))) as T & { error?: string; field?: string };
  if (!response.ok)
    throw new ApiError(body.error ?? `${init?.method ?? 'GET'} ${url} answered ${response.status}`, response.status, body.field);
  return body;
}

/** The server's strategy registry: a new plugin shows up here without front-end changes. */
export async function fetchStrategies(): Promise<StrategyInfo[]> {
  return (await getJson<{ strategies: StrategyInfo[] }>('/api/strategies')).strategies;
}

/** Where runs may send their requests. */
export async function fetchTargets(): Promise<TargetInfo[]> {
  return (await getJson<{ targets: TargetInfo[] }>('/api/targets')).targets;
}

/** Creates a run; stream it with `new EventSource(eventsUrl)`. */
export async function createRun(params: RunParams): Promise<{ id: string; eventsUrl: string }> {
  return getJson('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
}

/** Cancels a run; its stream then ends with a `run-end` summarising what settled. False when the server could not be reached. */
export async function cancelRun(id: string): Promise<boolean> {
  try {
    await fetch(`/api/runs/${encodeURIComponent(id)}`, { method: 'DELETE' });
    return true;
  } catch {
    return false;
  }
}
