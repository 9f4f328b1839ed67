package dev.rollback.durable.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * How one declared Java type is written as JSON and rebuilt from it. Built once from the declared
 * type ({@link ValueTypes#of}); rebuilding never reads a class name from the journal, so only the
 * kinds built here can come out of it.
 */
interface ValueType {

    /**
     * @param json  where to write
     * @param value the value, of the declared type (or {@code null} where the type allows it)
     * @throws IOException              when the generator fails
     * @throws IllegalArgumentException when the value does not fit the declared type
     */
    void write(JsonGenerator json, Object value) throws IOException;

    /**
     * @param json a parser positioned on the value's first token
     * @return the rebuilt value
     * @throws IOException         when the parser fails
     * @throws MalformedValueException when the JSON is not a value of this type
     */
    Object read(JsonParser json) throws IOException;

    /** @return the declared type, as the error messages name it */
    String describe();
}
