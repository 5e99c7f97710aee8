package io.aiperf.core.dataset;

import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text from which synthetic prompts are cut, and its tokenization into one token pool.
 *
 * <p>The built-in corpus ({@link #builtin()}) is our own: it is generated in code, with a fixed seed, from the word
 * lists in {@link CorpusVocabulary} and a set of sentence templates — ordinary English sentences and paragraphs, with
 * numbers, punctuation, some code-like lines and a little non-ASCII text. It is about {@value #TARGET_CHARS}
 * characters, identical on every machine and JDK.
 *
 * <p>{@link #tokenize(TextTokenizer)} groups the (non-blank, stripped) lines into chunks of whole lines of at least
 * {@value #CHUNK_CHARS} characters, joins each chunk's lines with a single space, tokenizes the chunks (in parallel)
 * and concatenates the ids in chunk order. The chunking depends only on the text, so the pool is the same on every
 * machine for the same tokenizer, whatever the thread count.
 * (As in AIPerf, chunks are encoded separately, so where one chunk ends and the next begins the decoded pool may
 * lack the joining space, e.g. {@code "end.Next"}, with tokenizers that fold a leading space into the token.)
 */
public final class PromptCorpus {

    /** Size the built-in generator stops at (the last line may overshoot a little). */
    public static final int TARGET_CHARS = 80_000;
    /** Minimum characters per tokenization chunk (whole lines). */
    public static final int CHUNK_CHARS = 10_000;
    /** Seed of the built-in corpus generator. Frozen: changing it changes every synthetic prompt. */
    static final long GENERATOR_SEED = 0x41495065726643L;
    /** Upper bound on tokenization threads. */
    static final int MAX_THREADS = 8;

    private final List<String> lines;

    private PromptCorpus(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            String s = line.strip();
            if (!s.isEmpty()) {
                kept.add(s);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("corpus has no non-blank line");
        }
        this.lines = List.copyOf(kept);
    }

    /** A corpus of the given lines (blank lines dropped, each line stripped). */
    public static PromptCorpus of(List<String> lines) {
        return new PromptCorpus(lines);
    }

    /** The built-in generated corpus (generated once per JVM). */
    public static PromptCorpus builtin() {
        return Builtin.INSTANCE;
    }

    private static final class Builtin {
        static final PromptCorpus INSTANCE = new PromptCorpus(new Generator(GENERATOR_SEED).generate(TARGET_CHARS));
    }

    /** The non-blank, stripped lines. */
    public List<String> lines() {
        return lines;
    }

    /** The lines joined with {@code '\n'}. */
    public String text() {
        return String.join("\n", lines);
    }

    /** Characters in {@link #text()}. */
    public int charCount() {
        int n = lines.size() - 1;
        for (String l : lines) {
            n += l.length();
        }
        return n;
    }

    /** The tokenization chunks: whole lines, each chunk at least {@value #CHUNK_CHARS} chars (but the last), joined by spaces. */
    public List<String> chunks() {
        List<String> chunks = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(line);
            if (sb.length() >= CHUNK_CHARS) {
                chunks.add(sb.toString());
                sb.setLength(0);
            }
        }
        if (sb.length() > 0) {
            chunks.add(sb.toString());
        }
        return chunks;
    }

    /** Tokenizes with up to {@code min(8, available processors)} threads. */
    public int[] tokenize(TextTokenizer tokenizer) {
        return tokenize(tokenizer, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The token pool: the chunks' ids concatenated in chunk order. The result does not depend on {@code threads}.
     *
     * @throws IllegalStateException if the tokenizer yields no token at all
     */
    public int[] tokenize(TextTokenizer tokenizer, int threads) {
        List<String> chunks = chunks();
        int[][] parts = new int[chunks.size()][];
        int n = Math.max(1, Math.min(threads, chunks.size()));
        if (n == 1) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = tokenizer.encode(chunks.get(i));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "aiperf-corpus-tokenize");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<int[]>> futures = new ArrayList<>(chunks.size());
                for (String chunk : chunks) {
                    futures.add(pool.submit(() -> tokenizer.encode(chunk)));
                }
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = futures.get(i).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while tokenizing the corpus", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("tokenizing the corpus failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        int total = 0;
        for (int[] p : parts) {
            total += p.length;
        }
        if (total == 0) {
            throw new IllegalStateException("tokenizer " + tokenizer.name() + " produced no token for the corpus");
        }
        int[] pool = new int[total];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, pool, at, p.length);
            at += p.length;
        }
        return pool;
    }

    /** Assembles sentences, paragraphs and code-like lines from {@link CorpusVocabulary}. */
    static final class Generator {

        private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z0-9#]+)}");
        private static final Pattern QUOTE_START = Pattern.compile("(^|[.!?] )“(\\p{Ll})");
        private static final Pattern ARTICLE = Pattern.compile("(^|[\\s(“\"])([Aa]) (?=[aeioAEIO])");

        private static final List<String> SENTENCES = List.of(
                "{D} {A} {N} {Vd} {P} the {N}.",
                "{Nm} {Vd} the {A} {N} {R}.",
                "{Pr} {V3} {Ns} {P} the {N} {C} the {N} {V3} {R}.",
                "Nobody could say why the {N} {Vd} {P} {Pl}.",
                "After the {N} {Vd}, {Nm} {Vd} {#} {Ns} and {Vd} them {P} the {A} {N}.",
                "Why does the {N} {V} {R}?",
                "Could {Nm} {V} the {N} before the {N} {V3}?",
                "In {Pl}, the {Ns} are {A}, {C} the {Ns} stay {A}.",
                "The list had {#} {Ns}, {#} {Ns}, and {##} {Ns}.",
                "At {time} on {date}, the {N} {Vd} {pct} of its {Ns}.",
                "It costs {money} to {V} a {A} {N} in {Pl}.",
                "{Nm} asked for a {food} at the {A} {N}.",
                "Each {N} holds between {#} and {##} {Ns}; {Pr} {V3} them {R}.",
                "The {N} is {A}: it {V3} {P} the {N}, {R} and {A}.",
                "Step {#}: {V} the {N}, then {V} the {A} {N}.",
                "{Ns} {V} {R}; {Ns} {V} {R}.",
                "If the {N} {V3}, the {N} {V3} too.",
                "Measured at {dec} {unit}, the {N} was {A} enough.",
                "Between {Pl} and {Pl} there is a {A} {N} with {##} {Ns}.",
                "The {A} {N} — {A} and {A} — {Vd} {P} the {N}.",
                "({Nm} {Vd} the {N} {R}.)",
                "Version {ver} {Vd} the {A} {N} and {Vd} {#} {Ns}.",
                "{Nm} wrote “{X}” on the {N}, next to a {A} {N}.",
                "{Pp} {V} the {N}, {C} {Pr} {V3} the {N} {R}.",
                "The {Ns} of {Pl} {V} {P} the {A} {N} every {N}.",
                "Is the {N} {A} or {A}? {Nm} thinks it is {A}.",
                "Not every {N} {V3} a {N}, {C} most {Ns} do.",
                "By {time} the {A} {Ns} had {Vd} {P} the {N}.",
                "{Nm} and {Nm} {Vd} a {N} from {Pl} for {money}.",
                "{R}, the {N} {Vd} {P} the {N} with {#} {A} {Ns}.",
                "The note on the {N} said {sym}, nothing more.",
                "{Nm} paused… then {Vd} the {A} {N} {P} {Pl}.",
                "Do {Pp} {V} the {Ns} {R}, {C} do {Pp} {V} them {R}?");

        private static final List<String> DIALOGUE = List.of(
                "“Please {V} the {A} {N},” said {Nm}. “{Pr} {V3} it {R}.”",
                "“Where did you {V} the {N}?” {Nm} asked. “{P} the {N}, {R},” {Nm} answered.",
                "“{X}!” said {Nm}, and {Vd} the {N} {P} the {A} {N}.",
                "“Is it {sym}?” asked {Nm}. “No, it is {dec} {unit},” said {Nm}.",
                "“We need {#} more {Ns} by {date},” {Nm} wrote in the {N}.");

        private static final List<String> CODE = List.of(
                "int {id} = {##}; while ({id} > 0) { {id}--; {fn}({id}); }",
                "if ({id} >= {#}) { return {id2}; } else { {id2} += {#}; }",
                "def {fn}({id}): return [x * {#} for x in range({##})]",
                "SELECT {id}, {id2} FROM {Ns} WHERE {id} > {##} ORDER BY {id2} DESC LIMIT {#};",
                "{\"{id}\": {##}, \"{id2}\": \"{A}\", \"ok\": true, \"ratio\": {dec}}",
                "/srv/{N}/{N}_{#}.log: {##} lines, {dec} KB, last write {time}",
                "for (int i = 0; i < {##}; i++) { {id}[i] = {id2}[i] * {dec}; }",
                "const {camel} = await {fnCamel}(\"{N}\", { retries: {#}, timeoutMs: {##} });",
                "{id} := map[string]int{\"{N}\": {#}, \"{N}\": {##}}",
                "x_{#} = {dec} ± {dec} (n = {##}, p < 0.0{#})",
                "$ {fn} --{N}={#} --{A} < {N}.txt > {N}_{#}.out",
                "assert {fn}({#}, {#}) == {##}, \"{A} {N}\"");

        private final SeededRandom rng;

        Generator(long seed) {
            this.rng = new SeededRandom(seed);
        }

        List<String> generate(int targetChars) {
            List<String> out = new ArrayList<>();
            int chars = 0;
            while (chars < targetChars) {
                String line = line();
                out.add(line);
                chars += line.length() + 1;
            }
            return out;
        }

        private String line() {
            int r = rng.nextInt(100);
            if (r < 9) {
                return expand(pick(CODE));
            }
            if (r < 14) {
                return list();
            }
            StringBuilder sb = new StringBuilder();
            int sentences = 3 + rng.nextInt(6);
            for (int i = 0; i < sentences; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                boolean talk = r < 22 && i == 0;
                sb.append(sentence(talk ? pick(DIALOGUE) : pick(SENTENCES)));
            }
            return sb.toString();
        }

        private String list() {
            StringBuilder sb = new StringBuilder(capitalize(plural(pick(CorpusVocabulary.NOUNS)))).append(": ");
            int items = 3 + rng.nextInt(4);
            for (int i = 0; i < items; i++) {
                if (i > 0) {
                    sb.append(i == items - 1 ? ", and " : ", ");
                }
                sb.append(pick(CorpusVocabulary.ADJECTIVES)).append(' ').append(pick(CorpusVocabulary.NOUNS));
                if (rng.nextInt(3) == 0) {
                    sb.append(" (").append(1 + rng.nextInt(40)).append(')');
                }
            }
            return sb.append('.').toString();
        }

        private String sentence(String template) {
            String s = expand(template);
            s = ARTICLE.matcher(s).replaceAll("$1$2n ");
            s = QUOTE_START.matcher(s).replaceAll(m ->
                    Matcher.quoteReplacement(m.group(1) + "“" + m.group(2).toUpperCase(Locale.ROOT)));
            return capitalize(s);
        }

        private String expand(String template) {
            Matcher m = SLOT.matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(fill(m.group(1))));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private String fill(String slot) {
            switch (slot) {
                case "N": return pick(CorpusVocabulary.NOUNS);
                case "Ns": return plural(pick(CorpusVocabulary.NOUNS));
                case "A": return pick(CorpusVocabulary.ADJECTIVES);
                case "V": return pick(CorpusVocabulary.VERBS)[0];
                case "V3": return pick(CorpusVocabulary.VERBS)[1];
                case "Vd": return pick(CorpusVocabulary.VERBS)[2];
                case "R": return pick(CorpusVocabulary.ADVERBS);
                case "P": return pick(CorpusVocabulary.PREPOSITIONS);
                case "D": return pick(CorpusVocabulary.DETERMINERS);
                case "Pr": return pick(CorpusVocabulary.PRONOUNS);
                case "Pp": return pick(CorpusVocabulary.PLURAL_PRONOUNS);
                case "C": return pick(CorpusVocabulary.CONJUNCTIONS);
                case "Nm": return pick(CorpusVocabulary.NAMES);
                case "Pl": return pick(CorpusVocabulary.PLACES);
                case "X": return pick(CorpusVocabulary.FOREIGN);
                case "food": return pick(CorpusVocabulary.FOODS);
                case "sym": return pick(CorpusVocabulary.SYMBOLS);
                case "unit": return pick(CorpusVocabulary.UNITS);
                case "#": return Integer.toString(2 + rng.nextInt(98));
                case "##": return Integer.toString(100 + rng.nextInt(9900));
                case "dec": return rng.nextInt(100) + "." + (rng.nextInt(90) + 10);
                case "pct": return rng.nextInt(101) + "%";
                case "money": return "$" + (1 + rng.nextInt(500)) + "." + (rng.nextInt(90) + 10);
                case "time": return String.format(Locale.ROOT, "%02d:%02d", rng.nextInt(24), rng.nextInt(60));
                case "date": return String.format(Locale.ROOT, "%04d-%02d-%02d",
                        2019 + rng.nextInt(12), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
                case "ver": return "v" + rng.nextInt(5) + "." + rng.nextInt(20) + "." + rng.nextInt(10);
                case "id", "id2": return pick(CorpusVocabulary.NOUNS) + "_" + pick(CorpusVocabulary.NOUNS);
                case "fn": return pick(CorpusVocabulary.VERBS)[0] + "_" + pick(CorpusVocabulary.NOUNS);
                case "camel": return pick(CorpusVocabulary.ADJECTIVES) + capitalize(pick(CorpusVocabulary.NOUNS));
                case "fnCamel": return pick(CorpusVocabulary.VERBS)[0] + capitalize(pick(CorpusVocabulary.NOUNS));
                default: throw new IllegalStateException("unknown slot {" + slot + "}");
            }
        }

        private <T> T pick(List<T> list) {
            return list.get(rng.nextInt(list.size()));
        }

        static String plural(String noun) {
            if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
                return noun + "es";
            }
            if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
                return noun.substring(0, noun.length() - 1) + "ies";
            }
            return noun + "s";
        }

        static String capitalize(String s) {
            if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
                return s;
            }
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
