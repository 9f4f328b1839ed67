package dev.rollback.samples;

/** Says, for each class name it is given, whether the application's class loader can load it. */
public final class VisibilityApp {

    private VisibilityApp() {
    }

    public static void main(String[] args) {
        for (String name : args) {
            boolean visible;
            try {
                Class.forName(name, false, VisibilityApp.class.getClassLoader());
                visible = true;
            } catch (ClassNotFoundException e) {
                visible = false;
            }
            System.out.println(name + ": " + (visible ? "visible" : "not visible"));
        }
    }
}
