package dev.rollback.durable.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.io.IOException;
import java.time.Instant;

/** The fields of each kind of entry, written and read in a fixed order. */
final class EntryKinds {

    static final String OPENED = "SCOPE_OPENED";
    static final String INTENT = "INTENT";
    static final String RECORDED = "RECORDED";
    static final String HANDED_OVER = "HANDED_OVER";
    static final String COMPENSATED = "COMPENSATED";
    static final String CLAIMED = "CLAIMED";
    static final String CLOSED = "SCOPE_CLOSED";

    private EntryKinds() {
    }

    static String name(Entry entry) {
        if (entry instanceof Entry.Opened) {
            return OPENED;
        } else if (entry instanceof Entry.Intent) {
            return INTENT;
        } else if (entry instanceof Entry.Recorded) {
            return RECORDED;
        } else if (entry instanceof Entry.HandedOver) {
            return HANDED_OVER;
        } else if (entry instanceof Entry.Compensated) {
            return COMPENSATED;
        } else if (entry instanceof Entry.Claimed) {
            return CLAIMED;
        }
        return CLOSED;
    }

    static void writeFields(JsonGenerator json, Entry entry) throws IOException {
        if (entry instanceof Entry.Opened e) {
            json.writeStringField("operation", e.operation());
            FieldReader.writeOwner(json, "owner", e.owner());
            json.writeStringField("parent", e.parent());
        } else if (entry instanceof Entry.Intent e) {
            writeIntent(json, e);
        } else if (entry instanceof Entry.Recorded e) {
            json.writeNumberField("step", e.step());
            json.writeStringField("result", e.result());
            json.writeNumberField("order", e.order());
        } else if (entry instanceof Entry.HandedOver e) {
            json.writeStringField("to", e.to());
        } else if (entry instanceof Entry.Compensated e) {
            json.writeStringField("stepScope", e.step().scope());
            json.writeNumberField("step", e.step().step());
        } else if (entry instanceof Entry.Claimed e) {
            FieldReader.writeOwner(json, "claimer", e.claimer());
        } else {
            json.writeStringField("outcome", ((Entry.Closed) entry).outcome().name());
        }
    }

    private static void writeIntent(JsonGenerator json, Entry.Intent e) throws IOException {
        json.writeNumberField("step", e.step());
        StepIntent intent = e.intent();
        json.writeStringField("class", intent.declaringClass());
        json.writeStringField("method", intent.method());
        json.writeStringField("descriptor", intent.descriptor());
        json.writeStringField("arguments", intent.arguments());
        json.writeNumberField("priority", intent.priority());
        json.writeNumberField("timeoutMillis", intent.timeoutMillis());
        json.writeNumberField("retries", intent.retries());
    }

    static ChainedEntry read(byte[] payload, String hash) throws MalformedEntryException {
        try (JsonParser json = EntryCodec.JSON.createParser(payload)) {
            FieldReader fields = new FieldReader(json);
            fields.start();
            String kind = fields.text("kind");
            String scope = fields.text("scope");
            int position = fields.smallNumber("position");
            String prev = fields.text("prev");
            if (position < 0 || !prev.matches("[0-9a-f]{64}")) {
                throw new MalformedEntryException("its position " + position + " or prev " + prev
                        + " is invalid; accepted: a position from 0 and 64 lowercase hexadecimal digits", null);
            }
            Instant time = fields.instant("time", false);
            Entry entry = fields(kind, scope, time, fields);
            fields.end();
            fields.endOfInput();
            return new ChainedEntry(entry, position, prev, hash, payload);
        } catch (StreamReadException e) {
            throw new MalformedEntryException("it is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory failed", e);
        } catch (IllegalArgumentException e) {
            throw new MalformedEntryException("it has an invalid value: " + e.getMessage(), e);
        }
    }

    private static Entry fields(String kind, String scope, Instant time, FieldReader fields)
            throws IOException, MalformedEntryException {
        return switch (kind) {
            case OPENED -> new Entry.Opened(scope, time, fields.text("operation"), fields.owner("owner"),
                    fields.nullableText("parent"));
            case INTENT -> new Entry.Intent(scope, time, fields.smallNumber("step"), new StepIntent(fields.text("class"),
                    fields.text("method"), fields.text("descriptor"), fields.text("arguments"),
                    fields.smallNumber("priority"), fields.number("timeoutMillis"), fields.smallNumber("retries")));
            case RECORDED -> new Entry.Recorded(scope, time, fields.smallNumber("step"), fields.text("result"),
                    fields.number("order"));
            case HANDED_OVER -> new Entry.HandedOver(scope, time, fields.text("to"));
            case COMPENSATED -> new Entry.Compensated(scope, time, new StepKey(fields.text("stepScope"),
                    fields.smallNumber("step")));
            case CLAIMED -> new Entry.Claimed(scope, time, fields.owner("claimer"));
            case CLOSED -> new Entry.Closed(scope, time, ScopeOutcome.valueOf(fields.text("outcome")));
            default -> throw new MalformedEntryException("its kind '" + kind + "' is none of " + OPENED + ", " + INTENT
                    + ", " + RECORDED + ", " + HANDED_OVER + ", " + COMPENSATED + ", " + CLAIMED + ", " + CLOSED, null);
        };
    }
}
