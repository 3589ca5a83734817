package org.sentry4j.internal.transport;

/**
 * How spool files are named: {@code <millis>-<seq><tag>-<category>-<count>.batch}, so the name alone
 * tells the age (files sort oldest first), the category and how many envelopes a file holds, without
 * opening it. Names of the older single-envelope files ({@code .envelope}) are still understood.
 */
final class BatchName {
    private BatchName() {
    }

    /** A new batch file's name; {@code tag} tells this process's files from another's of the same millisecond. */
    static String of(long millis, long seq, String tag, String category, int count) {
        return String.format("%013d-%08d%s-%s-%d%s", Math.max(0, millis), seq, tag, safe(category), count,
                BatchFile.SUFFIX);
    }

    private static String safe(String category) {
        return category == null || !category.matches("[a-z_]{1,32}") ? "default" : category;
    }

    /** The category of a spool file by its name; "default" when it has none. */
    static String categoryOf(String name) {
        int first = name.indexOf('-');
        int second = name.indexOf('-', first + 1);
        int end = name.endsWith(BatchFile.SUFFIX) ? name.lastIndexOf('-') : name.length() - BatchFile.SINGLE_SUFFIX.length();
        return first < 0 || second < 0 || second + 1 >= end ? "default" : name.substring(second + 1, end);
    }

    /** Envelopes in a spool file by its name; 0 when the name is not a spool file's (or claims more than a file holds). */
    static int countOf(String name) {
        if (millisOf(name) < 0) {
            return 0;
        }
        if (name.endsWith(BatchFile.SINGLE_SUFFIX)) {
            return 1;
        }
        if (!name.endsWith(BatchFile.SUFFIX)) {
            return 0;
        }
        try {
            int n = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.length() - BatchFile.SUFFIX.length()));
            // no writer puts more in one file: a name claiming more is not a spool file's (planted, or lying)
            return n > DiskSpool.MAX_BATCH ? 0 : Math.max(0, n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** When a spool file (or a temp file, without its prefix) was written by its name; -1 when not a spool name. */
    static long millisOf(String name) {
        int dash = name.indexOf('-');
        try {
            return dash <= 0 ? -1 : Long.parseLong(name.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
