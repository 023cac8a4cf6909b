/** The server's authentication with AI-DOS identity: API keys and access tokens, roles, rate limits. */
package io.aidos.server.internal.auth;
