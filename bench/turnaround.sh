#!/usr/bin/env bash
# Closed-loop turnaround: slot freed -> next request written (issue 10, goal 4: p50 < 100 us, p99 < 1 ms).
# How: one mock (MOCK_ARGS, default --ttft 5 --itl 1, so the client idles between answers as against a real server)
# logs each request's arrival, its connection and when it wrote the end of each response. For each concurrency a
# non-streaming `aiperf profile` of REQUESTS requests (--osl 1); bench/TurnaroundReport.java prints p50/p90/p99/max
# (us) of: the mock's slot turnaround (k-th arrival - (k-C)-th response end), the same per connection, and from
# profile_export.jsonl our own (k-th request_write_ns / request_start_ns - (k-C)-th request_end_ns).
# The mock's figure includes the loopback both ways; ours starts when we saw the end.
# Usage: bench/turnaround.sh [LEVELS...]   (default: 1 4)   env: REQUESTS (1000), MOCK_ARGS ("--ttft 5 --itl 1"),
# ISL (32), WORKERS (aiperf's default).
# Needs a build (mvn -q -DskipTests package). Artifacts in bench/out/turnaround-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init turnaround
levels=("$@"); [ ${#levels[@]} -eq 0 ] && levels=(1 4)
workers_opt=(); [ -n "${WORKERS:-}" ] && workers_opt=(--workers-max "$WORKERS")
# shellcheck disable=SC2086
start_mock ${MOCK_ARGS:---ttft 5 --itl 1}

printf '%-5s %-20s %6s %9s %9s %9s %9s\n' conc "measure (us)" n p50 p90 p99 max
for conc in "${levels[@]}"; do
  run="$out/c$conc"
  mock_clear
  $(client_cmd) "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$mock_port" --endpoint-type chat \
      --isl "${ISL:-32}" --osl 1 --tokenizer builtin --concurrency "$conc" --request-count "${REQUESTS:-1000}" \
      --artifact-dir "$run" --ui none "${workers_opt[@]}" > "$run.console.txt" 2>&1 \
    || { echo "aiperf failed at concurrency $conc; see $run.console.txt" >&2; exit 1; }
  mock_log "$run.mock-requests.json"
  java -cp "$jar" "$root/bench/TurnaroundReport.java" "$conc" "$run.mock-requests.json" "$run/profile_export.jsonl"
done
echo "goal: p50 < 100 us, p99 < 1,000 us; $(cat "$out/load.txt")"
echo "artifacts: $out"
