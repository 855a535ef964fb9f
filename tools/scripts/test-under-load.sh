#!/usr/bin/env bash
# Runs the README's test command while a CPU hog keeps every core busy, to show the suite asserts what the
# code guarantees rather than how fast this machine is today. Usage: bash tools/scripts/test-under-load.sh [runs]
# (default 1; stops at the first failing run). The hog is one busy-looping node process per core, started before
# the tests and killed when the script ends, whatever way it ends. TEST_COMMAND replaces the test command, e.g.
# TEST_COMMAND='npx nx run fault-matrix:test --skip-nx-cache' for one project under load.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-1}"
cores="$(node -p 'require("node:os").availableParallelism()')"
hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${hogs[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_hogs EXIT INT TERM

for _ in $(seq "$cores"); do
  node -e 'for (;;);' &
  hogs+=("$!")
done
echo "test-under-load: ${#hogs[@]} CPU hogs running (one per core): ${hogs[*]}" >&2

for run in $(seq "$runs"); do
  echo "test-under-load: run $run of $runs" >&2
  # --skip-nx-cache: a cached result would prove nothing about this load.
  if ! bash -c "${TEST_COMMAND:-npm test -- --skip-nx-cache}"; then
    echo "test-under-load: run $run failed" >&2
    exit 1
  fi
done
echo "test-under-load: $runs run(s) green under load" >&2
