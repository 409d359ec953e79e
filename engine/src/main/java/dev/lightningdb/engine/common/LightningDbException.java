package dev.lightningdb.engine.common;

/** The one exception type of the engine; {@link #code()} says what went wrong. */
public class LightningDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public LightningDbException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public LightningDbException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public boolean isRetryable() {
        return code.isRetryable();
    }

    @Override
    public String getMessage() {
        return code + ": " + super.getMessage();
    }
}
