import type { ThreadCall } from './thread-pool';

/** `slowHash() in /app/src/slow-hash.ts`: how every error of this package names the call it is about. */
export function describeCall(call: Pick<ThreadCall, 'exportName' | 'modulePath'>): string {
  return `${call.exportName}() in ${call.modulePath}`;
}
