package dev.rollback.agent.internal;

import dev.rollback.samples.Counter;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The advice finds its method's resolution through a dynamic constant in class files of Java 11
 * and later, and through a look-up per call in older ones: both must work, and each must be the
 * one used.
 */
class ClassFileVersionsTest {

    private static final String NAME = "dev.rollback.samples.generated.Versioned";
    private static final String SOURCE = """
            package dev.rollback.samples.generated;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.WithRollback;

            public class Versioned implements Runnable {
                @Override
                @WithRollback
                public void run() {
                    acquire("a");
                    acquire("b");
                    throw new IllegalStateException("versioned scope fails");
                }

                @Compensate("release")
                String acquire(String name) {
                    return name;
                }

                void release(String name) {
                    dev.rollback.samples.Counter.COMPENSATED.incrementAndGet();
                }
            }
            """;

    private final CandidateFilter filter = new CandidateFilter(RuleSet.NONE,
            new Injector(null, ClassSource.ofClassPath(), new AgentLog(false)), new AgentLog(false));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "--release {0}")
    @ValueSource(ints = {8, 11, 17})
    void compensatesInClassFilesOfEveryVersion(int release) throws Exception {
        byte[] original = compile(release);
        byte[] advised = filter.transform(getClass().getModule(), getClass().getClassLoader(),
                NAME.replace('.', '/'), null, null, original);

        List<String> loads = resolutionLoads(advised);
        if (release >= 11) {
            assertThat(loads).as("how the advice finds its resolution").containsOnly("condy");
        } else {
            assertThat(loads).as("how the advice finds its resolution").containsOnly("call");
        }
        // one per advised method, in its enter advice: each exit advice takes what its enter advice found
        assertThat(loads).hasSize(2);

        Runnable scope = (Runnable) new SingleClassLoader(advised).loadClass(NAME).getConstructor().newInstance();
        int before = Counter.COMPENSATED.get();
        assertThatThrownBy(scope::run).isInstanceOf(IllegalStateException.class).hasMessage("versioned scope fails");
        assertThat(Counter.COMPENSATED.get() - before).as("compensations run").isEqualTo(2);
        // again, now that the resolutions are known (the constant resolved, or the look-up cached)
        assertThatThrownBy(scope::run).isInstanceOf(IllegalStateException.class);
        assertThat(Counter.COMPENSATED.get() - before).as("compensations run").isEqualTo(4);
    }

    private byte[] compile(int release) throws IOException {
        Path source = dir.resolve("Versioned.java");
        Files.writeString(source, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "--release", String.valueOf(release), "-proc:none", "-nowarn",
                "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), source.toString());
        assertThat(status).as("javac: %s", errors).isZero();
        return Files.readAllBytes(dir.resolve("dev/rollback/samples/generated/Versioned.class"));
    }

    /** @return for each place the advice loads a resolution: "condy" (ldc of a dynamic constant) or "call" (a look-up) */
    private static List<String> resolutionLoads(byte[] bytes) {
        List<String> loads = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof ConstantDynamic constant
                                && constant.getBootstrapMethod().getOwner().equals("dev/rollback/agent/internal/Dispatch")) {
                            loads.add("condy");
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        if (owner.equals("dev/rollback/agent/internal/Dispatch") && name.equals("resolution")) {
                            loads.add("call");
                        }
                    }
                };
            }
        }, 0);
        return loads;
    }

    private static final class SingleClassLoader extends ClassLoader {

        private final byte[] bytes;

        SingleClassLoader(byte[] bytes) {
            super(ClassFileVersionsTest.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(NAME)) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}
