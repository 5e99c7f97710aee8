package io.aiperf.core.dataset.publicdata;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code --public-dataset}: datasets fetched from the Hugging Face hub instead of read from {@code --input-file}. */
public enum PublicDataset {
    /** vLLM's ShareGPT benchmark set: the first two messages of each conversation as one prompt and its reply. */
    SHAREGPT("sharegpt");

    /** AIPerf public datasets that exist but cannot be loaded here yet. */
    static final List<String> NOT_YET_SUPPORTED = List.of("aimo", "aimo_aime", "aimo_numina_cot",
            "aimo_numina_1_5", "mmstar", "mmvu", "vision_arena", "llava_onevision", "spec_bench", "instruct_coder",
            "blazedit_5k", "blazedit_10k");

    private final String cliName;

    PublicDataset(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /**
     * Parses a CLI spelling (case-insensitive, {@code -} and {@code _} alike).
     *
     * @throws IllegalArgumentException naming the supported datasets (and saying so when the name is an AIPerf
     *                                  dataset not supported here yet)
     */
    public static PublicDataset parse(String s) {
        String norm = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (PublicDataset d : values()) {
            if (d.cliName.equals(norm)) {
                return d;
            }
        }
        String supported = Arrays.stream(values()).map(PublicDataset::cliName).collect(Collectors.joining(", "));
        if (NOT_YET_SUPPORTED.contains(norm) || norm.startsWith("speed_bench")) {
            throw new IllegalArgumentException("public dataset '" + norm + "' is not supported yet; supported: "
                    + supported);
        }
        throw new IllegalArgumentException("unknown public dataset '" + s + "'; expected one of " + supported);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
