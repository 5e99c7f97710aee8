#!/usr/bin/env bash
# 10,000 concurrent SSE streams on one box (step 12): can the client hold them, and is its timing still the server's?
# One streaming `aiperf profile --concurrency STREAMS --request-count REQUESTS` with ignore_eos (exactly OSL tokens
# each) against bin/aiperf-mock-server --ttft TTFT --itl ITL as its own process (slow tokens, so a stream lasts
# TTFT + (OSL - 1) x ITL, 12 s by default, and the box keeps up with the event rate: STREAMS / ITL events/s), with
# LOCAL_WORKERS worker JVMs, the mock warmed by MOCK_WARMUP s of wrk first. bench/StreamsReport.java then prints,
# against the mock's own log (GET /mock/requests, joined by X-Request-ID):
#   counts      requests the mock saw vs aiperf's request_count and records (must be equal), errors (must be 0);
#   in flight   by second after the first start, ours (records) and the mock's, against STREAMS;
#   errors      per request, absolute ms: TTFT and ITL vs the mock's stamps, and the parts of a TTFT error
#               (our start -> write, our write -> the mock's arrival, --export-http-trace's blocked and
#               connecting, connects of >= 1 s: a SYN sent again), for the first wave, the rest and all;
#   workers     records per worker_id;
#   JVMs        CPU s, CPU per request and peak RSS of each JVM (bench/lib.sh's sample_cpu), the client summed;
#   TCP         the machine's ListenOverflows and TCPSynRetrans counters (nstat) before and after the run.
# RAMP (s, default 10; 0: none) passes --concurrency-ramp-duration: without it every slot starts at once, 10,000
# connects hit the mock's accept queue (4,096 here: net.core.somaxconn) within ~0.3 s, and with the deterministic
# mock every later wave stays in lockstep (10,000 ends and 10,000 new requests within a second or two); with it the
# starts spread over RAMP s and stay spread. Pinning: MOCK_CPUS and CLIENT_CPUS (taskset -c, bench/lib.sh).
# Usage: bench/streams-10k.sh   env: STREAMS (10000), REQUESTS (3 x STREAMS), TTFT (200), ITL (300), OSL (40),
# ISL (20), LOCAL_WORKERS (4), JOINED_WORKERS (0), RAMP (10), MOCK_WARMUP (s, 2), MOCK_CPUS, CLIENT_CPUS.
# Needs a build (mvn -B -q -DskipTests package), wrk, and `ulimit -n` above STREAMS (the mock holds one socket per
# stream; the script raises the soft limit to the hard one). Artifacts in bench/out/streams-10k-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk
streams=${STREAMS:-10000}
requests=${REQUESTS:-$((3 * streams))}
local_workers=${LOCAL_WORKERS:-4}
joined=${JOINED_WORKERS:-0}
if [ "$joined" -gt 0 ]; then
  # TODO(step 12): start JOINED_WORKERS `aiperf worker --controller …` JVMs (in a network namespace when root and
  # `ip netns` works, else over loopback) next to the local ones, once `aiperf worker` is on main.
  echo "streams-10k: JOINED_WORKERS=$joined: joined workers are not supported yet (aiperf worker is not on main)" >&2
  exit 1
fi
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((streams + 1000)) ]; then
  echo "streams-10k: ulimit -n is $(ulimit -n): $streams streams need at least $((streams + 1000))" >&2
  exit 1
fi
bench_init streams-10k
ttft=${TTFT:-200}; itl=${ITL:-300}; osl=${OSL:-40}
start_mock --ttft "$ttft" --itl "$itl"
warm_mock '{"model":"bench","messages":[{"role":"user","content":"warm up"}],"stream":true,"max_completion_tokens":2,"ignore_eos":true}'
ramp_s=${RAMP:-10}
ramp=(); [ "$ramp_s" != 0 ] && ramp=(--concurrency-ramp-duration "$ramp_s")
run="$out/run"
# Machine-wide TCP counters: a full accept queue (ListenOverflows) makes the client send its SYN again a second later.
tcp_counters() { nstat -az 2>/dev/null | awk '$1 ~ /ListenOverflows|TCPSynRetrans/ {printf "%s=%s ", $1, $2}'; }
before=$(tcp_counters)
WORKERS=$local_workers SAMPLE_CPU=1 aiperf_profile "$run" --streaming --isl "${ISL:-20}" --osl "$osl" \
    --extra-inputs ignore_eos:true --concurrency "$streams" --request-count "$requests" --export-http-trace \
    "${ramp[@]}"
after=$(tcp_counters)
echo "streams $streams, requests $requests, mock --ttft $ttft --itl $itl, osl $osl, local workers $local_workers," \
    "joined workers $joined, ramp ${ramp_s} s, mock cpus ${MOCK_CPUS:-all}, client cpus ${CLIENT_CPUS:-all}"
report StreamsReport "$streams" "$(getconf CLK_TCK)" "$run/mock-requests.json" "$run/aiperf/profile_export.jsonl" \
    "$run/aiperf/profile_export_aiperf.json" "$run/cpu.csv" | tee "$out/report.txt"
echo "TCP counters (whole machine) before: ${before:-n/a}; after: ${after:-n/a}" | tee -a "$out/report.txt"
load_line
echo "artifacts: $out"
