#!/usr/bin/env bash
# Streaming events per second end to end, and the worker's CPU per event (issue 10, goal 5: >= 200,000 SSE
# events/s per worker JVM).
# How: against `bin/aiperf-mock-server --fast` (every token written at once, one SSE event each), warmed by
# MOCK_WARMUP s of wrk, a streaming burst `aiperf profile --concurrency CONCURRENCY --osl OSL` (ignore_eos, so every
# answer has exactly OSL tokens) of REQUESTS requests; unpinned, then pinned (the mock on CPU MOCK_CPU, aiperf's JVMs
# on CPU CLIENT_CPU: "the mock elsewhere", with one core left to the client).
# Prints aiperf's output_token_throughput (one event per token), the mock's own rate (every SSE event it wrote,
# [DONE] and usage included, over first arrival to last end), that per worker JVM, then each JVM's steady-state
# CPU per event (bench/CpuReport.java: the window between 20 % and 90 % of the mock's arrivals, weighted by their
# events) and the workers' sum, whose inverse is what one fully busy worker core could stream.
# Usage: bench/sse-rate.sh   env: REQUESTS (4000), CONCURRENCY (64), OSL (500), MODES ("unpinned pinned"),
# MOCK_CPU (0), CLIENT_CPU (1), MOCK_WARMUP (s, 2), WORKERS (aiperf's default).
# Needs a build (mvn -B -q -DskipTests package), wrk, bc, taskset. Artifacts in bench/out/sse-rate-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk bc taskset
bench_init sse-rate
modes=(${MODES:-unpinned pinned}); osl="${OSL:-500}"
export SAMPLE_CPU=1

rows="$out/rows.txt"; : > "$rows"
for mode in "${modes[@]}"; do
  case "$mode" in
    pinned) export MOCK_CPUS="${MOCK_CPU:-0}" CLIENT_CPUS="${CLIENT_CPU:-1}" ;;
    unpinned) unset MOCK_CPUS CLIENT_CPUS ;;
    *) echo "sse-rate.sh: MODES takes pinned and unpinned, not $mode" >&2; exit 1 ;;
  esac
  start_mock --fast
  warm_mock "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}],\"stream\":true,\"max_completion_tokens\":$osl,\"ignore_eos\":true}"
  run="$out/$mode"
  aiperf_profile "$run" --streaming --isl 32 --osl "$osl" --extra-inputs ignore_eos:true \
      --concurrency "${CONCURRENCY:-64}" --request-count "${REQUESTS:-4000}"
  stop_mock
  aiperf_eps=$(jq '.output_token_throughput.avg' "$run/aiperf/profile_export_aiperf.json")
  mock_eps=$(jq '([.requests[].events]|add) / ((([.requests[].end_ns]|max) - ([.requests[].arrival_ns]|min)) / 1e9)' \
      "$run/mock-requests.json")
  workers=$(awk -F, 'NR > 1 && $3 ~ /^worker/ {print $3}' "$run/cpu.csv" | sort -u | wc -l)
  [ "$workers" -gt 0 ] || { echo "sse-rate.sh: no worker JVM in $run/cpu.csv" >&2; exit 1; }
  printf '%-9s %16.0f %14.0f %8d %16.0f\n' "$mode" "$aiperf_eps" "$mock_eps" "$workers" \
      "$(echo "$aiperf_eps / $workers" | bc -l)" >> "$rows"
  echo "== $mode: steady-state CPU per event"
  cpu_report "$run/cpu.csv" "$run/mock-requests.json" events
done
printf '\n%-9s %16s %14s %8s %16s\n' pinning aiperf_events_s mock_events_s workers events_s_per_jvm
cat "$rows"
echo "goal: >= 200,000 events/s per worker JVM; ${REQUESTS:-4000} requests of $osl tokens at concurrency ${CONCURRENCY:-64}"
load_line
echo "artifacts: $out"
