#!/usr/bin/env bash
# The request ceiling (issue 10, goal 1: aiperf >= 0.8 x wrk at concurrency 64 and 256, same mock, same run).
# How: against one `bin/aiperf-mock-server --fast` per pinning mode, for each concurrency: a burst `aiperf profile`
# (non-streaming, --osl 1, --request-count REQUESTS; its request_throughput), then `wrk -t2 -cN` for WRK_DURATION s
# POSTing the body aiperf sent (taken from the mock's log) to the same path. Twice: unpinned, then pinned (the mock on
# CPU MOCK_CPU with taskset, aiperf's JVMs and wrk on CPU CLIENT_CPU). Prints req/s of both and the ratio, then each
# JVM's steady-state CPU per request (bench/CpuReport.java: the 20 %..90 % window of the mock's arrivals).
# Usage: bench/ceiling.sh   env: REQUESTS (200000; past JIT warm-up), LEVELS ("64 256"), MODES ("unpinned
# pinned"), WRK_DURATION (s, 10), MOCK_CPU (0), CLIENT_CPU (1), ISL (8), WORKERS (aiperf's default).
# Needs a build (mvn -q -DskipTests package) and wrk (apt-get install -y wrk when absent, as .ci/run would).
# Artifacts (console, exports, mock logs, CPU samples, wrk output) in bench/out/ceiling-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init ceiling
requests="${REQUESTS:-200000}"; levels=(${LEVELS:-64 256}); modes=(${MODES:-unpinned pinned})
if ! command -v wrk >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1 \
    || sudo sh -c 'apt-get update -qq && apt-get install -y -qq wrk' >/dev/null 2>&1 \
    || { echo "wrk is missing and could not be installed" >&2; exit 1; }
fi
workers_opt=(); [ -n "${WORKERS:-}" ] && workers_opt=(--workers-max "$WORKERS")

rows="$out/rows.txt"; : > "$rows"
for mode in "${modes[@]}"; do
  if [ "$mode" = pinned ]; then export MOCK_CPUS="${MOCK_CPU:-0}" CLIENT_CPUS="${CLIENT_CPU:-1}"
  else unset MOCK_CPUS CLIENT_CPUS; fi
  start_mock --fast
  for conc in "${levels[@]}"; do
    run="$out/$mode-c$conc"; mkdir -p "$run"
    mock_clear
    $(client_cmd) "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$mock_port" --endpoint-type chat \
        --isl "${ISL:-8}" --osl 1 --tokenizer builtin --concurrency "$conc" --request-count "$requests" \
        --artifact-dir "$run/aiperf" --ui none "${workers_opt[@]}" > "$run/console.txt" 2>&1 &
    cli=$!; bench_pids+=("$cli")
    sample_cpu "$cli" "$run/cpu.csv"
    wait "$cli" || { echo "aiperf failed; see $run/console.txt" >&2; exit 1; }
    wait "$sampler_pid" || true
    mock_log "$run/mock-requests.json"
    aiperf_rps=$(jq '.request_throughput.avg' "$run/aiperf/profile_export_aiperf.json")
    # wrk sends exactly what aiperf sent: the first logged body, to the same path.
    body=$(jq -c '.requests[0].body' "$run/mock-requests.json")
    path=$(jq -r '.requests[0].path' "$run/mock-requests.json")
    printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[%s]==]\n' \
        "$body" > "$run/post.lua"
    mock_clear
    $(client_cmd) wrk -t2 -c"$conc" -d"${WRK_DURATION:-10}"s -s "$run/post.lua" "$mock_url$path" > "$run/wrk.txt" 2>&1
    mock_clear  # the log holds every wrk request too; do not let it grow across runs
    wrk_rps=$(awk '/^Requests\/sec:/{print $2}' "$run/wrk.txt")
    printf '%-9s %5s %12.0f %12.0f %7.2f\n' "$mode" "$conc" "$aiperf_rps" "$wrk_rps" \
        "$(echo "$aiperf_rps / $wrk_rps" | bc -l)" >> "$rows"
    echo "== $mode, concurrency $conc: aiperf $aiperf_rps req/s, wrk $wrk_rps req/s; steady CPU per request:"
    cpu_report "$run/cpu.csv" "$run/mock-requests.json" requests
  done
  stop_mock
done
printf '\n%-9s %5s %12s %12s %7s\n' pinning conc aiperf_req_s wrk_req_s ratio
cat "$rows"
echo "goal: ratio >= 0.80 at every level; $requests requests per aiperf run; $(cat "$out/load.txt")"
echo "artifacts: $out"
