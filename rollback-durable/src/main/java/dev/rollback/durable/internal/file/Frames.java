package dev.rollback.durable.internal.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The framing of a segment file. A segment starts with the 8 bytes {@code RBWAL001}; then one frame
 * per entry:
 *
 * <pre>
 *   length   4 bytes, big-endian: the payload's length
 *   crc      4 bytes, big-endian: CRC-32C of length, seq and payload
 *   seq      8 bytes, big-endian: the frame's number in the segment, from 0
 *   payload  length bytes: the entry's JSON
 * </pre>
 *
 * The checksum finds torn and damaged frames; the seq finds deleted, inserted and moved ones; the
 * payload's hash chain (per scope) finds the rest.
 */
final class Frames {

    static final byte[] MAGIC = "RBWAL001".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 16;
    /** No entry is larger: a length above it is damage, not an entry. */
    static final int MAX_PAYLOAD = 16 << 20;

    private Frames() {
    }

    static ByteBuffer frame(long seq, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(0).putLong(seq).put(payload);
        frame.putInt(4, crc(frame.array(), 0, payload.length));
        return frame.flip();
    }

    /** @return the CRC-32C of a frame's length, seq and payload, the frame starting at {@code at} */
    static int crc(byte[] bytes, int at, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, at, 4);
        crc.update(bytes, at + 8, 8 + length);
        return (int) crc.getValue();
    }

    /** @return the payload's length when a whole, valid frame starts at {@code at}, else -1 */
    static int validFrameAt(byte[] bytes, int at, int end) {
        if (end - at < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, at, HEADER);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD || length > end - at - HEADER) {
            return -1;
        }
        return crc(bytes, at, length) == crc ? length : -1;
    }

    static long seqAt(byte[] bytes, int at) {
        return ByteBuffer.wrap(bytes, at + 8, 8).getLong();
    }

    /** @return the offset of the next whole, valid frame after {@code from}, or -1 when none follows */
    static int nextValidFrame(byte[] bytes, int from, int end) {
        for (int at = from + 1; at + HEADER <= end; at++) {
            if (validFrameAt(bytes, at, end) >= 0) {
                return at;
            }
        }
        return -1;
    }
}
