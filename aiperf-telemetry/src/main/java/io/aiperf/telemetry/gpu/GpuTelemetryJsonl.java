package io.aiperf.telemetry.gpu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code gpu_telemetry_export.jsonl}: one line per GPU per scrape (AIPerf's TelemetryRecord, reference §6.8), in
 * display units, written as the scrapes arrive and flushed after each, so a killed run keeps what was scraped.
 */
public final class GpuTelemetryJsonl implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private long lines;

    public GpuTelemetryJsonl(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public void write(long epochNs, List<Map.Entry<GpuStore.Gpu, Map<GpuField, Double>>> scraped) throws IOException {
        for (Map.Entry<GpuStore.Gpu, Map<GpuField, Double>> e : scraped) {
            GpuStore.Gpu gpu = e.getKey();
            ObjectNode line = JSON.createObjectNode();
            line.put("gpu_index", gpu.index);
            line.put("gpu_uuid", gpu.uuid);
            line.put("gpu_model_name", gpu.modelName);
            line.put("pci_bus_id", gpu.pciBusId);
            line.put("device", gpu.device);
            line.put("hostname", gpu.hostname);
            line.put("namespace", gpu.namespace);
            line.put("pod_name", gpu.pod);
            line.put("timestamp_ns", epochNs);
            line.put("dcgm_url", gpu.url);
            ObjectNode data = line.putObject("telemetry_data");
            e.getValue().forEach((field, value) -> data.put(field.tag(), value));
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            lines++;
        }
        out.flush();
    }

    public Path file() {
        return file;
    }

    public long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
