#!/usr/bin/env bash
# Start-up: launching `bin/aiperf profile` -> the first request arriving at the server (issue 10, goal 6: < 1.5 s
# with 2 workers).
# How: RUNS times, a small burst `aiperf profile --workers-max WORKERS --concurrency WORKERS --tokenizer builtin`
# (aiperf caps the workers at the concurrency) against one mock (--fast); the launch epoch is taken just before bin/aiperf starts, the first arrival epoch comes from the mock's
# log. Where the time goes (bench/StartupReport.java, ms after launch): each JVM's start (from /proc, 10 ms
# resolution; the last of the workers), the controller's "starting run" line, the records manager's registration
# and the last worker's "warmed its request path" line in aiperf.log, the first credit (the earliest
# request_start_ns in profile_export.jsonl), the first arrival. Then the median and max over the runs.
# The per-JVM sampler (bench/lib.sh, a python loop every 0.2 s) runs alongside.
# Usage: bench/startup.sh   env: RUNS (5), WORKERS (2), REQUESTS (20).
# Needs a build (mvn -q -DskipTests package). Artifacts in bench/out/startup-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init startup
start_mock --fast

runs=()
for i in $(seq "${RUNS:-5}"); do
  run="$out/run$i"; mkdir -p "$run"
  mock_clear
  date +%s%N > "$run/launch_ns.txt"
  $(client_cmd) "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$mock_port" --endpoint-type chat --isl 32 \
      --osl 4 --tokenizer builtin --workers-max "${WORKERS:-2}" --concurrency "${WORKERS:-2}" \
      --request-count "${REQUESTS:-20}" --artifact-dir "$run/aiperf" --ui none > "$run/console.txt" 2>&1 &
  cli=$!; bench_pids+=("$cli")
  sample_cpu "$cli" "$run/cpu.csv"
  wait "$cli" || { echo "aiperf failed; see $run/console.txt" >&2; exit 1; }
  wait "$sampler_pid" || true
  mock_log "$run/mock-requests.json"
  runs+=("$run")
done
java -cp "$jar" "$root/bench/StartupReport.java" "$(getconf CLK_TCK)" "${runs[@]}"
echo "goal: median and max < 1,500 ms; $(cat "$out/load.txt")"
echo "artifacts: $out"
