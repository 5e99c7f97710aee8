package io.aiperf.core.dataset.publicdata;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code --public-dataset}: datasets fetched from the Hugging Face hub (or, for SpecBench, GitHub) instead of read
 * from {@code --input-file}, with AIPerf's names. ShareGPT has its own loader; every other value carries the
 * {@link HfRowsSpec} that {@link HfRowsLoader} reads it with.
 */
public enum PublicDataset {
    SHAREGPT("sharegpt", "vLLM's ShareGPT benchmark set from the Hugging Face hub (cached)", null),

    AIMO("aimo", "AI-MO/NuminaMath-TIR competition math problems",
            HfRowsSpec.field("AI-MO/NuminaMath-TIR", "train", "problem")),
    AIMO_AIME("aimo_aime", "AI-MO/aimo-validation-aime: 90 AIME problems",
            HfRowsSpec.field("AI-MO/aimo-validation-aime", "train", "problem")),
    AIMO_NUMINA_COT("aimo_numina_cot", "AI-MO/NuminaMath-CoT chain-of-thought math problems",
            HfRowsSpec.field("AI-MO/NuminaMath-CoT", "train", "problem")),
    AIMO_NUMINA_1_5("aimo_numina_1_5", "AI-MO/NuminaMath-1.5 math problems",
            HfRowsSpec.field("AI-MO/NuminaMath-1.5", "train", "problem")),
    MMSTAR("mmstar", "Lin-Chen/MMStar visual questions, each with its image",
            HfRowsSpec.field("Lin-Chen/MMStar", "val", "question").withImage("image")),
    MMVU("mmvu", "yale-nlp/MMVU video questions with their options and video URL",
            HfRowsSpec.field("yale-nlp/MMVU", "validation", "question").withChoices("choices").withVideo("video")),
    VISION_ARENA("vision_arena", "lmarena-ai/VisionArena-Chat: first user message and its images (needs HF_TOKEN)",
            HfRowsSpec.conversation("lmarena-ai/VisionArena-Chat", null, "train", "conversation", "content")
                    .withImage("images")),
    LLAVA_ONEVISION("llava_onevision", "lmms-lab/LLaVA-OneVision-Data (sharegpt4o): first human message and image",
            HfRowsSpec.conversation("lmms-lab/LLaVA-OneVision-Data", "sharegpt4o", "train", "conversations",
                    "value").withImage("image")),

    SPEED_BENCH_QUALITATIVE("speed_bench_qualitative", "SPEED-Bench qualitative split: 880 prompts, 11 domains",
            speed("qualitative", null)),
    SPEED_BENCH_CODING("speed_bench_coding", "SPEED-Bench qualitative, coding (80 prompts)",
            speed("qualitative", "coding")),
    SPEED_BENCH_HUMANITIES("speed_bench_humanities", "SPEED-Bench qualitative, humanities (80 prompts)",
            speed("qualitative", "humanities")),
    SPEED_BENCH_MATH("speed_bench_math", "SPEED-Bench qualitative, math (80 prompts)",
            speed("qualitative", "math")),
    SPEED_BENCH_MULTILINGUAL("speed_bench_multilingual", "SPEED-Bench qualitative, multilingual (80 prompts)",
            speed("qualitative", "multilingual")),
    SPEED_BENCH_QA("speed_bench_qa", "SPEED-Bench qualitative, question answering (80 prompts)",
            speed("qualitative", "qa")),
    SPEED_BENCH_RAG("speed_bench_rag", "SPEED-Bench qualitative, retrieval-augmented generation (80 prompts)",
            speed("qualitative", "rag")),
    SPEED_BENCH_REASONING("speed_bench_reasoning", "SPEED-Bench qualitative, reasoning (80 prompts)",
            speed("qualitative", "reasoning")),
    SPEED_BENCH_ROLEPLAY("speed_bench_roleplay", "SPEED-Bench qualitative, roleplay (80 prompts)",
            speed("qualitative", "roleplay")),
    SPEED_BENCH_STEM("speed_bench_stem", "SPEED-Bench qualitative, STEM (80 prompts)",
            speed("qualitative", "stem")),
    SPEED_BENCH_SUMMARIZATION("speed_bench_summarization", "SPEED-Bench qualitative, summarization (80 prompts)",
            speed("qualitative", "summarization")),
    SPEED_BENCH_WRITING("speed_bench_writing", "SPEED-Bench qualitative, writing (80 prompts)",
            speed("qualitative", "writing")),
    SPEED_BENCH_THROUGHPUT_1K("speed_bench_throughput_1k", "SPEED-Bench throughput, ~1K-token prompts (1536)",
            speed("throughput_1k", null)),
    SPEED_BENCH_THROUGHPUT_2K("speed_bench_throughput_2k", "SPEED-Bench throughput, ~2K-token prompts (1536)",
            speed("throughput_2k", null)),
    SPEED_BENCH_THROUGHPUT_8K("speed_bench_throughput_8k", "SPEED-Bench throughput, ~8K-token prompts (1536)",
            speed("throughput_8k", null)),
    SPEED_BENCH_THROUGHPUT_16K("speed_bench_throughput_16k", "SPEED-Bench throughput, ~16K-token prompts (1536)",
            speed("throughput_16k", null)),
    SPEED_BENCH_THROUGHPUT_32K("speed_bench_throughput_32k", "SPEED-Bench throughput, ~32K-token prompts (1536)",
            speed("throughput_32k", null)),
    SPEED_BENCH_THROUGHPUT_1K_LOW_ENTROPY("speed_bench_throughput_1k_low_entropy",
            "SPEED-Bench throughput ~1K, low entropy tier (512)", speed("throughput_1k", "low_entropy")),
    SPEED_BENCH_THROUGHPUT_1K_MIXED("speed_bench_throughput_1k_mixed",
            "SPEED-Bench throughput ~1K, mixed entropy tier (512)", speed("throughput_1k", "mixed")),
    SPEED_BENCH_THROUGHPUT_1K_HIGH_ENTROPY("speed_bench_throughput_1k_high_entropy",
            "SPEED-Bench throughput ~1K, high entropy tier (512)", speed("throughput_1k", "high_entropy")),
    SPEED_BENCH_THROUGHPUT_2K_LOW_ENTROPY("speed_bench_throughput_2k_low_entropy",
            "SPEED-Bench throughput ~2K, low entropy tier (512)", speed("throughput_2k", "low_entropy")),
    SPEED_BENCH_THROUGHPUT_2K_MIXED("speed_bench_throughput_2k_mixed",
            "SPEED-Bench throughput ~2K, mixed entropy tier (512)", speed("throughput_2k", "mixed")),
    SPEED_BENCH_THROUGHPUT_2K_HIGH_ENTROPY("speed_bench_throughput_2k_high_entropy",
            "SPEED-Bench throughput ~2K, high entropy tier (512)", speed("throughput_2k", "high_entropy")),
    SPEED_BENCH_THROUGHPUT_8K_LOW_ENTROPY("speed_bench_throughput_8k_low_entropy",
            "SPEED-Bench throughput ~8K, low entropy tier (512)", speed("throughput_8k", "low_entropy")),
    SPEED_BENCH_THROUGHPUT_8K_MIXED("speed_bench_throughput_8k_mixed",
            "SPEED-Bench throughput ~8K, mixed entropy tier (512)", speed("throughput_8k", "mixed")),
    SPEED_BENCH_THROUGHPUT_8K_HIGH_ENTROPY("speed_bench_throughput_8k_high_entropy",
            "SPEED-Bench throughput ~8K, high entropy tier (512)", speed("throughput_8k", "high_entropy")),
    SPEED_BENCH_THROUGHPUT_16K_LOW_ENTROPY("speed_bench_throughput_16k_low_entropy",
            "SPEED-Bench throughput ~16K, low entropy tier (512)", speed("throughput_16k", "low_entropy")),
    SPEED_BENCH_THROUGHPUT_16K_MIXED("speed_bench_throughput_16k_mixed",
            "SPEED-Bench throughput ~16K, mixed entropy tier (512)", speed("throughput_16k", "mixed")),
    SPEED_BENCH_THROUGHPUT_16K_HIGH_ENTROPY("speed_bench_throughput_16k_high_entropy",
            "SPEED-Bench throughput ~16K, high entropy tier (512)", speed("throughput_16k", "high_entropy")),
    SPEED_BENCH_THROUGHPUT_32K_LOW_ENTROPY("speed_bench_throughput_32k_low_entropy",
            "SPEED-Bench throughput ~32K, low entropy tier (512)", speed("throughput_32k", "low_entropy")),
    SPEED_BENCH_THROUGHPUT_32K_MIXED("speed_bench_throughput_32k_mixed",
            "SPEED-Bench throughput ~32K, mixed entropy tier (512)", speed("throughput_32k", "mixed")),
    SPEED_BENCH_THROUGHPUT_32K_HIGH_ENTROPY("speed_bench_throughput_32k_high_entropy",
            "SPEED-Bench throughput ~32K, high entropy tier (512)", speed("throughput_32k", "high_entropy")),

    SPEC_BENCH("spec_bench", "SpecBench questions (hemingkx/Spec-Bench on GitHub), first turn of each",
            HfRowsSpec.turns(null, null, null, "https://raw.githubusercontent.com/hemingkx/Spec-Bench/"
                    + "fd2c1cd7d2201ef71db4c5f4e455008f017967bf/data/spec_bench/question.jsonl", "turns", false)),
    INSTRUCT_CODER("instruct_coder", "likaixin/InstructCoder code-editing instructions",
            HfRowsSpec.field("likaixin/InstructCoder", "train", "instruction")),
    BLAZEDIT_5K("blazedit_5k", "vdaita/edit_5k_char: a ~5k-character code file and a change request",
            HfRowsSpec.field("vdaita/edit_5k_char", "train", "change_request").withTemplate(Templates.BLAZEDIT)),
    BLAZEDIT_10K("blazedit_10k", "vdaita/edit_10k_char: a ~10k-character code file and a change request",
            HfRowsSpec.field("vdaita/edit_10k_char", "train", "change_request").withTemplate(Templates.BLAZEDIT));

    /** Prompt templates ({@code {column}} placeholders), in a holder because enum constants cannot see statics. */
    static final class Templates {
        /** vLLM's Blazedit prompt. */
        static final String BLAZEDIT = "Given a code file, please apply the change requests and generate the new "
                + "file.\n\nOriginal file:\n```python\n{code}\n```\n\nChange request:\n{change_request}\n\nPlease "
                + "generate the new code file in the \"New file\" section below.";

        private Templates() {
        }
    }

    private final String cliName;
    private final String description;
    private final HfRowsSpec rows;

    PublicDataset(String cliName, String description, HfRowsSpec rows) {
        this.cliName = cliName;
        this.description = description;
        this.rows = rows;
    }

    /** SPEED-Bench on the hub: every config is split {@code test}; a row's user turns form one conversation. */
    private static HfRowsSpec speed(String config, String category) {
        return HfRowsSpec.turns("nvidia/SPEED-Bench", config, "test", null, "messages", true).withCategory(category);
    }

    public String cliName() {
        return cliName;
    }

    /** One line for {@code aiperf plugins}. */
    public String description() {
        return description;
    }

    /** How {@link HfRowsLoader} reads it, or null for ShareGPT (its own loader). */
    public HfRowsSpec rows() {
        return rows;
    }

    /**
     * Parses a CLI spelling (case-insensitive, {@code -} and {@code _} alike).
     *
     * @throws IllegalArgumentException naming the supported datasets
     */
    public static PublicDataset parse(String s) {
        String norm = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (PublicDataset d : values()) {
            if (d.cliName.equals(norm)) {
                return d;
            }
        }
        String supported = Arrays.stream(values()).map(PublicDataset::cliName)
                .filter(n -> !n.startsWith("speed_bench_") || n.equals("speed_bench_qualitative"))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown public dataset '" + s + "'; expected one of " + supported
                + " or another speed_bench_* variant (see aiperf plugins)");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
