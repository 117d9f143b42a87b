package org.fellowship.app.http;

/**
 * Why an {@link OutboundHttp} request failed. Carries no URL, header or body, so it is safe to log; callers turn it
 * into their own one-line message.
 */
public final class HttpFailure extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** not an absolute http(s) URL */
        INVALID_URL,
        /** the host, or a redirect's host, has an address the {@link AddressPolicy} refuses */
        REFUSED_ADDRESS,
        /** the host name could not be resolved */
        UNRESOLVED,
        /** the whole exchange did not finish within the deadline */
        DEADLINE,
        /** the body is larger than the cap */
        TOO_LARGE,
        /** the final answer was not 200 (see {@link #status()}), or too many or broken redirects */
        STATUS,
        /** a network error (see {@link #detail()}) */
        UNREACHABLE,
        /** too many requests already waiting for the executor */
        BUSY
    }

    private final Kind kind;
    private final int status;
    private final String detail;

    HttpFailure(Kind kind, int status) {
        this(kind, status, "");
    }

    HttpFailure(Kind kind, int status, String detail) {
        super(kind + (status > 0 ? " " + status : "") + (detail.isEmpty() ? "" : " " + detail), null, false, false);
        this.kind = kind;
        this.status = status;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#STATUS}, else 0 (200 for {@link Kind#TOO_LARGE}). */
    public int status() {
        return status;
    }

    /** The network error's class name for {@link Kind#UNREACHABLE}, else empty. */
    public String detail() {
        return detail;
    }
}
