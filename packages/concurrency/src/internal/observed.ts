/**
 * A rejection handler that does nothing, for a promise whose outcome is handled elsewhere (the loser of
 * a race): attaching it keeps Node from reporting the rejection as unhandled.
 */
export function observed(): void {
  // Deliberately empty: the error is reported through the promise that won the race.
}
