#!/usr/bin/env bash
# Start-up: launching `bin/aiperf profile` -> the first request arriving at the server (issue 10, goal 6: < 1.5 s
# with 2 workers).
# How: RUNS times, a small burst `aiperf profile --workers-max WORKERS --concurrency WORKERS --tokenizer builtin`
# (aiperf caps the workers at the concurrency) against one mock (--fast); the launch epoch is taken just before
# bin/aiperf starts, the first arrival epoch comes from the mock's log. Where the time goes (bench/StartupReport.java, ms after launch): each JVM's start (from /proc, 10 ms
# resolution; the last of the workers), the controller's "starting run" line, the records manager's registration
# and the last worker's "warmed its request path" line in aiperf.log, the first credit (the earliest
# request_start_ns in profile_export.jsonl), the first arrival. Then the median and max over the runs.
# The per-JVM sampler (bench/lib.sh, a python loop every 0.2 s) runs alongside; the mock is warmed by MOCK_WARMUP s
# of wrk first, so its first arrival is not late for its own reasons.
# Usage: bench/startup.sh   env: RUNS (5), WORKERS (2), REQUESTS (20), MOCK_WARMUP (s, 2).
# Needs a build (mvn -B -q -DskipTests package) and wrk. Artifacts in bench/out/startup-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk
bench_init startup
start_mock --fast
warm_mock '{"model":"bench","messages":[{"role":"user","content":"warm up"}],"max_completion_tokens":4}'
export SAMPLE_CPU=1 WORKERS="${WORKERS:-2}"  # aiperf_profile passes --workers-max WORKERS

runs=()
for i in $(seq "${RUNS:-5}"); do
  run="$out/run$i"
  aiperf_profile "$run" --isl 32 --osl 4 --concurrency "$WORKERS" \
      --request-count "${REQUESTS:-20}"
  runs+=("$run")
done
report StartupReport "$(getconf CLK_TCK)" "${runs[@]}"
echo "goal: median and max < 1,500 ms"
load_line
echo "artifacts: $out"
