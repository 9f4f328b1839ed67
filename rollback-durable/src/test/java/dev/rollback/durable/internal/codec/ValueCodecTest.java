package dev.rollback.durable.internal.codec;

import dev.rollback.CompensationConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCodecTest {

    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsEachAcceptedKindAsArgumentAndAsResult(Samples.Sample sample) {
        ValueCodec codec = ValueCodec.of(sample.method());

        Object[] arguments = codec.decodeArguments(codec.encodeArguments(new Object[] {sample.value()}));
        Object result = codec.decodeResult(codec.encodeResult(sample.value()));

        assertThat(arguments).hasSize(1);
        assertThat(Objects.deepEquals(arguments[0], sample.value())).as("argument %s", arguments[0]).isTrue();
        assertThat(Objects.deepEquals(result, sample.value())).as("result %s", result).isTrue();
    }

    static Map<?, ?> badMap(Map<Object, String> v) { return v; }
    static void takesFile(String name, File file) { }
    static Object returnsObject() { return null; }
    static <T> void generic(T value) { }
    static void rawList(List<?> values) { }
    record Node(String name, Node next) { }
    static void recursive(Node node) { }
    record Holder(Optional<String> value) { }
    static void recordWithOptional(Holder holder) { }

    @Test
    void refusesAParameterOfAnUnsupportedTypeNamingClassMethodParameterTypeAndTheAcceptedKinds() {
        assertThatThrownBy(() -> ValueCodec.of(method("takesFile")))
                .isInstanceOf(CompensationConfigurationException.class)
                .hasMessage("dev.rollback.durable.internal.codec.ValueCodecTest.takesFile(java.lang.String, java.io.File)"
                        + " cannot be called in a durable scope: its parameter 1 'arg1' of type java.io.File cannot be"
                        + " journaled: java.io.File is not a kind the journal can hold; accepted: " + ValueTypes.ACCEPTED);
        assertThatThrownBy(() -> ValueCodec.checkParameter(method("takesFile"), 1))
                .isInstanceOf(CompensationConfigurationException.class).hasMessageContaining("parameter 1");
        ValueCodec.checkParameter(method("takesFile"), 0);
    }

    @Test
    void refusesResultsAndPartsThatWouldNeedAClassNameToRebuild() {
        assertThatThrownBy(() -> ValueCodec.checkResult(method("returnsObject")))
                .hasMessageContaining("its return type java.lang.Object cannot be journaled: java.lang.Object is not a kind");
        assertThatThrownBy(() -> ValueCodec.of(method("generic")))
                .hasMessageContaining("of type T cannot be journaled: the type variable T is not written out");
        assertThatThrownBy(() -> ValueCodec.of(method("rawList")))
                .hasMessageContaining("the wildcard type ? does not say what the value is");
        assertThatThrownBy(() -> ValueCodec.of(method("badMap")))
                .hasMessageContaining("java.lang.Object is not a kind");
        assertThatThrownBy(() -> ValueCodec.of(method("recursive")))
                .hasMessageContaining("has the component 'next' of type " + Node.class.getName() + ": the record "
                        + Node.class.getName() + " contains itself");
        assertThatThrownBy(() -> ValueCodec.of(method("recordWithOptional")))
                .hasMessageContaining("the component 'value' of type java.util.Optional<java.lang.String>: "
                        + "java.util.Optional<java.lang.String> is not a kind the journal can hold");
    }

    @Test
    void refusesAValueThatDoesNotFitItsDeclaredTypeAtEncoding(@TempDir Path temp) throws Exception {
        ValueCodec paths = ValueCodec.of(Samples.class.getDeclaredMethod("aList", List.class));
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Path> polluted = (List) List.of("not a path");
        assertThatThrownBy(() -> paths.encodeArguments(new Object[] {polluted}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument 0 of ").hasMessageContaining("a java.lang.String where the declared type is java.nio.file.Path");
        ValueCodec ints = ValueCodec.of(Samples.class.getDeclaredMethod("anInt", int.class));
        assertThatThrownBy(() -> ints.encodeArguments(new Object[] {null}))
                .hasMessageContaining("a null where the declared type is java.lang.Integer");
        ValueCodec path = ValueCodec.of(Samples.class.getDeclaredMethod("aPath", Path.class));
        try (var zip = FileSystems.newFileSystem(temp.resolve("codec.zip"),
                Map.of("create", "true"))) {
            assertThatThrownBy(() -> path.encodeArguments(new Object[] {zip.getPath("/x")}))
                    .hasMessageContaining("accepted: paths of the default file system");
        }
    }

    @Test
    void rebuildsOnlyTheDeclaredKindWhateverTheJournalSays() throws Exception {
        ValueCodec tabs = ValueCodec.of(Samples.class.getDeclaredMethod("aRecord", Samples.Tab.class));
        assertThatThrownBy(() -> tabs.decodeArguments("[{\"@class\":\"java.lang.ProcessBuilder\",\"name\":\"x\"}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument 0 (" + Samples.Tab.class.getName() + "): found FIELD_NAME (@class) where the"
                        + " component 'name' of " + Samples.Tab.class.getName() + " was expected");
        ValueCodec ints = ValueCodec.of(Samples.class.getDeclaredMethod("anInt", int.class));
        assertThatThrownBy(() -> ints.decodeArguments("[null]")).hasMessageContaining("a whole number was expected");
        assertThatThrownBy(() -> ints.decodeArguments("[4294967296]")).hasMessageContaining("from -2147483648 to 2147483647");
        assertThatThrownBy(() -> ints.decodeArguments("[1,2]")).hasMessageContaining("more arguments than the 1");
        assertThatThrownBy(() -> ints.decodeArguments("[]")).hasMessageContaining("0 arguments where");
        ValueCodec colors = ValueCodec.of(Samples.class.getDeclaredMethod("anEnum", Samples.Color.class));
        assertThatThrownBy(() -> colors.decodeArguments("[\"BLUE\"]")).hasMessageContaining("has no constant named 'BLUE'");
        ValueCodec maps = ValueCodec.of(Samples.class.getDeclaredMethod("aMap", Map.class));
        assertThatThrownBy(() -> maps.decodeArguments("[[[\"a\",\"PT1S\"],[\"a\",\"PT2S\"]]]"))
                .hasMessageContaining("the key a appears twice");
    }

    @Test
    void rebuildsAProcessHandleAsTheLiveProcessOnlyWhenItsStartInstantMatches() throws Exception {
        ValueCodec codec = ValueCodec.of(Samples.class.getDeclaredMethod("aProcess", ProcessHandle.class));
        ProcessHandle self = ProcessHandle.current();
        String journaled = codec.encodeArguments(new Object[] {self});
        assertThat(codec.decodeArguments(journaled)[0]).isEqualTo(self);

        String start = self.info().startInstant().orElseThrow().toString();
        String forged = journaled.replace(start, self.info().startInstant().orElseThrow().minusSeconds(1).toString());
        ProcessHandle reused = (ProcessHandle) codec.decodeArguments(forged)[0];

        assertThat(reused).isInstanceOf(GoneProcess.class);
        assertThat(reused.isAlive()).isFalse();
        assertThat(reused.destroy()).isFalse();
        assertThat(reused.destroyForcibly()).isFalse();
        assertThat(reused.descendants()).isEmpty();
        assertThat(reused.onExit()).isCompletedWithValue(reused);
        assertThatThrownBy(reused::pid).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("process " + self.pid() + " (started ");
        assertThat(self.isAlive()).isTrue();
        ProcessHandle unknownStart = (ProcessHandle) codec.decodeArguments("[{\"pid\":" + self.pid() + ",\"start\":null}]")[0];
        assertThat(unknownStart).isInstanceOf(GoneProcess.class);
        assertThat(codec.encodeArguments(new Object[] {reused})).isEqualTo(forged);
    }

    private static Method method(String name) {
        return Arrays.stream(ValueCodecTest.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
    }
}
