package io.aidos.server;

import io.aidos.api.AiDos;
import io.aidos.api.BackendUnavailableException;
import io.aidos.core.internal.InferenceAccess;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.ServingTls;
import io.aidos.core.internal.identity.Identity;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.ApiRoutes;
import io.aidos.server.internal.ErrorHandlers;
import io.aidos.server.internal.IdempotencyCache;
import io.aidos.server.internal.InferenceGate;
import io.aidos.server.internal.RequestGuard;
import io.aidos.server.internal.ServerContext;
import io.aidos.server.internal.TlsConnector;
import io.aidos.server.internal.auth.AuditHook;
import io.aidos.server.internal.auth.IdentityAuthenticator;
import io.aidos.server.internal.auth.IdentityRoutes;
import io.aidos.spi.Arguments;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves one {@link AiDos} (usually an embedded {@code local:} or PostgreSQL backend) as the REST API under
 * {@code /api/v1}, with its OpenAPI document at {@code /api/v1/openapi.json}.
 *
 * <pre>{@code
 * try (AiDos aidos = AiDos.open("local:./aidos-data");
 *      AidosServer server = AidosServer.start(aidos, ServerConfig.builder().port(8080).build())) {
 *     server.join();
 * }
 * }</pre>
 *
 * The server does not own {@code aidos}: close it after the server. At start, the deployments stored as running
 * (of every organization) start serving again; each organization's deployments have their own inference endpoint.
 */
public final class AidosServer implements AutoCloseable {
    private final Javalin app;
    private final List<ApiRoute> routes;
    private final ServerConfig config;
    private final ServerContext context;

    private AidosServer(Builder b) {
        this.config = b.config;
        this.context = new ServerContext(b.aidos, b.config, new IdempotencyCache());
        RequestAuthenticator authenticator = b.authenticator != null ? b.authenticator
                : b.identity != null ? IdentityAuthenticator.withDefaultLimits(b.identity)
                : RequestAuthenticator.localOwner();
        this.routes = ApiRoutes.of(context, b.identity == null ? List.of() : IdentityRoutes.of(b.identity, b.config));
        AuditHook audit = b.identity == null ? null : new AuditHook(b.identity, authenticator);
        RequestGuard guard = new RequestGuard(authenticator);
        if (b.aidos instanceof LocalAiDos local) { // without identity the inference servers stay open, as embedded
            local.inferenceAccess(authenticator == RequestAuthenticator.localOwner() ? InferenceAccess.OPEN
                    : new InferenceGate(authenticator));
            // Keys and predictions travel to the inference servers too: over HTTPS when the API is.
            b.config.tls().ifPresent(tls -> local.servingTls(new ServingTls(tls.keystore(), tls.password())));
        }
        ErrorHandlers errors = new ErrorHandlers(b.groups);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = b.config.maxJsonBytes();
            c.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(64 * 1024);
                http.setSendServerVersion(false);
            });
            b.config.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> TlsConnector.of(server, http,
                    tls, b.config.host(), b.config.port())));
            if (!b.config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> b.config.corsOrigins()
                        .forEach(rule::allowHost)));
            }
            c.routes.before("/api/*", guard::check);
            if (audit != null) {
                c.routes.after("/api/*", audit::after);
            }
            errors.register(c.routes);
            for (ApiRoute r : routes) {
                c.routes.addHttpHandler(r.method(), r.path(), r.handler());
            }
            for (RouteGroup g : b.groups) {
                g.register(c.routes, b.aidos);
            }
        });
    }

    public static Builder builder(AiDos aidos) {
        return new Builder(aidos);
    }

    /** Starts a server for {@code aidos} with {@code config} and the local-owner authenticator. */
    public static AidosServer start(AiDos aidos, ServerConfig config) {
        return builder(aidos).config(config).start();
    }

    private AidosServer startNow() {
        try {
            if (config.tls().isPresent()) {
                app.start(); // the HTTPS connector has the host and port
            } else {
                app.start(config.host(), config.port());
            }
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("cannot start the AI-DOS server on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        context.deployers().restore();
        return this;
    }

    /** The port listened on (the chosen one when the config said 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT} ({@code https://} with TLS), the URI a client opens. */
    public String uri() {
        return (config.tls().isPresent() ? "https://" : "http://") + config.host() + ":" + port();
    }

    /** The {@code /api/v1} routes, as the OpenAPI document lists them (method + path). */
    public List<String> routes() {
        return routes.stream().map(ApiRoute::key).toList();
    }

    /** Blocks until the server stops (for a {@code main}). */
    public void join() throws InterruptedException {
        app.jettyServer().server().join();
    }

    /** Who the current request acts for, as the {@link RequestAuthenticator} decided. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(RequestGuard.PRINCIPAL);
        return p == null ? Principal.LOCAL_OWNER : p;
    }

    /** Stops accepting requests and stops the server; the served {@link AiDos} stays open. Idempotent. */
    @Override
    public void close() {
        app.stop();
    }

    /** Configures a server; {@link #start()} starts it. */
    public static final class Builder {
        private final AiDos aidos;
        private ServerConfig config = ServerConfig.defaults();
        private RequestAuthenticator authenticator;
        private Identity identity;
        private final List<RouteGroup> groups = new ArrayList<>();

        private Builder(AiDos aidos) {
            this.aidos = Arguments.notNull("aidos", aidos);
        }

        public Builder config(ServerConfig config) {
            this.config = Arguments.notNull("config", config);
            return this;
        }

        /**
         * Real identity: API keys and access tokens on every request (unless {@link #authenticator} says otherwise),
         * the identity API under {@code /api/v1/auth} and {@code /api/v1/orgs}, and an audit event for every change.
         */
        public Builder identity(Identity identity) {
            this.identity = Arguments.notNull("identity", identity);
            return this;
        }

        /** Who may call: by default the embedded single local owner (no login), or identity's check. */
        public Builder authenticator(RequestAuthenticator authenticator) {
            this.authenticator = Arguments.notNull("authenticator", authenticator);
            return this;
        }

        /** Adds another route group (the MLflow-compatible API, say), registered after the AI-DOS routes. */
        public Builder routes(RouteGroup group) {
            groups.add(Arguments.notNull("group", group));
            return this;
        }

        public AidosServer start() {
            return new AidosServer(this).startNow();
        }
    }
}
