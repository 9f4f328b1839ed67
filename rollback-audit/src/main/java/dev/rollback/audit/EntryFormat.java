package dev.rollback.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of one journal line. An entry is a JSON object on one line, its fields in a fixed
 * order: {@code seq}, {@code prev}, {@code time}, {@code op}, {@code type}, the fields of its type,
 * and last {@code hash}, the SHA-256 of every byte of the line before the comma that precedes
 * {@code "hash"}. Since those bytes include {@code prev}, the previous entry's hash, the entries
 * form a chain.
 */
final class EntryFormat {

    /** Strict about duplicate keys, so that a second field of the same name cannot hide the first. */
    static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What ends every line: {@code ,"hash":"} then 64 hex digits then {@code "}}. */
    static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    static final int SUFFIX_LENGTH = HASH_FIELD.length + 64 + 2;

    private static final HexFormat HEX = HexFormat.of();

    private EntryFormat() {
    }

    /** Writes the fields particular to one type of entry. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /** A line ready to append, with its hash. */
    record Line(byte[] bytes, String hash) {
    }

    static Line line(long seq, String prev, Instant time, String operationId, String type, Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("seq", seq);
            json.writeStringField("prev", prev);
            json.writeStringField("time", time.toString());
            json.writeStringField("op", operationId);
            json.writeStringField("type", type);
            fields.write(json);
            json.flush();
            String hash = sha256(out.toByteArray(), out.size());
            json.writeStringField("hash", hash);
            json.writeEndObject();
            json.flush();
            out.write('\n');
            return new Line(out.toByteArray(), hash);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
    }

    /**
     * @param line a line without its newline
     * @return the offset of {@code ,"hash":"} when the line ends as every entry must, else -1
     */
    static int hashFieldOffset(byte[] line) {
        int offset = line.length - SUFFIX_LENGTH;
        if (offset < 0 || !Arrays.equals(line, offset, offset + HASH_FIELD.length, HASH_FIELD, 0, HASH_FIELD.length)
                || line[line.length - 2] != '"' || line[line.length - 1] != '}') {
            return -1;
        }
        return offset;
    }

    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HEX.formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
