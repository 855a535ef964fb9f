/**
 * How a strategy behaves when many calls run at once. `concurrent`: calls overlap and the event loop
 * stays free. `blocking`: each call holds the calling thread, so calls serialise and the loop stalls.
 */
export type ConcurrencyProfile = 'concurrent' | 'blocking';

/** What a plugin tells the registry about the strategy it adds. */
export interface StrategyDescriptor {
  /** Kebab-case name users type, e.g. `native-async`. */
  name: string;
  /** The npm package that registered it. */
  packageName: string;
  /** One line for `waitless strategies` and the web app. */
  description: string;
  profile: ConcurrencyProfile;
}
