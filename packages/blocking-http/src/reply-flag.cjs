// @ts-check
'use strict';

// The Int32 a `requestSync` caller sleeps on (Atomics.wait) until its helper thread has posted the reply on the
// caller's channel. Shared by both sides (request-helper.ts and request-worker.cjs) so they cannot drift apart.

/** The call is in flight. */
const WAITING = 0;
/** The reply is queued on the caller's channel. */
const REPLIED = 1;

module.exports = { WAITING, REPLIED };
