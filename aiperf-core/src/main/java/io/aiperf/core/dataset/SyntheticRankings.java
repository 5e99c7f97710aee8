package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic dataset of a rankings endpoint (AIPerf's synthetic rankings composer): one single-turn conversation
 * per dataset entry, its turn holding one text named {@value #QUERY} and a list named {@value #PASSAGES}.
 *
 * <p>Draws, per entry in order, each from its own stream: the passage count
 * ({@link PositiveNormal#sampleInteger}(passagesMean, passagesStddev), {@value RandomStreams#RANKINGS_PASSAGES}); the
 * query length ({@value RandomStreams#RANKINGS_QUERY_TOKENS}); each passage's length
 * ({@value RandomStreams#RANKINGS_PASSAGE_TOKENS}); one prompt seed for the query, then one per passage
 * ({@value RandomStreams#PROMPT_CORPUS}); the conversation id ({@value RandomStreams#CONVERSATION_ID}). Prompts are
 * then cut in parallel, and each turn's ISL is the token count of its query and passages joined by single spaces.
 * No {@code max_tokens} is set: rankings requests have none.
 */
public final class SyntheticRankings {

    /** Name of the query text (what rankings bodies read as the query). */
    public static final String QUERY = "query";
    /** Name of the passages list. */
    public static final String PASSAGES = "passages";

    private SyntheticRankings() {
    }

    /**
     * @param shape     passages per request and token lengths
     * @param entries   conversations to make
     * @param generator cuts prompts of exact length from the run's token pool
     * @param rs        the run's streams
     * @param threads   threads for cutting and counting (the result does not depend on it)
     */
    static List<Conversation> conversations(InputConfig.Rankings shape, int entries,
                                            SyntheticPromptGenerator generator, RandomStreams rs, int threads) {
        SeededRandom passagesRng = rs.derive(RandomStreams.RANKINGS_PASSAGES);
        SeededRandom queryRng = rs.derive(RandomStreams.RANKINGS_QUERY_TOKENS);
        SeededRandom passageRng = rs.derive(RandomStreams.RANKINGS_PASSAGE_TOKENS);
        SeededRandom seedRng = rs.derive(RandomStreams.PROMPT_CORPUS);
        SeededRandom idRng = rs.derive(RandomStreams.CONVERSATION_ID);
        int[] passageCounts = new int[entries];
        String[] ids = new String[entries];
        List<Integer> lengths = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int n = PositiveNormal.sampleInteger(passagesRng, shape.passagesMean(), shape.passagesStddev());
            passageCounts[i] = n;
            lengths.add(PositiveNormal.sampleInteger(queryRng, shape.queryTokensMean(), shape.queryTokensStddev()));
            for (int j = 0; j < n; j++) {
                lengths.add(PositiveNormal.sampleInteger(passageRng, shape.passageTokensMean(),
                        shape.passageTokensStddev()));
            }
            for (int j = 0; j <= n; j++) {
                seeds.add(seedRng.nextLong());
            }
            ids[i] = SyntheticDataset.Builder.uuid(idRng);
        }
        Prompt[] prompts = generator.prompts(lengths.stream().mapToInt(Integer::intValue).toArray(),
                seeds.stream().mapToLong(Long::longValue).toArray(), threads);
        List<TurnContents> contents = new ArrayList<>(entries);
        int p = 0;
        for (int i = 0; i < entries; i++) {
            String query = prompts[p++].text();
            List<String> passages = new ArrayList<>(passageCounts[i]);
            for (int j = 0; j < passageCounts[i]; j++) {
                passages.add(prompts[p++].text());
            }
            contents.add(new TurnContents(List.of(NamedContents.of(QUERY, query),
                    new NamedContents(PASSAGES, passages)), List.of(), List.of(), List.of()));
        }
        List<Integer> isl = Parallel.map(entries, threads, "aiperf-dataset-count",
                i -> generator.tokenizer().countTokens(contents.get(i).joinedText()));
        List<Conversation> out = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            TurnContents c = contents.get(i);
            out.add(new Conversation(ids[i], List.of(
                    new Turn(c.joinedText(), isl.get(i), null, 0.0).withContents(c, isl.get(i)))));
        }
        return out;
    }
}
