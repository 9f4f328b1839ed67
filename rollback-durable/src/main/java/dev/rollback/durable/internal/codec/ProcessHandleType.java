package dev.rollback.durable.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@link ProcessHandle}, written as its pid and start instant. Rebuilt as the live handle only
 * when a process with that pid runs now and started at the journaled instant; otherwise as a
 * {@link GoneProcess}, which signals nothing, so a reused pid is never signalled.
 */
enum ProcessHandleType implements ValueType {

    INSTANCE;

    @Override
    public void write(JsonGenerator json, Object value) throws IOException {
        if (!(value instanceof ProcessHandle process)) {
            throw CompositeTypes.mismatch(value, this);
        }
        if (process instanceof GoneProcess gone) {
            writeFields(json, gone.journaledPid(), gone.journaledStart());
            return;
        }
        writeFields(json, process.pid(), process.info().startInstant().orElse(null));
    }

    private static void writeFields(JsonGenerator json, long pid, Instant start) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pid", pid);
        json.writeStringField("start", start == null ? null : start.toString());
        json.writeEndObject();
    }

    @Override
    public Object read(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw Scalar.expected(json, "an object {\"pid\":..., \"start\":...} for a ProcessHandle");
        }
        if (json.nextToken() != JsonToken.FIELD_NAME || !"pid".equals(json.currentName())) {
            throw Scalar.expected(json, "the field 'pid' of a ProcessHandle");
        }
        json.nextToken();
        long pid = (Long) Scalar.LONG.read(json);
        if (json.nextToken() != JsonToken.FIELD_NAME || !"start".equals(json.currentName())) {
            throw Scalar.expected(json, "the field 'start' of a ProcessHandle");
        }
        Instant start = json.nextToken() == JsonToken.VALUE_NULL ? null : instant(json);
        if (json.nextToken() != JsonToken.END_OBJECT) {
            throw Scalar.expected(json, "the end of a ProcessHandle after 'pid' and 'start'");
        }
        return resolve(pid, start);
    }

    private static Instant instant(JsonParser json) throws IOException {
        try {
            return Instant.parse(json.getText());
        } catch (DateTimeParseException e) {
            throw Scalar.expected(json, "the ISO-8601 start instant of a ProcessHandle");
        }
    }

    /**
     * @return the live handle when the pid's process started at {@code start}; a
     *         {@link GoneProcess} when no process has the pid, when it started at another instant
     *         (the pid was reused), or when the start instant is unknown
     */
    static ProcessHandle resolve(long pid, Instant start) {
        if (start == null) {
            return new GoneProcess(pid, null);
        }
        Optional<ProcessHandle> live = ProcessHandle.of(pid);
        if (live.isPresent() && live.get().info().startInstant().filter(start::equals).isPresent()) {
            return live.get();
        }
        return new GoneProcess(pid, start);
    }

    @Override
    public String describe() {
        return ProcessHandle.class.getName();
    }
}
