# Serves a few metrics of every kind with Debian's python3-prometheus-client (0.16.0), so that the fixtures
# python-client.txt and python-client.openmetrics.txt are that library's real output in both formats (node-exporter
# 1.5.0 on Debian 12 does not negotiate OpenMetrics and exposes no histogram). Run with /usr/bin/python3, then
#   curl -s 127.0.0.1:19101/metrics > python-client.txt
#   curl -s -H 'Accept: application/openmetrics-text; version=1.0.0' 127.0.0.1:19101/metrics > python-client.openmetrics.txt
import time
from prometheus_client import Counter, Enum, Gauge, Histogram, Info, Summary, start_http_server

requests = Counter("demo_requests", "Requests served.", ["method", "path"])
in_flight = Gauge("demo_in_flight_requests", "Requests in flight.")
latency = Histogram("demo_request_duration_seconds", "Request latency.", ["method"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0))
size = Summary("demo_response_size_bytes", "Response sizes.")
build = Info("demo_build", "Build information.")
state = Enum("demo_state", "Service state.", states=["starting", "running", "stopped"])
temperature = Gauge("demo_temperature_celsius", "A gauge with a unit.", unit="celsius")

requests.labels("GET", "/v1/models").inc(7)
requests.labels("POST", 'path with "quotes", a \\ backslash and a\nnewline').inc(3)
in_flight.set(2)
for seconds in (0.003, 0.004, 0.02, 0.03, 0.07, 0.2, 0.2, 0.4, 0.9, 2.5):
    latency.labels("POST").observe(seconds)
for bytes_ in (512, 1024, 2048):
    size.observe(bytes_)
build.info({"version": "1.2.3", "revision": "abc123"})
state.state("running")
temperature.set(float("nan"))

start_http_server(19101, addr="127.0.0.1")
while True:
    time.sleep(60)
