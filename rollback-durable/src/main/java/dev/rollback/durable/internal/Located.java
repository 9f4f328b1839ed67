package dev.rollback.durable.internal;

/**
 * An entry and where it was read: what a {@link Damage} names.
 *
 * @param entry    the entry
 * @param location the file or table it was read from
 * @param offset   its byte offset in the file, or its position in the table's chain
 */
public record Located(ChainedEntry entry, String location, long offset) {
}
