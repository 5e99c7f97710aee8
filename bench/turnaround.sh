#!/usr/bin/env bash
# Closed-loop turnaround: slot freed -> next request written (issue 10, goal 4: p50 < 100 us, p99 < 1 ms).
# How: one mock (MOCK_ARGS, default --ttft 5 --itl 1, so the client idles between answers as against a real server),
# warmed by MOCK_WARMUP s of wrk, logs each request's arrival, its connection and when it wrote the end of each
# response. For each concurrency a non-streaming `aiperf profile` of REQUESTS requests (--osl 1);
# bench/TurnaroundReport.java prints p50/p90/p99/max (us) of
#   mock_slot          the mock's slot turnaround: k-th arrival - (k-C)-th response end (its clock; includes the
#                      loopback both ways and our reading of the answer)
#   mock_connection    per connection: a request's arrival - the previous response's end on that connection
#   ours_end_to_write  from profile_export.jsonl: k-th request_write_ns - (k-C)-th request_end_ns
#   ours_end_to_start  the same with request_start_ns (credit taken)
#   ours_same_worker   per worker JVM: its requests' ends -> its next starts, for runs with several workers
# Usage: bench/turnaround.sh [LEVELS...]   (default: 1 4)   env: REQUESTS (1000), MOCK_ARGS ("--ttft 5 --itl 1"),
# ISL (32), MOCK_WARMUP (s, 2), WORKERS (aiperf's default).
# Needs a build (mvn -B -q -DskipTests package) and wrk. Artifacts in bench/out/turnaround-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk
bench_init turnaround
levels=("$@"); [ ${#levels[@]} -eq 0 ] && levels=(1 4)
# shellcheck disable=SC2086
start_mock ${MOCK_ARGS:---ttft 5 --itl 1}
warm_mock '{"model":"bench","messages":[{"role":"user","content":"warm up"}],"max_completion_tokens":1}'

printf '%-5s %-20s %6s %9s %9s %9s %9s\n' conc "measure (us)" n p50 p90 p99 max
for conc in "${levels[@]}"; do
  run="$out/c$conc"
  aiperf_profile "$run" --isl "${ISL:-32}" --osl 1 --concurrency "$conc" --request-count "${REQUESTS:-1000}"
  report TurnaroundReport "$conc" "$run/mock-requests.json" "$run/aiperf/profile_export.jsonl"
done
echo "goal: p50 < 100 us, p99 < 1,000 us"
load_line
echo "artifacts: $out"
