/**
 * Identity and access for the AI-DOS server, without HTTP: users and Argon2id passwords, ES256 access tokens
 * and rotating refresh tokens, API keys, organizations, teams and roles, TOTP MFA with recovery codes, OpenID
 * Connect login with PKCE, the append-only audit log and token-bucket rate limits. {@link
 * io.aidos.core.internal.identity.Identity} is the entry point; docs/identity.md describes the model. Internal.
 */
package io.aidos.core.internal.identity;
