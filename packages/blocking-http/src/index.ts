export { requestSync } from './request-sync';
