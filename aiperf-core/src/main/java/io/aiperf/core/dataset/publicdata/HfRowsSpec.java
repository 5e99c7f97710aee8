package io.aiperf.core.dataset.publicdata;

/**
 * Where a row-shaped public dataset lives and which fields of its rows make a request; each {@link PublicDataset}
 * value other than ShareGPT carries one. {@link HfRowsLoader} reads any of them.
 *
 * @param repo               Hugging Face dataset repo id ({@code AI-MO/NuminaMath-TIR}), or null when {@code url}
 *                           names the file instead
 * @param subset             the HF config (subset) name, or null for {@code default}; {@code --hf-subset} overrides it
 * @param split              the HF split
 * @param url                a file served outside the hub (JSONL), or null for hub rows
 * @param shape              how a row becomes turns
 * @param textField          {@link Shape#FIELD}: the prompt column; {@link Shape#CONVERSATION}: the message list
 *                           column; {@link Shape#TURNS}: the column holding the turn list
 * @param template           {@link Shape#FIELD}: a prompt template naming columns as {@code {column}}, or null
 * @param choicesField       {@link Shape#FIELD}: a column of lettered options appended as {@code A.x B.y}, or null
 * @param contentKey         {@link Shape#CONVERSATION}: the message key holding the text
 * @param imageField         a column of images (one or a list), or null
 * @param videoField         a column of video URLs, or null
 * @param category           keep only rows whose {@code category} equals this, or null for all
 * @param allTurns           {@link Shape#TURNS}: every turn of a row (true) or only its first (false)
 */
public record HfRowsSpec(String repo, String subset, String split, String url, Shape shape, String textField,
                         String template, String choicesField, String contentKey, String imageField,
                         String videoField, String category, boolean allTurns) {

    /** How the text of a row is found. */
    public enum Shape {
        /** One column is the prompt (or a template fills in several). */
        FIELD,
        /** A list of chat messages; the first user (or human) message is the prompt. */
        CONVERSATION,
        /** A list of user turns: strings, or messages with {@code role} and {@code content}. */
        TURNS
    }

    public HfRowsSpec {
        if ((repo == null) == (url == null)) {
            throw new IllegalArgumentException("exactly one of repo and url is required");
        }
        if (shape == null || textField == null) {
            throw new IllegalArgumentException("shape and textField are required");
        }
    }

    /** A hub dataset whose {@code column} is the prompt. */
    static HfRowsSpec field(String repo, String split, String column) {
        return new HfRowsSpec(repo, null, split, null, Shape.FIELD, column, null, null, null, null, null, null,
                false);
    }

    /** A hub dataset of chat message lists. */
    static HfRowsSpec conversation(String repo, String subset, String split, String column, String contentKey) {
        return new HfRowsSpec(repo, subset, split, null, Shape.CONVERSATION, column, null, null, contentKey, null,
                null, null, false);
    }

    /** A dataset of turn lists, from the hub ({@code repo}) or a plain file ({@code url}). */
    static HfRowsSpec turns(String repo, String subset, String split, String url, String column, boolean allTurns) {
        return new HfRowsSpec(repo, subset, split, url, Shape.TURNS, column, null, null, null, null, null, null,
                allTurns);
    }

    HfRowsSpec withTemplate(String newTemplate) {
        return new HfRowsSpec(repo, subset, split, url, shape, textField, newTemplate, choicesField, contentKey,
                imageField, videoField, category, allTurns);
    }

    HfRowsSpec withChoices(String column) {
        return new HfRowsSpec(repo, subset, split, url, shape, textField, template, column, contentKey, imageField,
                videoField, category, allTurns);
    }

    HfRowsSpec withImage(String column) {
        return new HfRowsSpec(repo, subset, split, url, shape, textField, template, choicesField, contentKey, column,
                videoField, category, allTurns);
    }

    HfRowsSpec withVideo(String column) {
        return new HfRowsSpec(repo, subset, split, url, shape, textField, template, choicesField, contentKey,
                imageField, column, category, allTurns);
    }

    HfRowsSpec withCategory(String newCategory) {
        return new HfRowsSpec(repo, subset, split, url, shape, textField, template, choicesField, contentKey,
                imageField, videoField, newCategory, allTurns);
    }

    /** The same dataset read from another HF subset ({@code --hf-subset}). */
    public HfRowsSpec withSubset(String newSubset) {
        return new HfRowsSpec(repo, newSubset, split, url, shape, textField, template, choicesField, contentKey,
                imageField, videoField, category, allTurns);
    }

    /** Whether the rows come from the Hugging Face hub (so {@code --hf-subset} applies). */
    public boolean onHub() {
        return repo != null;
    }

    /** The subset to ask the hub for: the configured one, else {@code default}. */
    public String subsetOrDefault() {
        return subset != null ? subset : "default";
    }
}
