import type { ClientName, Skipped } from '../scenario-protocol';
import { openClient, type BenchClient } from './bench-client';

/** Opens `name`, runs `use` with it and always closes it; passes `{ skipped }` through untouched. */
export async function withClient<R>(name: ClientName, poolSize: number, use: (client: BenchClient) => Promise<R>): Promise<R | Skipped> {
  const client = await openClient(name, { poolSize });
  if ('skipped' in client) return client;
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}
