#!/usr/bin/env bash
# The request ceiling (issue 10, goal 1: aiperf >= 0.8 x wrk at concurrency 64 and 256, same mock, same run).
# How: per pinning mode one `bin/aiperf-mock-server --fast`, warmed by MOCK_WARMUP s of wrk; then for each
# concurrency N a burst `aiperf profile` (non-streaming, --osl 1, REQUESTS requests, no warm-up: its
# request_throughput), then `wrk -t2 -cN` for WRK_DURATION s POSTing the body aiperf sent (taken from the mock's log)
# to the same path. Modes: unpinned, then pinned (the mock on CPU MOCK_CPU with taskset, aiperf's JVMs and wrk on
# CPU CLIENT_CPU: the client gets one core, so pinned and unpinned figures do not compare with each other).
# Prints req/s of both and the ratio, and per run each JVM's steady-state CPU per request (bench/CpuReport.java:
# the window between 20 % and 90 % of the mock's arrivals, so JIT warm-up and start-up fall outside it).
# aiperf's req/s of a short run includes its JIT warm-up; REQUESTS=300000 shows the steady rate.
# Usage: bench/ceiling.sh   env: REQUESTS (50000), LEVELS ("64 256"), MODES ("unpinned pinned"), WRK_DURATION
# (s, 5), MOCK_WARMUP (s, 2), MOCK_CPU (0), CLIENT_CPU (1), ISL (8), WORKERS (aiperf's default).
# Needs a build (mvn -B -q -DskipTests package), wrk, bc, taskset. Artifacts in bench/out/ceiling-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk bc taskset
bench_init ceiling
requests="${REQUESTS:-50000}"; levels=(${LEVELS:-64 256}); modes=(${MODES:-unpinned pinned})
export SAMPLE_CPU=1

rows="$out/rows.txt"; : > "$rows"
for mode in "${modes[@]}"; do
  case "$mode" in
    pinned) export MOCK_CPUS="${MOCK_CPU:-0}" CLIENT_CPUS="${CLIENT_CPU:-1}" ;;
    unpinned) unset MOCK_CPUS CLIENT_CPUS ;;
    *) echo "ceiling.sh: MODES takes pinned and unpinned, not $mode" >&2; exit 1 ;;
  esac
  start_mock --fast
  warm_mock '{"model":"bench","messages":[{"role":"user","content":"warm up"}],"max_completion_tokens":1}'
  for conc in "${levels[@]}"; do
    run="$out/$mode-c$conc"
    aiperf_profile "$run" --isl "${ISL:-8}" --osl 1 --concurrency "$conc" --request-count "$requests"
    aiperf_rps=$(jq '.request_throughput.avg' "$run/aiperf/profile_export_aiperf.json")
    # wrk sends exactly what aiperf sent: the first logged body, to the same path.
    body=$(jq -c '.requests[0].body' "$run/mock-requests.json")
    path=$(jq -r '.requests[0].path' "$run/mock-requests.json")
    printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[%s]==]\n' \
        "$body" > "$run/post.lua"
    mock_clear
    $(client_cmd) wrk -t2 -c"$conc" -d"${WRK_DURATION:-5}"s -s "$run/post.lua" "$mock_url$path" > "$run/wrk.txt" 2>&1
    mock_clear  # the log holds every wrk request too; do not let it grow across runs
    wrk_rps=$(awk '/^Requests\/sec:/{print $2}' "$run/wrk.txt")
    if [ -z "$wrk_rps" ] || grep -q -E 'Non-2xx|Socket errors' "$run/wrk.txt"; then
      echo "ceiling.sh: wrk had errors or no rate; see $run/wrk.txt" >&2; exit 1
    fi
    printf '%-9s %5s %12.0f %12.0f %7.2f\n' "$mode" "$conc" "$aiperf_rps" "$wrk_rps" \
        "$(echo "$aiperf_rps / $wrk_rps" | bc -l)" >> "$rows"
    echo "== $mode, concurrency $conc: steady-state CPU per request"
    cpu_report "$run/cpu.csv" "$run/mock-requests.json" requests
  done
  stop_mock
done
printf '\n%-9s %5s %12s %12s %7s\n' pinning conc aiperf_req_s wrk_req_s ratio
cat "$rows"
echo "goal: ratio >= 0.80 at every level; $requests requests per aiperf run, wrk ${WRK_DURATION:-5} s"
load_line
echo "artifacts: $out"
