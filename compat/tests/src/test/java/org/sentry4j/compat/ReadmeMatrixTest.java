package org.sentry4j.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Supported versions" table says what {@link SupportMatrixTest} runs: the same rows in the
 * same order, every version a row checks Maven resolved, and "passes" exactly for the rows with no known
 * failure.
 */
class ReadmeMatrixTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|(.*)\\| ([^|]+) \\|$");
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[^-]*)\\.jar$");

    @Test
    void supportedVersionsTableMatchesTheMatrix() throws IOException {
        Map<String, String[]> table = readTable();
        assertThat(table.keySet()).as("rows of the README's Supported versions table")
                .containsExactlyElementsOf(SupportMatrixTest.ROWS.stream().map(MatrixRow::id).toList());
        for (MatrixRow row : SupportMatrixTest.ROWS) {
            String[] cells = table.get(row.id());
            for (String jar : row.expectedJars()) {
                Matcher version = JAR_VERSION.matcher(jar);
                assertThat(version.find()).as(jar).isTrue();
                assertThat(cells[0]).as("README row %s names %s's version", row.id(), jar).contains(version.group(1));
            }
            if (row.knownFailure() == null) {
                assertThat(cells[1]).as("README row %s", row.id()).isEqualTo("passes");
            } else {
                assertThat(cells[1]).as("README row %s", row.id()).startsWith("✗");
            }
        }
    }

    /** Row id → {the cells between id and status, the status}. */
    private static Map<String, String[]> readTable() throws IOException {
        Path readme = RowProgram.compatDir().resolve("../README.md").normalize();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("\n## Supported versions\n");
        assertThat(start).as("a Supported versions section in %s", readme).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3).trim()});
            }
        }
        return rows;
    }
}
