#!/usr/bin/env bash
# How well a worker that joins from another host knows the controller's clock. The worker runs in a network
# namespace (its own network stack, reached over a veth pair, as another host would be), so its bus traffic takes a
# real network path; but it shares the kernel's CLOCK_MONOTONIC with the controller, so the true offset between the
# two is 0 and the offset the worker estimates is its error. Three paths: the bare veth; 1 ms added each way (netem
# on both ends); 2 ms added on the way to the controller only (the worst case for NTP's method, which assumes equal
# ways: the error is half the difference, 1 ms, and must stay within the bound the worker reports).
#   ROUNDS=3 (runs per path), DURATION=12 (seconds of load per run, so the periodic probes every 5 s come in)
# Needs root (ip netns, tc). Prints one row per run: the bound and the error the worker reports at the join and at
# the end of the run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init clock-offset
need ip tc
[ "$(id -u)" = 0 ] || { echo "$(basename "$0"): needs root (ip netns, tc netem)" >&2; exit 1; }

ns="aiperf-clk-$$"
host_if="vck$$a"
ns_if="vck$$b"
host_ip=10.213.$(( $$ % 200 )).1
ns_ip=10.213.$(( $$ % 200 )).2
cleanup_net() {
  ip link del "$host_if" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
}
trap 'bench_cleanup; cleanup_net' EXIT
ip netns add "$ns"
ip link add "$host_if" type veth peer name "$ns_if"
ip link set "$ns_if" netns "$ns"
ip addr add "$host_ip/24" dev "$host_if"
ip link set "$host_if" up
ip netns exec "$ns" ip addr add "$ns_ip/24" dev "$ns_if"
ip netns exec "$ns" ip link set "$ns_if" up
ip netns exec "$ns" ip link set lo up

mock_port=$(free_port)
"$root/bin/aiperf-mock-server" --host "$host_ip" --port "$mock_port" --ttft 20 --itl 10 >> "$out/mock.log" 2>&1 &
bench_pids+=("$!")
for _ in $(seq 100); do curl -sf "http://$host_ip:$mock_port/health" >/dev/null 2>&1 && break; sleep 0.1; done

netem() { # netem SIDE DELAY_MS: SIDE host (controller → worker), ns (worker → controller)
  if [ "$1" = host ]; then
    tc qdisc replace dev "$host_if" root netem delay "${2}ms"
  else
    ip netns exec "$ns" tc qdisc replace dev "$ns_if" root netem delay "${2}ms"
  fi
}
netem_off() {
  tc qdisc del dev "$host_if" root 2>/dev/null || true
  ip netns exec "$ns" tc qdisc del dev "$ns_if" root 2>/dev/null || true
}

# "known to ±0.123 ms (… monotonic clocks +0.045 ms apart)" → "0.123 0.045"
parse() { sed -n 's/.*known to ±\([0-9.]*\) ms .*clocks \([-+][0-9.]*\) ms apart.*/\1 \2/p' | sed -n "$1p"; }

printf '%-28s %5s %14s %14s %14s %14s\n' path run "bound@join ms" "error@join ms" "bound@end ms" "error@end ms" \
    | tee "$out/table.txt"
rounds="${ROUNDS:-3}"
paths=("veth")
if tc qdisc add dev "$host_if" root netem delay 1ms 2>/dev/null; then
  tc qdisc del dev "$host_if" root
  paths+=("1 ms each way" "2 ms to the controller only")
else
  echo "(tc netem is not available in this kernel: the bare veth only)" | tee -a "$out/table.txt"
fi
for path in "${paths[@]}"; do
  netem_off
  case "$path" in
    "1 ms each way") netem host 1; netem ns 1 ;;
    "2 ms to the controller only") netem ns 2 ;;
  esac
  for round in $(seq "$rounds"); do
    run="$out/${path// /-}-$round"
    mkdir -p "$run"
    zmq_port=$(( 20000 + ($$ % 500) * 20 + round * 4 ))
    "$root/bin/aiperf" profile -m bench -u "$host_ip:$mock_port" --endpoint-type chat --streaming \
        --tokenizer builtin --ui none --artifact-dir "$run/aiperf" --zmq-host "$host_ip" --zmq-port "$zmq_port" \
        --remote-workers 1 --workers-max 1 --concurrency 4 --benchmark-duration "${DURATION:-12}" \
        --isl 20 --osl 20 > "$run/console.txt" 2>&1 &
    cli=$!
    bench_pids+=("$cli")
    ip netns exec "$ns" java -XX:TieredStopAtLevel=1 -jar "$jar" worker --controller "$host_ip:$zmq_port" \
        --id "clk-$round" > "$run/worker.txt" 2>&1 || true
    wait "$cli" || { echo "$(basename "$0"): aiperf failed; see $run/console.txt" >&2; exit 1; }
    read -r jb je < <(parse 1 < "$run/worker.txt" || true)
    read -r eb ee < <(parse 2 < "$run/worker.txt" || true)
    printf '%-28s %5s %14s %14s %14s %14s\n' "$path" "$round" "${jb:-?}" "${je:-?}" "${eb:-?}" "${ee:-?}" \
        | tee -a "$out/table.txt"
  done
done
netem_off
echo "true offset 0 (one kernel clock): the error is the estimate itself; $(load_line)" | tee -a "$out/table.txt"
