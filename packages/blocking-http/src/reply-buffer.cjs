// @ts-check
'use strict';

// The layout of the SharedArrayBuffer a `requestSync` caller sleeps on and its helper thread writes the reply
// into: two Int32 slots (state, then the reply's length in bytes), then the v8-serialised reply itself.
// Shared by both sides (request-sync.ts and request-worker.cjs) so they cannot drift apart.

/** Bytes before the reply: the state and length slots. */
const HEADER_BYTES = 8;
/** Int32 index of the state, the word the caller waits on. */
const STATE = 0;
/** Int32 index of the reply's length in bytes. */
const LENGTH = 1;
/** The call is in flight. */
const WAITING = 0;
/** The reply is in the buffer. */
const DONE = 1;
/** The reply is `LENGTH` bytes, more than the buffer holds: ask again with a bigger one. */
const TOO_BIG = 2;

module.exports = { HEADER_BYTES, STATE, LENGTH, WAITING, DONE, TOO_BIG };
