package io.aidos.serving.internal.http;

/** The version the servers report ({@code /version}, OIP server metadata): this jar's, or "dev" outside a jar. */
final class Versions {
    static final String SERVING = version();

    private Versions() {
    }

    private static String version() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
