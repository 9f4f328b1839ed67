package dev.rollback.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One journal line read back: its fields, checked for presence and type. A line that is no valid
 * entry throws {@link Malformed} with the reason, which the verifier reports with the line number.
 */
final class ParsedEntry {

    static final String START = "start";
    static final String COMPENSATION = "compensation";
    static final String END = "end";

    private static final Set<String> OUTCOMES = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT");

    private final Map<String, Object> fields;

    private ParsedEntry(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The reason a line is not a valid entry. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    static ParsedEntry parse(byte[] line) throws Malformed {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser json = EntryFormat.JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("it is not a JSON object", null);
            }
            for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
                String name = json.currentName();
                fields.put(name, value(json, json.nextToken(), name));
            }
            if (json.nextToken() != null) {
                throw new Malformed("there is more after its JSON object", null);
            }
        } catch (JsonProcessingException e) {
            throw new Malformed("it is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Malformed("it cannot be read as JSON: " + e.getMessage(), e);
        }
        ParsedEntry entry = new ParsedEntry(fields);
        entry.checkFields();
        return entry;
    }

    private static Object value(JsonParser json, JsonToken token, String name) throws IOException, Malformed {
        switch (token) {
            case VALUE_STRING:
                return json.getText();
            case VALUE_NUMBER_INT:
                return json.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return json.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return json.getBooleanValue();
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                List<String> items = new ArrayList<>();
                for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
                    if (item != JsonToken.VALUE_STRING) {
                        throw new Malformed("field '" + name + "' holds " + item + "; accepted: an array of strings", null);
                    }
                    items.add(json.getText());
                }
                return List.copyOf(items);
            default:
                throw new Malformed("field '" + name + "' holds " + token + "; accepted: a string, number,"
                        + " boolean, null or array of strings", null);
        }
    }

    private void checkFields() throws Malformed {
        number("seq");
        text("prev");
        text("time");
        text("op");
        text("hash");
        switch (type()) {
            case START -> {
                text("name");
                planned();
                optionalText("cause");
            }
            case COMPENSATION -> {
                number("index");
                text("description");
                number("priority");
                number("attempts");
                number("durationMillis");
                optionalText("error");
                if (!OUTCOMES.contains(text("outcome"))) {
                    throw new Malformed("its outcome is '" + text("outcome") + "'; accepted: " + OUTCOMES, null);
                }
            }
            case END -> {
                number("compensations");
                number("durationMillis");
                if (!(fields.get("complete") instanceof Boolean) || !(fields.get("completeness") instanceof Number)) {
                    throw new Malformed("an end entry needs a boolean 'complete' and a number 'completeness'", null);
                }
            }
            default -> throw new Malformed("its type is '" + type() + "'; accepted: start, compensation, end", null);
        }
    }

    String type() throws Malformed {
        return text("type");
    }

    String text(String name) throws Malformed {
        if (fields.get(name) instanceof String text) {
            return text;
        }
        throw new Malformed("field '" + name + "' is " + describe(name) + "; accepted: a string", null);
    }

    long number(String name) throws Malformed {
        if (fields.get(name) instanceof Long number) {
            return number;
        }
        throw new Malformed("field '" + name + "' is " + describe(name) + "; accepted: a whole number", null);
    }

    @SuppressWarnings("unchecked")
    List<String> planned() throws Malformed {
        if (fields.get("planned") instanceof List<?> list) {
            return (List<String>) list;
        }
        throw new Malformed("field 'planned' is " + describe("planned") + "; accepted: an array of strings", null);
    }

    private void optionalText(String name) throws Malformed {
        if (fields.get(name) != null) {
            text(name);
        } else if (!fields.containsKey(name)) {
            throw new Malformed("field '" + name + "' is missing; accepted: a string or null", null);
        }
    }

    private String describe(String name) {
        if (!fields.containsKey(name)) {
            return "missing";
        }
        Object value = fields.get(name);
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long) {
            return "a whole number";
        }
        if (value instanceof Double) {
            return "a fraction";
        }
        return value instanceof Boolean ? "a boolean" : "an array";
    }
}
