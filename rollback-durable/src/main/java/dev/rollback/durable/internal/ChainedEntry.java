package dev.rollback.durable.internal;

/**
 * An entry as it is stored: its place in its scope's chain, the hash of the entry before it, and
 * its own hash, the SHA-256 of its payload (whose bytes include {@code position} and {@code prev}).
 *
 * @param entry    the entry
 * @param position its place in the chain, from 0 (the {@link Entry.Opened} entry)
 * @param prev     the hash of the entry at {@code position - 1}; 64 zeros for the first
 * @param hash     the SHA-256 of {@code payload}, hexadecimal
 * @param payload  the JSON bytes written to the journal
 */
public record ChainedEntry(Entry entry, int position, String prev, String hash, byte[] payload) {
}
