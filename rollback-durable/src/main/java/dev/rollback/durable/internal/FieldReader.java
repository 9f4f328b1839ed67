package dev.rollback.durable.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the fields of an entry one after the other, in the fixed order they are written. */
final class FieldReader {

    private final JsonParser json;

    FieldReader(JsonParser json) {
        this.json = json;
    }

    void start() throws IOException, MalformedEntryException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedEntryException("it is not a JSON object", null);
        }
    }

    void end() throws IOException, MalformedEntryException {
        JsonToken token = json.nextToken();
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedEntryException("it has " + describe(token) + " where its end was expected", null);
        }
    }

    void endOfInput() throws IOException, MalformedEntryException {
        if (json.nextToken() != null) {
            throw new MalformedEntryException("it has bytes after its object", null);
        }
    }

    String text(String name) throws IOException, MalformedEntryException {
        String value = nullableText(name);
        if (value == null) {
            throw new MalformedEntryException("its field '" + name + "' is null; accepted: a string", null);
        }
        return value;
    }

    String nullableText(String name) throws IOException, MalformedEntryException {
        JsonToken token = field(name);
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedEntryException("its field '" + name + "' is " + describe(token) + "; accepted: a string", null);
        }
        return json.getText();
    }

    long number(String name) throws IOException, MalformedEntryException {
        JsonToken token = field(name);
        if (token != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedEntryException("its field '" + name + "' is " + describe(token)
                    + "; accepted: a whole number", null);
        }
        return json.getLongValue();
    }

    int smallNumber(String name) throws IOException, MalformedEntryException {
        long value = number(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedEntryException("its field '" + name + "' is " + value + "; accepted: an int", null);
        }
        return (int) value;
    }

    Instant instant(String name, boolean nullable) throws IOException, MalformedEntryException {
        String text = nullable ? nullableText(name) : text(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEntryException("its field '" + name + "' is '" + text + "'; accepted: an ISO-8601 instant", e);
        }
    }

    Owner owner(String name) throws IOException, MalformedEntryException {
        JsonToken token = field(name);
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedEntryException("its field '" + name + "' is " + describe(token) + "; accepted: an owner", null);
        }
        Owner owner = new Owner(text("id"), number("pid"), instant("start", true), text("machine"));
        end();
        return owner;
    }

    static void writeOwner(com.fasterxml.jackson.core.JsonGenerator json, String name, Owner owner) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("id", owner.id());
        json.writeNumberField("pid", owner.pid());
        json.writeStringField("start", owner.processStart() == null ? null : owner.processStart().toString());
        json.writeStringField("machine", owner.machine());
        json.writeEndObject();
    }

    private JsonToken field(String name) throws IOException, MalformedEntryException {
        JsonToken token = json.nextToken();
        if (token != JsonToken.FIELD_NAME || !name.equals(json.currentName())) {
            throw new MalformedEntryException("it has " + describe(token) + " where the field '" + name
                    + "' was expected", null);
        }
        return json.nextToken();
    }

    private String describe(JsonToken token) throws IOException {
        if (token == null) {
            return "nothing";
        }
        return token == JsonToken.FIELD_NAME ? "the field '" + json.currentName() + "'" : token + " " + json.getText();
    }
}
