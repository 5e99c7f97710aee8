#!/usr/bin/env bash
# TTFT and latency error against the server's own clock (issue 10, goal 2: <= 0.2 ms p50, <= 1 ms p99, first wave
# included, at concurrency 1, 16, 50 and 1,000 streams).
# How: one mock (--ttft 30 --itl 5 by default) stamps when each request arrived and when it wrote each SSE event and
# the end (GET /mock/requests). For each level a fresh streaming `aiperf profile` (no warm-up: the first wave is the
# point) of max(WAVES x concurrency, MIN_REQUESTS) requests (ignore_eos: exactly OSL tokens each);
# bench/TtftErrorReport.java joins profile_export.jsonl to the mock's log by X-Request-ID and prints
# p50/p90/p99/max (ms) of: our TTFT minus the server's (first event write - arrival), our request_latency minus the
# server's (end write - arrival), our start -> request bytes written, and that write -> the mock's arrival
# (cross-process epoch clocks: indicative), for the first wave (the first `concurrency` requests by start), the
# rest, and all.
# The 1,000-stream level (BIG_CONC) runs against its own mock with BIG_MOCK_ARGS and --osl BIG_OSL, so it fits this
# 2-core machine: at ITL 5, 1,000 streams are >= 200k events/s and (OSL 8) ~15k req/s, past what mock and client
# together can do on 2 cores; ITL 50 with OSL 20 is ~1k req/s and ~20k events/s.
# Usage: bench/ttft-error.sh [LEVELS...]   (default: 1 16 50 and BIG_CONC)   env: MOCK_ARGS ("--ttft 30 --itl 5"),
# ISL (200), OSL (20), WAVES (3), MIN_REQUESTS (100), BIG_CONC (1000), BIG_MOCK_ARGS ("--ttft 30 --itl 50"),
# BIG_OSL (20), WORKERS (aiperf's default).
# Needs a build (mvn -q -DskipTests package). Artifacts in bench/out/ttft-error-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init ttft-error
big="${BIG_CONC:-1000}"
levels=("$@"); [ ${#levels[@]} -eq 0 ] && levels=(1 16 50 "$big")
workers_opt=(); [ -n "${WORKERS:-}" ] && workers_opt=(--workers-max "$WORKERS")
mock_args="${MOCK_ARGS:---ttft 30 --itl 5}"
# shellcheck disable=SC2086
start_mock $mock_args

printf '%-6s %-6s %6s %-17s %8s %8s %8s %8s\n' conc group n "measure (ms)" p50 p90 p99 max
for conc in "${levels[@]}"; do
  osl="${OSL:-20}"
  if [ "$conc" = "$big" ]; then
    osl="${BIG_OSL:-20}"
    stop_mock
    # shellcheck disable=SC2086
    start_mock ${BIG_MOCK_ARGS:---ttft 30 --itl 50}
    echo "(concurrency $conc: mock ${BIG_MOCK_ARGS:---ttft 30 --itl 50}, osl $osl)"
  fi
  count=$(( conc * ${WAVES:-3} )); [ "$count" -lt "${MIN_REQUESTS:-100}" ] && count="${MIN_REQUESTS:-100}"
  run="$out/c$conc"
  mock_clear
  $(client_cmd) "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$mock_port" --endpoint-type chat --streaming \
      --isl "${ISL:-200}" --osl "$osl" --extra-inputs ignore_eos:true --tokenizer builtin --concurrency "$conc" --request-count "$count" \
      --artifact-dir "$run" --ui none "${workers_opt[@]}" > "$run.console.txt" 2>&1 \
    || { echo "aiperf failed at concurrency $conc; see $run.console.txt" >&2; exit 1; }
  mock_log "$run.mock-requests.json"
  java -cp "$jar" "$root/bench/TtftErrorReport.java" "$conc" "$run.mock-requests.json" "$run/profile_export.jsonl"
done
echo "goal: ttft_err p50 <= 0.2 ms and p99 <= 1 ms in every group; $(cat "$out/load.txt")"
echo "artifacts: $out"
