import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { openClient, type BenchClient } from './bench-client';
import { fanOut, pikachuUrl } from './fan-out';

async function main() {
  const [url, clientName, nStr] = process.argv.slice(2);
  const n = Number(nStr ?? 1000);
  const client = (await openClient(clientName as never, { poolSize: 20 })) as BenchClient;
  await fanOut(client, 50, pikachuUrl(url));
  const gcs: Array<{ start: number; dur: number; kind: number }> = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, dur: e.duration, kind: (e as any).detail?.kind ?? -1 });
  });
  obs.observe({ entryTypes: ['gc'] });
  const gaps: Array<{ at: number; gap: number }> = [];
  let last = performance.now();
  const hb = setInterval(() => {
    const t = performance.now();
    if (t - last > 6) gaps.push({ at: last, gap: t - last });
    last = t;
  }, 1);
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await delay(20);
  const t0 = performance.now();
  await fanOut(client, n, pikachuUrl(url, 200));
  const wall = performance.now() - t0;
  await delay(20);
  h.disable();
  clearInterval(hb);
  obs.disconnect();
  await client.close();
  console.log(JSON.stringify({ wall: Math.round(wall), max: h.max / 1e6, p99: h.percentile(99) / 1e6 }));
  for (const g of gaps) {
    const overl = gcs.filter((x) => x.start < g.at + g.gap && x.start + x.dur > g.at);
    console.log(`gap at +${(g.at - t0).toFixed(1)} ms: ${g.gap.toFixed(1)} ms; gc in it: ${overl.map((x) => `k${x.kind} ${x.dur.toFixed(1)}ms`).join(', ')}`);
  }
  const inWin = gcs.filter((x) => x.start >= t0 - 20);
  console.log(`gc during run: ${inWin.length}, total ${inWin.reduce((a, b) => a + b.dur, 0).toFixed(1)} ms, max ${Math.max(0, ...inWin.map((x) => x.dur)).toFixed(1)} ms`);
}
void main();
