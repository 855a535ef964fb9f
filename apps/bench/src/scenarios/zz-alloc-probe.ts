import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { openClient, type BenchClient } from './bench-client';
import { fanOut, pikachuUrl } from './fan-out';

async function main() {
  const [url, clientName, nStr, out, mode] = process.argv.slice(2);
  const client = (await openClient(clientName as never, { poolSize: 20 })) as BenchClient;
  await fanOut(client, 50, pikachuUrl(url), 'gather');
  const session = new Session();
  session.connect();
  if (mode === 'cpu') {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  } else {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  }
  await fanOut(client, Number(nStr), pikachuUrl(url, 200), 'gather');
  if (mode === 'cpu') {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
  } else {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(out, JSON.stringify(profile));
  }
  session.disconnect();
  await client.close();
}
void main();
