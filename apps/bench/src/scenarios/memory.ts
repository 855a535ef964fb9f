// Memory scenario child: streams `items` GETs through mapStream and samples this process's RSS.
import { mapStream } from '@waitless/concurrency';
import type { MemoryArgs, MemoryMeasurement } from '../scenario-protocol';
import { pikachuUrl } from './fan-out';
import { range } from './range';
import { runAsScenario } from './run-as-scenario';
import { withClient } from './with-client';

const BYTES_PER_MB = 1024 * 1024;

runAsScenario<MemoryArgs, MemoryMeasurement>((args) =>
  withClient(args.client, args.concurrency, async (client) => {
    const url = pikachuUrl(args.url);
    const rssMb = (): number => process.memoryUsage.rss() / BYTES_PER_MB;
    const rssStartMb = rssMb();
    let peakRssMb = rssStartMb;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb())), args.sampleEveryMs);
    sampler.unref();

    const tenth = Math.max(1, Math.floor(args.items / 10));
    let rssAt10PctMb = 0;
    let done = 0;
    const startedAt = performance.now();
    try {
      const results = mapStream(range(args.items), (_item, signal) => client.get(url, signal), { concurrency: args.concurrency });
      while (!(await results.next()).done) {
        if (++done === tenth) rssAt10PctMb = rssMb();
      }
    } finally {
      clearInterval(sampler);
    }
    const wallMs = performance.now() - startedAt;
    const rssEndMb = rssMb();
    peakRssMb = Math.max(peakRssMb, rssAt10PctMb, rssEndMb);
    return { client: args.client, items: done, concurrency: args.concurrency, rssStartMb, peakRssMb, rssAt10PctMb, rssEndMb, wallMs };
  }),
);
