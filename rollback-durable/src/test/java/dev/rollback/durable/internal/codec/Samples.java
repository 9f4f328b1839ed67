package dev.rollback.durable.internal.codec;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One {@code @Compensate}-like method per accepted kind of value, and a sample value of each: the
 * round-trip tests of the codec and of every journal use them.
 */
public final class Samples {

    public enum Color { RED, GREEN }

    public record Tab(String name, int index, Path file) {
    }

    public record Pair<A, B>(A first, B second) {
    }

    public record Nested(Tab tab, List<Color> colors, Map<String, Integer> counts) {
    }

    /** A sample: a method whose only parameter and result have the kind, and a value of it. */
    public record Sample(String kind, Method method, Object value) {
        @Override
        public String toString() {
            return kind;
        }
    }

    // one method per kind: the declared parameter type and return type are what the codec reads
    static boolean aBoolean(boolean v) { return v; }
    static byte aByte(byte v) { return v; }
    static short aShort(short v) { return v; }
    static int anInt(int v) { return v; }
    static long aLong(long v) { return v; }
    static float aFloat(float v) { return v; }
    static double aDouble(double v) { return v; }
    static char aChar(char v) { return v; }
    static Integer aBox(Integer v) { return v; }
    static Double aBoxedDouble(Double v) { return v; }
    static Long aNullBox(Long v) { return v; }
    static String aString(String v) { return v; }
    static Color anEnum(Color v) { return v; }
    static Path aPath(Path v) { return v; }
    static URI aUri(URI v) { return v; }
    static UUID aUuid(UUID v) { return v; }
    static Instant anInstant(Instant v) { return v; }
    static Duration aDuration(Duration v) { return v; }
    static Tab aRecord(Tab v) { return v; }
    static Pair<Path, List<String>> aGenericRecord(Pair<Path, List<String>> v) { return v; }
    static Nested aNestedRecord(Nested v) { return v; }
    static int[] anIntArray(int[] v) { return v; }
    static String[] aStringArray(String[] v) { return v; }
    static Tab[][] aRecordMatrix(Tab[][] v) { return v; }
    static List<Path> aList(List<Path> v) { return v; }
    static List<List<Integer>> aListOfLists(List<List<Integer>> v) { return v; }
    static Map<String, Duration> aMap(Map<String, Duration> v) { return v; }
    static Map<UUID, List<Color>> aMapWithRecordKeys(Map<UUID, List<Color>> v) { return v; }
    static ProcessHandle aProcess(ProcessHandle v) { return v; }
    static String aNull(String v) { return v; }

    private Samples() {
    }

    /** @return a sample of every accepted kind */
    public static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "boolean", "aBoolean", true);
        add(samples, "byte", "aByte", (byte) -7);
        add(samples, "short", "aShort", (short) 31000);
        add(samples, "int", "anInt", Integer.MIN_VALUE);
        add(samples, "long", "aLong", Long.MAX_VALUE);
        add(samples, "float", "aFloat", Float.NaN);
        add(samples, "double", "aDouble", -0.1 + 1e-17);
        add(samples, "char", "aChar", '\u00e9');
        add(samples, "Integer", "aBox", 42);
        add(samples, "Double (infinite)", "aBoxedDouble", Double.NEGATIVE_INFINITY);
        add(samples, "Long null", "aNullBox", null);
        add(samples, "String", "aString", "line\nbreak \"quoted\" \u2603 \ud83d\ude00");
        add(samples, "enum", "anEnum", Color.GREEN);
        add(samples, "Path", "aPath", Path.of("/srv/agents/agent 7"));
        add(samples, "URI", "aUri", URI.create("https://example.invalid/a?b=c#d"));
        add(samples, "UUID", "aUuid", UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962"));
        add(samples, "Instant", "anInstant", Instant.parse("2026-11-25T22:40:00.123456789Z"));
        add(samples, "Duration", "aDuration", Duration.ofSeconds(90061, 5));
        add(samples, "record", "aRecord", new Tab("main", 3, Path.of("tab.txt")));
        add(samples, "generic record", "aGenericRecord", new Pair<>(Path.of("/tmp"), List.of("a", "b")));
        add(samples, "nested record", "aNestedRecord", new Nested(new Tab("x", 0, null), List.of(Color.RED),
                map("one", 1, "two", 2)));
        add(samples, "int[]", "anIntArray", new int[] {1, -2, 3});
        add(samples, "String[]", "aStringArray", new String[] {"a", null, ""});
        add(samples, "record[][]", "aRecordMatrix", new Tab[][] {{new Tab("a", 1, null)}, {}});
        add(samples, "List<Path>", "aList", Arrays.asList(Path.of("a"), null, Path.of("/b")));
        add(samples, "List<List<Integer>>", "aListOfLists", List.of(List.of(1, 2), List.of()));
        add(samples, "Map<String, Duration>", "aMap", map("short", Duration.ofMillis(5), "long", Duration.ofDays(2)));
        add(samples, "Map<UUID, List<Color>>", "aMapWithRecordKeys", map(new UUID(1, 2), List.of(Color.RED, Color.GREEN)));
        add(samples, "ProcessHandle", "aProcess", ProcessHandle.current());
        add(samples, "null", "aNull", null);
        return samples;
    }

    private static void add(List<Sample> samples, String kind, String method, Object value) {
        Method found = Arrays.stream(Samples.class.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow();
        samples.add(new Sample(kind, found, value));
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> map(Object... keysAndValues) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
