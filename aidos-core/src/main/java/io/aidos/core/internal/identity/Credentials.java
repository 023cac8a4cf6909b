package io.aidos.core.internal.identity;

import io.aidos.api.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of what a user registers with. Email: one {@code @}, a dotted domain, at most 254 characters,
 * compared in lower case. Password (NIST SP 800-63B style): 12 to 256 characters, not all one character,
 * not containing the email's local part; no composition rules. A rejected password is never echoed back.
 */
public final class Credentials {
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;

    private Credentials() {
    }

    /** The normalized (lower-case, trimmed) email, or InvalidInputException. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email", email, "must not be empty");
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new InvalidInputException("email", email, "must be an address like name@example.com");
        }
        return e;
    }

    public static void password(String password, String normalizedEmail) {
        if (password == null) {
            throw new InvalidInputException("password", "must not be null", (Throwable) null);
        }
        int n = password.codePointCount(0, password.length());
        if (n < MIN_PASSWORD) {
            throw new InvalidInputException("password", "must have at least " + MIN_PASSWORD
                    + " characters but had " + n, (Throwable) null);
        }
        if (n > MAX_PASSWORD) {
            throw new InvalidInputException("password", "must have at most " + MAX_PASSWORD
                    + " characters but had " + n, (Throwable) null);
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new InvalidInputException("password", "must not repeat a single character", (Throwable) null);
        }
        String local = normalizedEmail.substring(0, normalizedEmail.indexOf('@'));
        if (local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local)) {
            throw new InvalidInputException("password", "must not contain the email's name", (Throwable) null);
        }
    }
}
