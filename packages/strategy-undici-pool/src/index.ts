export { UndiciPoolStrategy } from './undici-pool-strategy';
export { undiciPoolModule } from './undici-pool-module';
export { readUndiciPoolOptions, type UndiciPoolOptions } from './undici-pool-options';
