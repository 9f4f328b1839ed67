package dev.rollback.durable.internal;

import java.util.List;

/**
 * A place where the journal cannot be trusted (D7, D8): a damaged, deleted, inserted, reordered or
 * forged entry. The scopes it names are not read past it, and recovery runs nothing of them.
 *
 * @param location the file or table
 * @param offset   the byte offset in the file, or the entry's position in its scope's chain
 * @param reason   what is wrong there
 * @param scopes   the scopes whose reading stops there (an entry that cannot be read at all
 *                 names every scope that was open at that point)
 */
public record Damage(String location, long offset, String reason, List<String> scopes) {

    /** @return one line for reports: where, what, and which scopes it stops */
    public String message() {
        return location + " at offset " + offset + ": " + reason + (scopes.isEmpty() ? ""
                : "; not read past it, and not recovered: scope" + (scopes.size() == 1 ? " " : "s ")
                + String.join(", ", scopes));
    }

    @Override
    public String toString() {
        return message();
    }
}
