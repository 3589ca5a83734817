package org.sentry4j.log4j2;

/**
 * How many {@code {}} a template holds, remembered for the templates seen lately: the breadcrumb path
 * asks for every log, and scanning the template was half of the appender's own time in a breadcrumb
 * (JFR, case b). A direct-mapped table of immutable entries, read and written without locks: a racing
 * thread sees an older entry or none, which only costs it a scan.
 */
final class PlaceholderCounts {
    private static final int SLOTS = 256; // a power of two

    private static final class Entry {
        final String template;
        final int count;

        Entry(String template, int count) {
            this.template = template;
            this.count = count;
        }
    }

    private final Entry[] slots = new Entry[SLOTS];

    int of(String template) {
        int slot = template.hashCode() & (SLOTS - 1);
        Entry e = slots[slot];
        if (e != null && (e.template == template || e.template.equals(template))) {
            return e.count; // usually the same literal; equals for a template built at run time
        }
        int count = scan(template);
        slots[slot] = new Entry(template, count);
        return count;
    }

    /** Counts as Log4j2's formatter does: a backslash escapes the next character. */
    static int scan(String template) {
        int count = 0;
        for (int i = 0, n = template.length() - 1; i < n; i++) {
            char c = template.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{' && template.charAt(i + 1) == '}') {
                count++;
                i++;
            }
        }
        return count;
    }
}
