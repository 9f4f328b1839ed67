package dev.rollback.test;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fails a test that leaves a rollback scope open on its thread (the scope is then rolled back, so
 * the next test on that pooled thread starts clean), and hands tests a {@link RollbackReports}
 * parameter with the rollbacks of the test's thread.
 *
 * <pre>{@code
 * @ExtendWith(RollbackExtension.class)
 * class AgentFactoryTest {
 *     @Test
 *     void undoesEverythingWhenTheWorkerFails(RollbackReports reports) { ... }
 * }
 * }</pre>
 */
public final class RollbackExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RollbackExtension.class);

    /** Creates the extension; JUnit calls this for {@code @ExtendWith(RollbackExtension.class)}. */
    public RollbackExtension() {
        super();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(RollbackReports.class, RollbackReports.record());
        Optional<RollbackScope> open = Rollback.current();
        if (open.isPresent()) {
            // not this test's to close: afterEach leaves it, and everything outside it, alone
            store.put(RollbackScope.class, open.get());
            throw new AssertionFailedError(open.get() + " was already open on thread '" + Thread.currentThread().getName()
                    + "' before " + context.getDisplayName() + " started; accepted: every scope closed by the code that"
                    + " opened it (an earlier test, a @BeforeAll or a @BeforeEach)");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.remove(RollbackReports.class, RollbackReports.class).close();
        RollbackScope outside = store.remove(RollbackScope.class, RollbackScope.class);
        List<String> left = new ArrayList<>();
        List<Throwable> closing = new ArrayList<>();
        for (Optional<RollbackScope> open = Rollback.current(); open.isPresent() && open.get() != outside;
             open = Rollback.current()) {
            left.add(open.get().toString());
            try {
                open.get().close();
            } catch (RuntimeException e) {
                closing.add(e); // attached to the failure below
            }
        }
        if (!left.isEmpty()) {
            AssertionFailedError failure = new AssertionFailedError(context.getDisplayName() + " left " + left.size()
                    + " rollback scope(s) open on thread '" + Thread.currentThread().getName() + "': " + String.join(", ", left)
                    + " (rolled back now, innermost first); accepted: every scope closed where it was opened, for example"
                    + " with try-with-resources around Rollback.begin");
            closing.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RollbackReports.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RollbackReports.class, RollbackReports.class);
    }
}
