package dev.rollback.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The head of a journal: how many entries it has and the hash of the last one. A journal cut off
 * at its end still verifies on its own, since every entry left is intact; keep the head somewhere
 * the journal's writer cannot change (another machine, a ticket, a signed message) and verify
 * against it with {@link AuditVerifier#verify(java.nio.file.Path, JournalHead)} to detect that.
 *
 * <p>Written and parsed as {@code COUNT:HASH}, for example
 * {@code 3:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}.
 *
 * @param entries how many entries the journal has, {@code 0} for an empty one
 * @param hash    the SHA-256 of the last entry, as 64 lowercase hexadecimal digits; 64 zeros for an
 *                empty journal
 */
public record JournalHead(long entries, String hash) {

    /** The hash an empty journal's head carries, and the first entry's {@code prev}. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Creates a head, checking its components.
     *
     * @param entries how many entries the journal has
     * @param hash the SHA-256 of the last entry, as 64 lowercase hexadecimal digits
     * @throws NullPointerException     when {@code hash} is {@code null}
     * @throws IllegalArgumentException when {@code entries} is negative, or {@code hash} is not 64
     *                                  lowercase hexadecimal digits
     */
    public JournalHead {
        Objects.requireNonNull(hash, "hash");
        if (entries < 0) {
            throw new IllegalArgumentException("journal head with " + entries + " entries; accepted: 0 or more");
        }
        if (!HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("journal head hash '" + hash + "'; accepted: 64 lowercase hexadecimal digits");
        }
    }

    /** {@return the head of a journal with no entries} */
    public static JournalHead empty() {
        return new JournalHead(0, GENESIS_HASH);
    }

    /**
     * {@return the head}
     *
     * @param text {@code COUNT:HASH}, as {@link #toString()} writes it
     * @throws NullPointerException     when {@code text} is {@code null}
     * @throws IllegalArgumentException when {@code text} is not {@code COUNT:HASH}
     */
    public static JournalHead parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("journal head '" + text + "'; accepted: COUNT:HASH, such as 3:" + GENESIS_HASH);
        }
        long entries;
        try {
            entries = Long.parseLong(text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("journal head '" + text + "': the count is not a whole number;"
                    + " accepted: COUNT:HASH, such as 3:" + GENESIS_HASH, e);
        }
        return new JournalHead(entries, text.substring(colon + 1));
    }

    /** {@return {@code COUNT:HASH}} */
    @Override
    public String toString() {
        return entries + ":" + hash;
    }
}
