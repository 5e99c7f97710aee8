#!/usr/bin/env bash
# Streaming events per second end to end, and the worker's CPU per event (issue 10, goal 5: >= 200,000 SSE
# events/s per worker JVM).
# How: against `bin/aiperf-mock-server --fast` (every token written at once, one SSE event each), a streaming burst
# `aiperf profile --concurrency CONCURRENCY --osl OSL` (ignore_eos, so every answer has exactly OSL tokens) of
# REQUESTS requests; twice: unpinned, then pinned (the mock on CPU MOCK_CPU, aiperf's JVMs on CPU CLIENT_CPU).
# Prints aiperf's output_token_throughput (one event per token), the mock's own count (SSE events it wrote / first
# arrival to last end), the events/s per worker JVM, then each JVM's steady-state CPU per event
# (bench/CpuReport.java, the 20 %..90 % window of the mock's arrivals weighted by their events); a worker's
# CPU-bound ceiling is 1e6 / (the workers' CPU us per event).
# Usage: bench/sse-rate.sh   env: REQUESTS (4000), CONCURRENCY (64), OSL (500), MODES ("unpinned pinned"),
# MOCK_CPU (0), CLIENT_CPU (1), WORKERS (aiperf's default).
# Needs a build (mvn -q -DskipTests package). Artifacts in bench/out/sse-rate-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init sse-rate
modes=(${MODES:-unpinned pinned}); osl="${OSL:-500}"
workers_opt=(); [ -n "${WORKERS:-}" ] && workers_opt=(--workers-max "$WORKERS")

rows="$out/rows.txt"; : > "$rows"
for mode in "${modes[@]}"; do
  if [ "$mode" = pinned ]; then export MOCK_CPUS="${MOCK_CPU:-0}" CLIENT_CPUS="${CLIENT_CPU:-1}"
  else unset MOCK_CPUS CLIENT_CPUS; fi
  start_mock --fast
  run="$out/$mode"; mkdir -p "$run"
  $(client_cmd) "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$mock_port" --endpoint-type chat --streaming \
      --isl 32 --osl "$osl" --extra-inputs ignore_eos:true --tokenizer builtin \
      --concurrency "${CONCURRENCY:-64}" --request-count "${REQUESTS:-4000}" \
      --artifact-dir "$run/aiperf" --ui none "${workers_opt[@]}" > "$run/console.txt" 2>&1 &
  cli=$!; bench_pids+=("$cli")
  sample_cpu "$cli" "$run/cpu.csv"
  wait "$cli" || { echo "aiperf failed; see $run/console.txt" >&2; exit 1; }
  wait "$sampler_pid" || true
  mock_log "$run/mock-requests.json"
  stop_mock
  aiperf_eps=$(jq '.output_token_throughput.avg' "$run/aiperf/profile_export_aiperf.json")
  mock_eps=$(jq '([.requests[].events]|add) / ((([.requests[].end_ns]|max) - ([.requests[].arrival_ns]|min)) / 1e9)' \
      "$run/mock-requests.json")
  workers=$(awk -F, 'NR > 1 && $3 ~ /^worker/ {print $3}' "$run/cpu.csv" | sort -u | wc -l)
  printf '%-9s %16.0f %14.0f %8d %16.0f\n' "$mode" "$aiperf_eps" "$mock_eps" "$workers" \
      "$(echo "$aiperf_eps / $workers" | bc -l)" >> "$rows"
  echo "== $mode: $aiperf_eps events/s (aiperf), $mock_eps events/s (mock); steady CPU per event:"
  cpu_report "$run/cpu.csv" "$run/mock-requests.json" events
done
printf '\n%-9s %16s %14s %8s %16s\n' pinning aiperf_events_s mock_events_s workers events_s_per_jvm
cat "$rows"
echo "goal: >= 200,000 events/s per worker JVM; $(cat "$out/load.txt")"
echo "artifacts: $out"
