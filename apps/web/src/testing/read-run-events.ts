import type { RunEvent } from '../shared/run-events';

/**
 * Test helper: opens a run's SSE stream with `fetch` and yields its events as they arrive, until the
 * server ends the stream or `signal` aborts (which disconnects, i.e. cancels the run).
 */
export async function* readRunEvents(url: string, signal?: AbortSignal): AsyncGenerator<RunEvent> {
  const response = await fetch(url, { signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let split: number;
      while ((split = buffer.indexOf('\n\n')) !== -1) {
        const message = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const data = message
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (data) yield JSON.parse(data) as RunEvent;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Creates a run through the API and returns its id and stream URL. */
export async function postRun(baseUrl: string, body: Record<string, unknown>): Promise<{ id: string; eventsUrl: string }> {
  const response = await fetch(`${baseUrl}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { id: string; eventsUrl: string; error?: string };
  if (response.status !== 201) throw new Error(`POST /api/runs answered ${response.status}: ${json.error}`);
  return { id: json.id, eventsUrl: `${baseUrl}${json.eventsUrl}` };
}
