package io.aiperf.cli.options;

import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.error.UsageException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns the export options into an {@link OutputConfig}: level, file-name prefix, time-slice width and the HTTP
 * trace switches.
 */
final class ExportOptionsResolver {

    /** Suffixes a user may have typed after the prefix; AIPerf drops them so every export gets its own. */
    private static final List<String> KNOWN_SUFFIXES = List.of(".jsonl", ".json", ".csv", ".parquet");

    private ExportOptionsResolver() {
    }

    static OutputConfig resolve(OutputOptions out, String artifactDir) {
        ExportLevel level = ExportLevel.parse(out.exportLevel);
        if (level == null) {
            throw new UsageException("--export-level '" + out.exportLevel + "': expected summary, records or raw");
        }
        Double slice = out.sliceDuration;
        if (slice != null && !(slice > 0 && Double.isFinite(slice))) {
            throw new UsageException("--slice-duration must be a positive number of seconds, got "
                    + PythonFloat.repr(slice));
        }
        return new OutputConfig(artifactDir, level, prefix(out.profileExportPrefix), slice, out.exportHttpTrace,
                out.showTraceTiming);
    }

    /** The bare base name: folders dropped (AIPerf keeps only the name), then known suffixes stripped. */
    static String prefix(String value) {
        if (value == null) {
            return null;
        }
        String name;
        try {
            Path fileName = Path.of(value.strip()).getFileName();
            name = fileName == null ? "" : fileName.toString();
        } catch (InvalidPathException e) {
            throw new UsageException("--profile-export-prefix '" + value + "': not a valid file name");
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : KNOWN_SUFFIXES) {
                if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                    name = name.substring(0, name.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new UsageException("--profile-export-prefix '" + value + "': no file name left");
        }
        return name;
    }
}
