package dev.rollback.samples;

/** Calls a misconfigured method outside a scope, inside one, and outside again. */
public final class MisconfiguredApp {

    private MisconfiguredApp() {
    }

    public static void main(String[] args) {
        BadCompensate bad = new BadCompensate();
        Runnable[] calls = {() -> bad.create("one"), () -> bad.createInScope("two"), () -> bad.create("three")};
        for (Runnable call : calls) {
            try {
                call.run();
                System.out.println("no exception");
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
