export { plugin } from './blocking-sync-plugin';
export { BlockingSyncStrategy } from './blocking-sync-strategy';
