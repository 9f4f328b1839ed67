package dev.rollback.agent.internal;

import java.nio.charset.StandardCharsets;

/**
 * Questions answered from a class file's bytes alone, before Byte Buddy parses anything: the names
 * they look for sit verbatim in the constant pool, so a byte search answers for most classes at a
 * fraction of the cost of a parse, and without loading any class.
 */
final class ClassBytes {

    /** The prefix of both annotations' descriptors: one pass over the bytes finds either. */
    private static final byte[] ANNOTATION_DESCRIPTOR = ascii("Ldev/rollback/annotation/");
    private static final byte[] AJC_WEAVER_STATE = ascii("org.aspectj.weaver.WeaverState");
    private static final byte[] AJC_MEMBER = ascii("ajc$");

    private ClassBytes() {
    }

    /** @return whether the class may use the annotations: they, or something else, name them */
    static boolean mentionsAnnotations(byte[] bytes) {
        return contains(bytes, ANNOTATION_DESCRIPTOR);
    }

    /** @return whether AspectJ already wove the class: it carries ajc's attribute or members */
    static boolean wovenByAjc(byte[] bytes) {
        return contains(bytes, AJC_WEAVER_STATE) || contains(bytes, AJC_MEMBER);
    }

    static boolean contains(byte[] bytes, byte[] part) {
        byte first = part[0];
        int last = bytes.length - part.length;
        for (int i = 0; i <= last; i++) {
            if (bytes[i] == first && matchesAt(bytes, i, part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int offset, byte[] part) {
        for (int j = 1; j < part.length; j++) {
            if (bytes[offset + j] != part[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
