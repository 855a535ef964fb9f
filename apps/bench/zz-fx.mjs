import { startFixtureServerProcess } from '@waitless/fixture-server';
const f = await startFixtureServerProcess();
console.log(f.url);
process.on('SIGTERM', async () => { await f.close(); process.exit(0); });
setInterval(() => {}, 1 << 30);
