package io.aidos.spi;

import io.aidos.api.BackendUnavailableException;
import io.aidos.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Finds the {@link BackendProvider} for a URI, naming the Maven artifact to add when none is on the class path. */
public final class BackendProviders {

    private BackendProviders() {
    }

    public static BackendProvider find(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("uri", uri, "must not be blank");
        }
        List<String> seen = new ArrayList<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class, classLoader())) {
            if (provider.accepts(uri)) {
                return provider;
            }
            seen.add(provider.name());
        }
        String artifact = artifactFor(uri);
        String hint = artifact == null
                ? "no AI-DOS backend handles this URI; known schemes are local:, jdbc:postgresql:, http: and https:"
                : "no backend for this URI on the class path; add the Maven artifact " + artifact;
        if (artifact == null) {
            throw new InvalidInputException("uri", uri, "has an unknown scheme (" + hint + ", found " + seen + ")");
        }
        throw new BackendUnavailableException(hint + " (providers found: " + seen + ")");
    }

    /** The artifact that provides {@code uri}'s scheme, or null for a scheme AI-DOS does not know. */
    static String artifactFor(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("local:") || lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:h2:")) {
            return "io.aidos:aidos-core";
        }
        if (lower.startsWith("http:") || lower.startsWith("https:")) {
            return "io.aidos:aidos-client";
        }
        return null;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : BackendProviders.class.getClassLoader();
    }
}
