package org.fellowship.core.port;

/** The state store could not be reached or answered with an error. Carries no member data in its message. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
