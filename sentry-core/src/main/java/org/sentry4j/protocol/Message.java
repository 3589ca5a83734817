package org.sentry4j.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An event's message ({@code logentry} on the wire): the formatted text, and for a parameterised log
 * statement its template and parameters. Parameters are kept as strings, in position; a null stays null.
 */
public final class Message {
    private final String formatted;
    private final String template;
    private final List<String> params;

    public Message(String formatted, String template, List<String> params) {
        this.formatted = formatted;
        this.template = template;
        // List.copyOf rejects nulls, and a null parameter is information worth keeping.
        this.params = params == null || params.isEmpty()
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(params));
    }

    public static Message of(String formatted) {
        return new Message(formatted, null, null);
    }

    public String formatted() {
        return formatted;
    }

    /** The raw template ({@code "order {} failed"}), or null for a plain message. */
    public String template() {
        return template;
    }

    /** Never null; elements may be null. */
    public List<String> params() {
        return params;
    }

    @Override
    public String toString() {
        return formatted;
    }
}
