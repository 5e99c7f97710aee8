#!/usr/bin/env bash
# TTFT error against the server's own clock (issue 10, goal 2: <= 0.2 ms p50, <= 1 ms p99, first wave included, at
# concurrency 1, 16, 50 and 1,000 streams).
# Per request: client error = our time_to_first_token - the mock's (first SSE event written - request received),
# the mock's two stamps being its own System.nanoTime() (GET /mock/requests), joined to profile_export.jsonl by
# X-Request-ID (the x_request_id of both). bench/TtftErrorReport.java prints p50/p90/p99/max (ms) of that, of the same
# for the whole request (latency_err), and of two parts of it: our start -> request bytes handed to the socket, and
# that write -> the mock's arrival (two processes' epoch clocks: indicative), for the first wave (the first
# `concurrency` requests by start), the rest, and all.
# How: per level a fresh streaming `aiperf profile` (no warm-up: the first wave is the point) of
# max(WAVES x concurrency, MIN_REQUESTS) requests with ignore_eos (exactly OSL tokens each), against a mock
# (MOCK_ARGS) warmed by MOCK_WARMUP s of wrk, so a cold mock does not count as client error.
# The 1,000-stream level is optional (bench/ttft-error.sh 1 16 50 1000): a level of BIG_CONC or more runs against a
# mock with BIG_MOCK_ARGS and --osl BIG_OSL, so it fits this 2-core machine: at ITL 5, 1,000 streams are >= 200k
# events/s, past what mock and client together can do on 2 cores; ITL 50 with OSL 20 is ~1k req/s and ~20k events/s.
# Usage: bench/ttft-error.sh [LEVELS...]   (default: 1 16 50)   env: MOCK_ARGS ("--ttft 30 --itl 5"), ISL (200),
# OSL (20), WAVES (3), MIN_REQUESTS (100), BIG_CONC (1000), BIG_MOCK_ARGS ("--ttft 30 --itl 50"), BIG_OSL (20),
# MOCK_WARMUP (s, 2), WORKERS (aiperf's default).
# Needs a build (mvn -B -q -DskipTests package) and wrk. Artifacts in bench/out/ttft-error-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk
bench_init ttft-error
levels=("$@"); [ ${#levels[@]} -eq 0 ] && levels=(1 16 50)
big="${BIG_CONC:-1000}"
warm_body='{"model":"bench","messages":[{"role":"user","content":"warm up"}],"stream":true,"max_completion_tokens":2,"ignore_eos":true}'

printf '%-6s %-6s %6s %-17s %8s %8s %8s %8s\n' conc group n "measure (ms)" p50 p90 p99 max
for conc in "${levels[@]}"; do
  args="${MOCK_ARGS:---ttft 30 --itl 5}"; osl="${OSL:-20}"
  if [ "$conc" -ge "$big" ]; then args="${BIG_MOCK_ARGS:---ttft 30 --itl 50}"; osl="${BIG_OSL:-20}"; fi
  if [ "${mock_args-}" != "$args" ]; then
    [ -n "${mock_pid:-}" ] && stop_mock
    # shellcheck disable=SC2086
    start_mock $args
    warm_mock "$warm_body"
  fi
  count=$(( conc * ${WAVES:-3} )); [ "$count" -lt "${MIN_REQUESTS:-100}" ] && count="${MIN_REQUESTS:-100}"
  run="$out/c$conc"
  aiperf_profile "$run" --streaming --isl "${ISL:-200}" --osl "$osl" --extra-inputs ignore_eos:true \
      --concurrency "$conc" --request-count "$count"
  echo "(concurrency $conc: mock $args, osl $osl, $count requests)" >> "$out/levels.txt"
  report TtftErrorReport "$conc" "$run/mock-requests.json" "$run/aiperf/profile_export.jsonl"
done
cat "$out/levels.txt"
echo "goal: ttft_err p50 <= 0.2 ms and p99 <= 1 ms in every group"
load_line
echo "artifacts: $out"
