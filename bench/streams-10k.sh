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
#   workers     records per worker_id, and each worker's streams in flight (peak; over the seconds the run held
#               >= 90 % of STREAMS: min/median/max) against its even share STREAMS / (L + J);
#   local/joined with joined workers: counts and errors as above, split by the workers that sent them; each joined
#               worker's clock lines (how well it knows the controller's clock, at the join and at the end);
#   JVMs        CPU s, CPU per request, peak RSS and open-file limit of each JVM (bench/lib.sh's sample_cpu), the
#               client summed;
#   TCP         the machine's ListenOverflows and TCPSynRetrans counters (nstat) before and after the run.
# RAMP (s, default 10; 0: none) passes --concurrency-ramp-duration: without it every slot starts at once, 10,000
# connects hit the mock's accept queue (4,096 here: net.core.somaxconn) within ~0.3 s, and with the deterministic
# mock every later wave stays in lockstep (10,000 ends and 10,000 new requests within a second or two); with it the
# starts spread over RAMP s and stay spread. Pinning: MOCK_CPUS and CLIENT_CPUS (taskset -c, bench/lib.sh).
# JOINED_WORKERS=J > 0 runs `aiperf profile --remote-workers J --workers-max LOCAL_WORKERS` and starts J
# `aiperf worker --controller …` JVMs (the local workers' JVM flag, -XX:TieredStopAtLevel=1; ids joined-1..J) beside
# it. As root with `ip netns` (JOINED_NET=netns, the default when it works), each joined worker gets a network
# namespace of its own, all on one bridge whose host address the mock and the bus (--zmq-host) bind: every joined
# worker's sockets, to the mock and to the bus, cross a veth as from another host (one kernel, so one clock: the
# offset a worker estimates is its error). Otherwise (JOINED_NET=loopback) they run on the host over loopback.
# Namespaces, veths, the bridge and every JVM are removed on exit, failed or not.
# Usage: bench/streams-10k.sh   env: STREAMS (10000), REQUESTS (3 x STREAMS), TTFT (200), ITL (300), OSL (40),
# ISL (20), LOCAL_WORKERS (4), JOINED_WORKERS (0), JOINED_NET (netns|loopback, auto), RAMP (10), MOCK_WARMUP (s,
# 2), MOCK_CPUS, CLIENT_CPUS (the joined workers too).
# Needs a build (mvn -B -q -DskipTests package), wrk, and `ulimit -n` above STREAMS (the mock holds one socket per
# stream; the script raises the soft limit to the hard one, and every JVM it starts, local or joined, inherits it).
# Artifacts in bench/out/streams-10k-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk
streams=${STREAMS:-10000}
requests=${REQUESTS:-$((3 * streams))}
local_workers=${LOCAL_WORKERS:-4}
joined=${JOINED_WORKERS:-0}
[[ "$joined" =~ ^[0-9]+$ ]] || { echo "streams-10k: JOINED_WORKERS is '$joined': a count (0, 1, 2, …)" >&2; exit 2; }
case "${JOINED_NET:-}" in
  ""|netns|loopback) ;;
  *) echo "streams-10k: JOINED_NET is '$JOINED_NET': netns or loopback" >&2; exit 2 ;;
esac
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((streams + 1000)) ]; then
  echo "streams-10k: ulimit -n is $(ulimit -n): $streams streams need at least $((streams + 1000))" >&2
  exit 1
fi
bench_init streams-10k
run="$out/run"
mkdir -p "$run"

# Joined workers' network: one namespace per worker, each on a veth whose host end is a port of one bridge.
net=${JOINED_NET:-}
net_tag=$(( $$ % 250 ))
bridge="s10k$$br"
bridge_ip="10.214.$net_tag.1"
netns_names=(); host_ifs=()
cleanup_net() {
  local name
  for name in "${host_ifs[@]}"; do ip link del "$name" 2>/dev/null || true; done
  for name in "${netns_names[@]}"; do ip netns del "$name" 2>/dev/null || true; done
  [ "$net" = netns ] && { ip link del "$bridge" 2>/dev/null || true; }
  return 0
}
joined_pids=()
cleanup() {
  bench_cleanup
  # A joined worker still waiting to join holds its namespace: let the killed JVMs go before the namespaces do.
  local pid
  for pid in "${joined_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  cleanup_net
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
setup_netns() {
  ip link add "$bridge" type bridge || return 1
  ip addr add "$bridge_ip/24" dev "$bridge" && ip link set "$bridge" up || return 1
  local i ns host_if ns_if
  for i in $(seq "$joined"); do
    ns="aiperf-10k-$$-$i"; host_if="s10k$$h$i"; ns_if="s10k$$n$i"
    ip netns add "$ns" || return 1
    netns_names+=("$ns")
    ip link add "$host_if" type veth peer name "$ns_if" || return 1
    host_ifs+=("$host_if")
    ip link set "$ns_if" netns "$ns" && ip link set "$host_if" master "$bridge" && ip link set "$host_if" up \
      && ip netns exec "$ns" ip addr add "10.214.$net_tag.$((i + 1))/24" dev "$ns_if" \
      && ip netns exec "$ns" ip link set "$ns_if" up && ip netns exec "$ns" ip link set lo up || return 1
  done
}
zmq_args=()
if [ "$joined" -gt 0 ]; then
  if [ -z "$net" ]; then
    net=loopback
    if [ "$(id -u)" = 0 ] && command -v ip >/dev/null && ip netns list >/dev/null 2>&1; then
      net=netns
      if ! setup_netns 2>> "$out/netns.txt"; then
        echo "streams-10k: no network namespaces (see $out/netns.txt): joined workers over loopback"
        cleanup_net
        netns_names=(); host_ifs=(); net=loopback
      fi
    fi
  elif [ "$net" = netns ]; then
    [ "$(id -u)" = 0 ] || { echo "streams-10k: JOINED_NET=netns needs root" >&2; exit 1; }
    setup_netns 2>> "$out/netns.txt" \
      || { echo "streams-10k: could not build the joined workers' namespaces; see $out/netns.txt" >&2; exit 1; }
  fi
  case "$net" in
    netns) bus_host=$bridge_ip ;;
    loopback) bus_host=127.0.0.1 ;;
  esac
  # The bus's three fixed ports (BASE, BASE+1, BASE+2) must be free on the address it binds.
  zmq_port=$(python3 - "$bus_host" <<'PY'
import random, socket, sys
for _ in range(200):
    base = random.randrange(20000, 30000)
    socks = []
    try:
        for port in range(base, base + 3):
            s = socket.socket()
            s.bind((sys.argv[1], port))
            socks.append(s)
        print(base)
        break
    except OSError:
        pass
    finally:
        for s in socks:
            s.close()
PY
)
  [ -n "$zmq_port" ] || { echo "streams-10k: no three free ports in a row on $bus_host" >&2; exit 1; }
  zmq_args=(--zmq-host "$bus_host" --zmq-port "$zmq_port" --remote-workers "$joined")
  export MOCK_HOST=$bus_host
fi

ttft=${TTFT:-200}; itl=${ITL:-300}; osl=${OSL:-40}
start_mock --ttft "$ttft" --itl "$itl"
warm_mock '{"model":"bench","messages":[{"role":"user","content":"warm up"}],"stream":true,"max_completion_tokens":2,"ignore_eos":true}'
ramp_s=${RAMP:-10}
ramp=(); [ "$ramp_s" != 0 ] && ramp=(--concurrency-ramp-duration "$ramp_s")

# The joined workers start first and wait for the controller (their sockets reconnect until it binds).
joined_ids=()
for i in $(seq "$joined"); do
  id="joined-$i"
  joined_ids+=("$id")
  inside=(); [ "$net" = netns ] && inside=(ip netns exec "aiperf-10k-$$-$i")
  # ip netns exec and taskset exec their command: $! is the worker's JVM.
  $(client_cmd) "${inside[@]}" java -XX:TieredStopAtLevel=1 -jar "$jar" worker --controller "$bus_host:$zmq_port" \
      --id "$id" > "$run/worker-$id.txt" 2>&1 &
  joined_pids+=("$!")
  bench_pids+=("$!")
done

# Machine-wide TCP counters: a full accept queue (ListenOverflows) makes the client send its SYN again a second later.
tcp_counters() { nstat -az 2>/dev/null | awk '$1 ~ /ListenOverflows|TCPSynRetrans/ {printf "%s=%s ", $1, $2}'; }
before=$(tcp_counters)
SAMPLE_PIDS="${joined_pids[*]}" WORKERS=$local_workers SAMPLE_CPU=1 aiperf_profile "$run" --streaming \
    --isl "${ISL:-20}" --osl "$osl" --extra-inputs ignore_eos:true --concurrency "$streams" \
    --request-count "$requests" --export-http-trace "${ramp[@]}" "${zmq_args[@]}"
after=$(tcp_counters)
for i in "${!joined_pids[@]}"; do
  wait "${joined_pids[$i]}" \
    || { echo "streams-10k: joined worker ${joined_ids[$i]} failed; see $run/worker-${joined_ids[$i]}.txt" >&2; exit 1; }
done
echo "streams $streams, requests $requests, mock --ttft $ttft --itl $itl, osl $osl, local workers $local_workers," \
    "joined workers $joined${joined_pids[*]:+ (network: $net${zmq_args[*]:+, bus $bus_host:$zmq_port})}," \
    "ramp ${ramp_s} s, mock cpus ${MOCK_CPUS:-all}, client cpus ${CLIENT_CPUS:-all}" | tee "$out/report.txt"
joined_csv=$(IFS=,; echo "${joined_ids[*]}")
worker_logs=()
for id in "${joined_ids[@]}"; do worker_logs+=("$run/worker-$id.txt"); done
report StreamsReport "$streams" "$(getconf CLK_TCK)" "$run/mock-requests.json" "$run/aiperf/profile_export.jsonl" \
    "$run/aiperf/profile_export_aiperf.json" "$run/cpu.csv" "$local_workers" "$joined_csv" "${worker_logs[@]}" \
    | tee -a "$out/report.txt"
echo "TCP counters (whole machine) before: ${before:-n/a}; after: ${after:-n/a}" | tee -a "$out/report.txt"
load_line | tee -a "$out/report.txt"
echo "artifacts: $out"
