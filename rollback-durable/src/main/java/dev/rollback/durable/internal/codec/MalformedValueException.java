package dev.rollback.durable.internal.codec;

import java.io.IOException;

/** A journaled value that is not a value of the declared type it is rebuilt as. */
final class MalformedValueException extends IOException {

    private static final long serialVersionUID = 1L;

    MalformedValueException(String message) {
        super(message);
    }
}
