package dev.rollback.annotation.processing;

/**
 * The classes the processor tests compile, as javac would read them from disk.
 */
final class Sources {

    static final String CORRECT = """
            package p;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.WithRollback;
            import java.nio.file.Path;
            import java.util.List;

            public class Correct {
                @WithRollback
                public void orchestrate() {
                    open("a");
                }

                @Compensate(value = "close", priority = 90, timeoutMillis = 5_000, retries = 2)
                public int open(String title) { return 1; }
                private void close(int tab, String title) { }

                @Compensate("unlink")
                Path create(String name) { return Path.of(name); }
                private void unlink(Path created) { }

                @Compensate("stop")
                static void start(String name, int port) { }
                private static void stop(String name, int port) { }
                private void stop(String name) { }

                @Compensate("forget")
                public Integer boxed() { return 1; }
                void forget(int id) { }

                @Compensate("reset")
                public long[] many(List<String> names) { return new long[0]; }
                void reset() { }

                @Compensate("drop")
                public <T extends CharSequence> T generic(T value) { return value; }
                void drop(CharSequence value, CharSequence same) { }

                @Compensate(handler = DeleteRow.class)
                public Long insert(String row) { return 7L; }

                @Compensate(handler = DeleteRow.class)
                public void insertQuietly(String row) { }

                @Compensate(handler = DeleteRow.class)
                public long insertPrimitive(String row) { return 7L; }
            }
            """;

    static final String HANDLER = """
            package p;

            import dev.rollback.annotation.CompensationHandler;

            public class DeleteRow implements CompensationHandler<Long> {
                @Override
                public void compensate(Long id, Object[] args) { }
            }
            """;

    static final String TYPO = """
            package p;

            import dev.rollback.annotation.Compensate;

            public class Typo {
                @Compensate("remov")
                public String open(String name) { return name; }
                void remove(String name) { }
                void removes(String name) { }
                void reset() { }
            }
            """;

    static final String FAR_OFF = """
            package p;

            import dev.rollback.annotation.Compensate;

            public class FarOff {
                @Compensate("undo")
                public void open(String name) { }
                void restore(String name) { }
            }
            """;

    static final String ABSTRACT = """
            package p;

            import dev.rollback.annotation.Compensate;

            public abstract class Pool {
                @Compensate("close")
                public abstract int open(String name);
                void close(int id) { }
            }
            """;

    static final String INTERFACE = """
            package p;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.CompensationHandler;

            public interface Store {
                @Compensate(handler = CloseRow.class)
                long open();

                @Compensate(handler = CloseRow.class)
                default long openDefault() { return 1; }
            }

            class CloseRow implements CompensationHandler<Long> {
                public CloseRow() { }
                @Override
                public void compensate(Long id, Object[] args) { }
            }
            """;

    static final String INSTANCE_WITH_STATIC = """
            package p;

            import dev.rollback.annotation.Compensate;
            import java.nio.file.Path;

            public class Files2 {
                @Compensate("close")
                public void open(Path file) { }
                static void close(Path file) { }
            }
            """;

    static final String BAD_HANDLERS = """
            package p;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.CompensationHandler;

            public class Handlers {
                @Compensate(handler = Base.class)
                public long abstractOne() { return 1; }

                @Compensate(handler = Inner.class)
                public long inner() { return 1; }

                @Compensate(handler = Hidden.class)
                public long hidden() { return 1; }

                @Compensate(handler = OfStrings.class)
                public long inherited() { return 1; }

                @Compensate(handler = Untyped.class)
                public long untyped() { return 1; }

                public abstract static class Base implements CompensationHandler<Long> { }

                public class Inner implements CompensationHandler<Long> {
                    public Inner() { }
                    @Override
                    public void compensate(Long id, Object[] args) { }
                }

                static class Hidden implements CompensationHandler<Long> {
                    @Override
                    public void compensate(Long id, Object[] args) { }
                }

                public static class Strings implements CompensationHandler<String> {
                    @Override
                    public void compensate(String id, Object[] args) { }
                }

                public static class OfStrings extends Strings { }

                public static class Untyped<R> implements CompensationHandler<R> {
                    @Override
                    public void compensate(R id, Object[] args) { }
                }
            }
            """;

    static final String SUPPRESSED = """
            package p;

            import dev.rollback.annotation.Compensate;

            public class Suppressed {
                @SuppressWarnings("rollback")
                @Compensate("gone")
                public String method() { return ""; }

                @Compensate("gone")
                public String checked() { return ""; }

                @SuppressWarnings({"unchecked", "rollback"})
                static class Nested {
                    @Compensate("gone")
                    public String method() { return ""; }
                }
            }
            """;

    static final String UNKNOWN_TYPE = """
            package p;

            import dev.rollback.annotation.Compensate;

            public class Unknown {
                @Compensate("undo")
                public Missing open() { return null; }

                @Compensate("close")
                public String openOther() { return ""; }
                void close(AlsoMissing value) { }
            }
            """;

    private Sources() {
    }
}
