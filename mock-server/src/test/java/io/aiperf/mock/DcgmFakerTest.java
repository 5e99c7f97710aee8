package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code /dcgm{N}/metrics} on a real mock server, loaded by real streaming requests. */
class DcgmFakerTest {

    private static final List<String> FAMILIES = List.of("DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_POWER_USAGE",
            "DCGM_FI_DEV_POWER_MGMT_LIMIT", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_TOTAL", "DCGM_FI_DEV_FB_FREE",
            "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_MEMORY_TEMP", "DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_MEM_CLOCK",
            "DCGM_FI_DEV_MEM_COPY_UTIL", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "DCGM_FI_DEV_XID_ERRORS",
            "DCGM_FI_DEV_POWER_VIOLATION", "DCGM_FI_DEV_THERMAL_VIOLATION");

    private static MockConfig config(DcgmConfig dcgm) {
        return MockConfig.ephemeral().withTiming(0, 1).withDcgm(dcgm);
    }

    private static PromLines scrape(MockServer server, int node) {
        HttpResponse<String> response = TestHttp.get(server, "/dcgm" + node + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        return PromLines.parse(response.body());
    }

    private static List<Double> perGpu(PromLines lines, String family) {
        return lines.samples(family).stream().map(PromLines.Sample::value).toList();
    }

    @Test
    void everyFamilyForEveryGpuWithDcgmLabels() {
        try (MockServer server = MockServer.start(config(DcgmConfig.defaults().withGpusPerNode(3)
                .withGpu(GpuProfile.A100).withHostname("node-a").withSeed(7L)))) {
            PromLines lines = scrape(server, 1);
            assertThat(lines.types.keySet()).containsExactlyInAnyOrderElementsOf(FAMILIES);
            assertThat(lines.types.get("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")).isEqualTo("counter");
            assertThat(lines.types.get("DCGM_FI_DEV_POWER_USAGE")).isEqualTo("gauge");
            for (String family : FAMILIES) {
                List<PromLines.Sample> samples = lines.samples(family);
                assertThat(samples).as(family).hasSize(3);
                assertThat(samples.stream().map(s -> s.label("gpu"))).containsExactly("0", "1", "2");
                for (PromLines.Sample s : samples) {
                    assertThat(s.labels().keySet())
                            .containsExactly("gpu", "UUID", "pci_bus_id", "device", "modelName", "Hostname");
                    assertThat(s.label("modelName")).isEqualTo("NVIDIA A100-SXM4-80GB");
                    assertThat(s.label("Hostname")).isEqualTo("node-a");
                    assertThat(s.label("UUID"))
                            .matches("GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                    assertThat(s.label("pci_bus_id")).matches("00000000:[0-9A-F]{2}:00\\.0");
                }
            }
            Set<String> uuids = lines.samples("DCGM_FI_DEV_GPU_UTIL").stream().map(s -> s.label("UUID"))
                    .collect(Collectors.toSet());
            assertThat(uuids).hasSize(3);
            assertThat(perGpu(lines, "DCGM_FI_DEV_POWER_MGMT_LIMIT")).containsOnly(400.0);
            assertThat(perGpu(lines, "DCGM_FI_DEV_FB_TOTAL")).containsOnly(81_920.0);
            assertThat(perGpu(lines, "DCGM_FI_DEV_XID_ERRORS")).containsOnly(0.0);
            for (int i = 0; i < 3; i++) {
                assertThat(perGpu(lines, "DCGM_FI_DEV_FB_USED").get(i) + perGpu(lines, "DCGM_FI_DEV_FB_FREE").get(i))
                        .isEqualTo(81_920.0);
            }
            // Node 2 is another machine: other UUIDs, its own hostname.
            PromLines node2 = scrape(server, 2);
            assertThat(node2.samples("DCGM_FI_DEV_GPU_UTIL")).hasSize(3)
                    .allSatisfy(s -> assertThat(uuids).doesNotContain(s.label("UUID")))
                    .allSatisfy(s -> assertThat(s.label("Hostname")).isEqualTo("node-a-2"));
        }
    }

    @Test
    void theSeedMakesIdsReproducible() {
        DcgmConfig seeded = DcgmConfig.defaults().withSeed(42L);
        List<String> first;
        List<String> second;
        List<String> other;
        try (MockServer server = MockServer.start(config(seeded))) {
            first = uuids(scrape(server, 1));
        }
        try (MockServer server = MockServer.start(config(seeded))) {
            second = uuids(scrape(server, 1));
        }
        try (MockServer server = MockServer.start(config(seeded.withSeed(43L)))) {
            other = uuids(scrape(server, 1));
        }
        assertThat(first).hasSize(DcgmConfig.DEFAULT_GPUS).isEqualTo(second).doesNotContainAnyElementsOf(other);
    }

    private static List<String> uuids(PromLines lines) {
        return lines.samples("DCGM_FI_DEV_POWER_USAGE").stream().map(s -> s.label("UUID")).toList();
    }

    @Test
    void unknownNodesAndMethodsAreRefused() {
        try (MockServer server = MockServer.start(config(DcgmConfig.defaults()))) {
            assertThat(TestHttp.get(server, "/dcgm0/metrics").statusCode()).isEqualTo(404);
            assertThat(TestHttp.get(server, "/dcgm65/metrics").statusCode()).isEqualTo(404);
            assertThat(TestHttp.get(server, "/dcgmx/metrics").statusCode()).isEqualTo(404);
            assertThat(TestHttp.get(server, "/dcgm/metrics").statusCode()).isEqualTo(404);
            assertThat(TestHttp.post(server, "/dcgm1/metrics", "{}").statusCode()).isEqualTo(405);
        }
    }

    @Test
    void energyGrowsBetweenScrapesAndRestartsOnReset() throws InterruptedException {
        try (MockServer server = MockServer.start(config(DcgmConfig.defaults().withSeed(1L)))) {
            List<Double> before = perGpu(scrape(server, 1), "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
            Thread.sleep(100);
            List<Double> after = perGpu(scrape(server, 1), "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
            for (int i = 0; i < before.size(); i++) {
                // At least idle power (75 W for an H200) for 100 ms: 7,500 mJ.
                assertThat(after.get(i) - before.get(i)).isGreaterThanOrEqualTo(7_000);
            }
            assertThat(TestHttp.post(server, MetricsResetRoute.PATH, "").statusCode()).isEqualTo(200);
            List<Double> reset = perGpu(scrape(server, 1), "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
            // From 0 at the reset, plus the few ms until this scrape; the counters before started at >= 1e8 mJ.
            assertThat(reset).allSatisfy(mj -> assertThat(mj).isBetween(0.0, 100_000.0));
            Thread.sleep(50);
            List<Double> later = perGpu(scrape(server, 1), "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
            for (int i = 0; i < reset.size(); i++) {
                assertThat(later.get(i)).isGreaterThan(reset.get(i));
            }
        }
    }

    @Test
    void loadAndPowerFollowTheServedThroughputWithinTheProfilesRange() throws Exception {
        GpuProfile h200 = GpuProfile.H200;
        DcgmConfig dcgm = DcgmConfig.defaults().withWindowSec(0.2).withSeed(3L);
        try (MockServer server = MockServer.start(config(dcgm))) {
            scrape(server, 1);
            Thread.sleep(250);
            PromLines idle = scrape(server, 1);
            assertThat(perGpu(idle, "DCGM_FI_DEV_POWER_USAGE"))
                    .allSatisfy(w -> assertThat(w).isBetween(h200.idlePowerW, h200.idlePowerW + 0.05 * 625));
            assertThat(perGpu(idle, "DCGM_FI_DEV_GPU_UTIL")).allSatisfy(u -> assertThat(u).isLessThanOrEqualTo(3));

            // Streams of 200 tokens, 1 ms apart, from 4 clients: thousands of tokens/s, far above the 100 floor.
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                running.add(clients.submit(() -> {
                    while (!stop.get()) {
                        TestHttp.stream(server, "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\","
                                + "\"content\":\"load\"}],\"stream\":true,\"max_tokens\":200,\"ignore_eos\":true}");
                    }
                    return null;
                }));
            }
            PromLines loaded;
            try {
                Thread.sleep(500);
                scrape(server, 1);
                Thread.sleep(300);
                loaded = scrape(server, 1);
            } finally {
                stop.set(true);
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.SECONDS);
                }
                clients.shutdown();
            }
            assertThat(perGpu(loaded, "DCGM_FI_DEV_POWER_USAGE")).allSatisfy(w -> assertThat(w)
                    .isBetween(h200.idlePowerW + 0.5 * (h200.powerLimitW - h200.idlePowerW), h200.powerLimitW));
            assertThat(perGpu(loaded, "DCGM_FI_DEV_GPU_UTIL")).allSatisfy(u -> assertThat(u).isGreaterThan(50));
            assertThat(perGpu(loaded, "DCGM_FI_DEV_SM_CLOCK").get(0))
                    .isGreaterThan(perGpu(idle, "DCGM_FI_DEV_SM_CLOCK").get(0));

            // Traffic stopped: the window that ends after the last token still counts some; the next sees none.
            scrape(server, 1);
            Thread.sleep(250);
            scrape(server, 1);
            Thread.sleep(250);
            PromLines after = scrape(server, 1);
            assertThat(perGpu(after, "DCGM_FI_DEV_GPU_UTIL")).allSatisfy(u -> assertThat(u).isLessThanOrEqualTo(3));
            assertThat(perGpu(after, "DCGM_FI_DEV_POWER_USAGE"))
                    .allSatisfy(w -> assertThat(w).isBetween(h200.idlePowerW, h200.idlePowerW + 0.05 * 625));
        }
    }

    @Test
    void withoutAutoLoadTheLoadStaysFixed() throws Exception {
        DcgmConfig dcgm = DcgmConfig.defaults().withWindowSec(0.1).withAutoLoad(false).withSeed(5L);
        try (MockServer server = MockServer.start(config(dcgm))) {
            scrape(server, 1);
            for (int i = 0; i < 5; i++) {
                TestHttp.stream(server, "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"x\"}],\"stream\":true,\"max_tokens\":100,\"ignore_eos\":true}");
            }
            PromLines lines = scrape(server, 1);
            assertThat(perGpu(lines, "DCGM_FI_DEV_GPU_UTIL"))
                    .allSatisfy(u -> assertThat(u).isBetween(3.0, 7.0)); // 5 % +- 2 % noise
        }
    }
}
