export { requestSync } from './request-sync';
export { startSharedRequestHelper, stopRequestsOfThread } from './request-helper';
