package dev.rollback.durable.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The payload of an entry: one JSON object, written by Jackson's streaming generator with its
 * fields in a fixed order ({@code kind}, {@code scope}, {@code position}, {@code prev},
 * {@code time}, then the fields of its kind). Its hash is the SHA-256 of these bytes; since they
 * hold {@code prev}, the entries of a scope form a chain, as in the audit journal.
 */
public final class EntryCodec {

    /** The {@code prev} of a scope's first entry. */
    public static final String NO_PREVIOUS = "0".repeat(64);

    static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final HexFormat HEX = HexFormat.of();

    private EntryCodec() {
    }

    /**
     * @param entry    the entry
     * @param position its place in its scope's chain, from 0
     * @param prev     the hash of the entry before it, or {@link #NO_PREVIOUS}
     * @return it, ready to store
     */
    public static ChainedEntry chain(Entry entry, int position, String prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("kind", EntryKinds.name(entry));
            json.writeStringField("scope", entry.scope());
            json.writeNumberField("position", position);
            json.writeStringField("prev", prev);
            json.writeStringField("time", entry.time().toString());
            EntryKinds.writeFields(json, entry);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        byte[] payload = out.toByteArray();
        return new ChainedEntry(entry, position, prev, sha256(payload), payload);
    }

    /**
     * @param payload the bytes of one stored entry
     * @return the entry, with its place in the chain and its hash
     * @throws MalformedEntryException when the bytes are no valid entry; the message says why
     */
    public static ChainedEntry read(byte[] payload) throws MalformedEntryException {
        return EntryKinds.read(payload, sha256(payload));
    }

    /** @return the SHA-256 of the bytes, hexadecimal */
    public static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
