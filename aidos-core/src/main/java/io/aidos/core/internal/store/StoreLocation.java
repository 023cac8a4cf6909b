package io.aidos.core.internal.store;

import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a JDBC-backed store lives: the JDBC URL, the dialect and the artifact folder, derived from the URI.
 * {@code local:PATH} puts an H2 file database at {@code PATH/aidos.mv.db} and artifacts in {@code PATH/artifacts};
 * {@code jdbc:postgresql://...} keeps artifacts in the configured artifact root (default {@code ./aidos-artifacts}).
 */
public record StoreLocation(String jdbcUrl, Dialect dialect, Path artifactRoot, Path localFolder, String schema) {

    /**
     * H2 settings that make it behave like PostgreSQL where the store relies on it (null ordering, names), and
     * WRITE_DELAY=0 so a commit reaches the file before it returns: without it, H2 writes commits up to 500 ms
     * later and a kill -9 loses them (LocalStoreProcessTest shows it).
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    public static StoreLocation of(AiDosConfig config) {
        String uri = config.uri();
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("local:")) {
            String rest = uri.substring("local:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
            if (rest.isBlank() || rest.indexOf('\0') >= 0 || rest.contains(";")) {
                throw new InvalidInputException("uri", uri, "must be local:PATH with a folder path (no ';')");
            }
            Path folder = Path.of(rest).toAbsolutePath().normalize();
            // retry: reopens the file when a job thread is interrupted (cancel) during I/O, instead of closing the store
            String url = "jdbc:h2:retry:" + folder.resolve("aidos") + H2_OPTIONS;
            return new StoreLocation(url, Dialect.H2, folder.resolve("artifacts"), folder, null);
        }
        Path artifacts = config.artifactRoot().orElse(Path.of("aidos-artifacts")).toAbsolutePath().normalize();
        if (lower.startsWith("jdbc:postgresql:")) {
            return new StoreLocation(uri, Dialect.POSTGRES, artifacts, null, queryParameter(uri, "currentSchema"));
        }
        if (lower.startsWith("jdbc:h2:")) {
            String url = uri.toUpperCase(Locale.ROOT).contains("MODE=") ? uri : uri + H2_OPTIONS;
            return new StoreLocation(url, Dialect.H2, artifacts, null, null);
        }
        throw new InvalidInputException("uri", uri, "is not a local: or jdbc:postgresql: URI");
    }

    /** The URL without credentials, for messages and {@code AiDos.uri()}. */
    public static String redact(String uri) {
        return uri.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^/@:]+):[^/@]*@", "//$1:****@");
    }

    private static String queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
