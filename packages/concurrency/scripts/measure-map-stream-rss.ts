// Peak RSS of mapStream over many items against the fixture server (0 ms latency) in a child process,
// so only the client's memory is measured. Flat memory means the stream pulls lazily.
// Run: cd /work/main && node --expose-gc --import tsx packages/concurrency/scripts/measure-map-stream-rss.ts [items=1000000] [concurrency=256]
// (plain `npx tsx …` works too; --expose-gc adds the live JS heap after a full GC, which tells retained
// objects apart from memory V8 and the allocator merely keep around.)
import { createWaitless } from '@waitless/core';
import { mapStream } from '../src/index';
import { startFixtureProcess } from '../test/fixture-process';

const MB = 1024 * 1024;

/** JS heap still in use after a full GC, when the process runs with --expose-gc. */
function liveHeapMB(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  return Number((process.memoryUsage().heapUsed / MB).toFixed(1));
}

async function main(): Promise<void> {
  const items = Number(process.argv[2] ?? 1_000_000);
  const concurrency = Number(process.argv[3] ?? 256);
  const server = await startFixtureProcess({ latencyMs: 0 });
  const waitless = createWaitless({ env: {}, inline: { plugins: ['@waitless/strategy-native-async'] } });
  const strategy = waitless.strategy();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  sampler.unref();

  function* ids(): Generator<number> {
    for (let i = 0; i < items; i++) yield (i % 1025) + 1;
  }
  const startRss = process.memoryUsage().rss;
  const started = performance.now();
  let done = 0;
  let rssAt10 = 0;
  let liveHeapAt10: number | undefined;
  for await (const id of mapStream(ids(), async (id, signal) => (await strategy.fetch<{ id: number }>({ url: `${server.url}/api/v2/pokemon/${id}`, signal })).body.id, { concurrency })) {
    if (id < 1) throw new Error('unexpected body');
    done++;
    if (done === Math.floor(items / 10)) {
      rssAt10 = process.memoryUsage().rss;
      liveHeapAt10 = liveHeapMB();
    }
    if (done % 100_000 === 0) console.error(`${done} items, rss ${(process.memoryUsage().rss / MB).toFixed(1)} MB`);
  }
  const seconds = (performance.now() - started) / 1000;
  const endRss = process.memoryUsage().rss;
  peak = Math.max(peak, endRss);
  const liveHeapAtEnd = liveHeapMB();
  const stats = await server.stats();
  clearInterval(sampler);
  await waitless.close();
  await server.close();
  console.log(
    JSON.stringify(
      {
        items: done,
        concurrency,
        seconds: Number(seconds.toFixed(1)),
        requestsPerSecond: Math.round(done / seconds),
        serverMaxInFlight: stats.maxInFlight,
        rssStartMB: Number((startRss / MB).toFixed(1)),
        rssAt10PercentMB: Number((rssAt10 / MB).toFixed(1)),
        rssEndMB: Number((endRss / MB).toFixed(1)),
        rssPeakMB: Number((peak / MB).toFixed(1)),
        liveHeapAt10PercentMB: liveHeapAt10,
        liveHeapEndMB: liveHeapAtEnd,
      },
      null,
      2,
    ),
  );
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
