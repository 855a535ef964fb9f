import type { RunParams, StrategyInfo } from '../shared/run-events';

/** A run target the server allows (the embedded fixture server or an allow-listed base URL). */
export interface TargetInfo {
  id: string;
  label: string;
  url: string;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${init?.method ?? 'GET'} ${url} answered ${response.status}`);
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

/** Cancels a run (the stream closing does the same). */
export async function cancelRun(id: string): Promise<void> {
  await fetch(`/api/runs/${id}`, { method: 'DELETE' });
}
