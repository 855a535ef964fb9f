import type { ServerResponse } from 'node:http';
import type { RunSink } from './run-manager';

const KEEP_ALIVE_MS = 15_000;

/**
 * Turns a raw response into a Server-Sent Events stream of run events, one JSON object per
 * `data:` message. `onClientGone` fires once if the client disconnects before {@link RunSink.end}.
 */
export function openSseStream(res: ServerResponse, onClientGone: () => void): RunSink {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': stream open\n\n');
  let ended = false;
  // Comments keep proxies from closing a quiet stream (a long blocking request sends nothing).
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();
  res.on('close', () => {
    clearInterval(keepAlive);
    if (!ended) {
      ended = true;
      onClientGone();
    }
  });
  return {
    send(event) {
      if (!ended) res.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    end() {
      if (ended) return;
      ended = true;
      clearInterval(keepAlive);
      res.end();
    },
  };
}
