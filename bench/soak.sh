#!/usr/bin/env bash
# A long run at a steady rate against a misbehaving server (issue 11, step 7: nothing recorded is lost, memory
# stays bounded, every fault becomes an error record). One streaming `aiperf profile --request-rate RATE
# --benchmark-duration DURATION` against the built-in mock with faults injected (FAULTS, each NAME:PCT of the mock's
# answers), a request timeout so that stalled answers end, and a CPU/RSS sampler on every JVM; then
# bench/SoakReport.java prints: requests the mock received, records in profile_export.jsonl, completed and failed
# per profile_export_aiperf.json, errors by type, whether records on disk = requests sent, and each JVM's RSS at
# the start, middle and end of the run.
# Usage: bench/soak.sh   env: DURATION (s, 600), RATE (req/s, 40), FAULTS (mock --fault NAME:PCT list; "http-500:1 reset:1 malformed-json:1
# sse-error:1 stall:0.5"), TIMEOUT (s, request timeout, 3), MOCK_ARGS (--ttft 20 --itl 2), OSL (64), WORKERS.
# Needs a build (mvn -B -q -DskipTests package). Artifacts in bench/out/soak-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init soak
duration="${DURATION:-600}"; rate="${RATE:-40}"; osl="${OSL:-64}"
fault_args=()
for f in ${FAULTS:-http-500:1 reset:1 malformed-json:1 sse-error:1 stall:0.5}; do fault_args+=(--fault "$f"); done
# shellcheck disable=SC2086
start_mock ${MOCK_ARGS:---ttft 20 --itl 2} "${fault_args[@]}"
export SAMPLE_CPU=1 SAMPLE_EVERY=5
run="$out/run"
aiperf_profile "$run" --streaming --isl 128 --osl "$osl" --extra-inputs ignore_eos:true \
    --request-rate "$rate" --benchmark-duration "$duration" --benchmark-grace-period 10 \
    --request-timeout-seconds "${TIMEOUT:-3}"
report SoakReport "$run/mock-requests.json" "$run/aiperf/profile_export.jsonl" \
    "$run/aiperf/profile_export_aiperf.json" "$run/cpu.csv"
echo "mock: ${MOCK_ARGS:---ttft 20 --itl 2} ${fault_args[*]}; $rate req/s for $duration s, OSL $osl"
load_line
echo "artifacts: $out"
