package io.aidos.server;

/** {@link RequestAuthenticator#localOwner()}: one instance, so the server can tell that no identity is on. */
enum LocalOwnerAuthenticator implements RequestAuthenticator {
    INSTANCE;

    @Override
    public Principal authenticate(AuthenticationRequest request) {
        return Principal.LOCAL_OWNER;
    }
}
