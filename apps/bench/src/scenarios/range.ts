/** 0, 1, …, n-1, produced lazily: a million items never exist at once. A bounded source for `mapStream`. */
export function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}
