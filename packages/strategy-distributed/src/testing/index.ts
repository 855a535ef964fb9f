// `@waitless/strategy-distributed/testing`: a real redis-server for tests and benchmarks of the distributed strategy.
export { startRedisServer, hasRedisServer, type RedisServer, type RedisServerOptions } from './redis-server';
