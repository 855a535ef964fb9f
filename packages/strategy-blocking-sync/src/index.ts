export { BlockingSyncStrategy } from './blocking-sync-strategy';
export { blockingSyncModule } from './blocking-sync-module';
