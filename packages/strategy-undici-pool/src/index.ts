export { plugin } from './undici-pool-plugin';
export { UndiciPoolStrategy } from './undici-pool-strategy';
export { undiciPoolOptionsSchema, type UndiciPoolOptions } from './undici-pool-options';
