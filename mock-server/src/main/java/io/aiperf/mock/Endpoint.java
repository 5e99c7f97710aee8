package io.aiperf.mock;

/** The two OpenAI inference APIs the mock speaks, with the names that differ between them. */
enum Endpoint {
    CHAT("/v1/chat/completions", "chatcmpl-", "chat.completion", "chat.completion.chunk"),
    COMPLETIONS("/v1/completions", "cmpl-", "text_completion", "text_completion");

    final String path;
    final String idPrefix;
    final String object;
    final String chunkObject;

    Endpoint(String path, String idPrefix, String object, String chunkObject) {
        this.path = path;
        this.idPrefix = idPrefix;
        this.object = object;
        this.chunkObject = chunkObject;
    }
}
