#!/usr/bin/env bash
# Delivered rate and send lag of aiperf's request-rate mode (issue 10, goal 3: send lag p99 < 1 ms at 1,000 and
# 2,000 req/s, < 2 ms at 5,000, from the first profiled request; a constant rate's inter-arrival CV < 0.05 as the
# server sees it), against the built-in mock server in --fast mode (no token delays), non-streaming.
# For each target rate a fresh `aiperf profile --request-rate R --benchmark-duration DURATION` (no warm-up unless
# WARMUP is set: the goal is a cold start), then bench/RateReport.java reads
#   - the delivered rate and the inter-arrival CV from the arrival times the MOCK recorded (GET /mock/requests),
#     profiling phase only,
#   - the send lag (actual send - intended send, ms) from profile_export_aiperf.json, over every profiled request.
# Usage: bench/rate-accuracy.sh [RATES...]   (default: 1000 2000 5000); env DURATION (s, 10), PATTERN
# (constant|poisson, constant), WARMUP (s of --warmup-duration at the same rate first; 0, the default: none),
# WORKERS (aiperf's default).
# Needs a build (mvn -B -q -DskipTests package). Artifacts in bench/out/rate-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init rate
rates=("$@"); [ ${#rates[@]} -eq 0 ] && rates=(1000 2000 5000)
duration="${DURATION:-10}"; pattern="${PATTERN:-constant}"
warmup_opt=(); [ "${WARMUP:-0}" != 0 ] && warmup_opt=(--warmup-duration "$WARMUP")
start_mock --fast
warm_mock '{"model":"bench","messages":[{"role":"user","content":"warm up"}],"max_completion_tokens":8}'

printf '%-8s %-10s %-10s %-8s %-8s %-9s %-9s %-9s %-9s\n' target delivered error% iat_cv sent lag_p50 lag_p90 \
    lag_p99 lag_max
for rate in "${rates[@]}"; do
  run="$out/r$rate"
  aiperf_profile "$run" --isl 32 --osl 8 --request-rate "$rate" --arrival-pattern "$pattern" \
      --benchmark-duration "$duration" --benchmark-grace-period 5 "${warmup_opt[@]}"
  report RateReport "$rate" "$duration" "$run/mock-requests.json" "$run/aiperf/profile_export_aiperf.json"
done
echo "goal: lag_p99 < 1 ms at 1,000 and 2,000 req/s, < 2 ms at 5,000; iat_cv < 0.05 (constant); lag in ms;" \
    "$pattern arrivals, ${WARMUP:-0} s warm-up, $duration s each"
load_line
echo "artifacts: $out"
