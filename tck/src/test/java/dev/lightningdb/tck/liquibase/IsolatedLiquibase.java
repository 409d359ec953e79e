package dev.lightningdb.tck.liquibase;

import dev.lightningdb.liquibase.LightningDatabase;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * A Liquibase of its own for one client in this JVM, as each of two applications sharing an
 * embedded database brings its own: Liquibase, the LightningDB extension and {@link LiquibaseSession}
 * are loaded again, child first, so that the two clients share only the driver (and through it the
 * database). Liquibase 4.33 keeps per-run state in JVM-wide singletons (the cached command
 * pipeline's lock step remembers in a plain field whether it took the lock, and a finished update
 * resets every database's lock service), so two updates in one class loader can leave the lock set
 * for nobody (liquibase/liquibase#6831, fixed after 4.x, and #7956).
 */
final class IsolatedLiquibase extends URLClassLoader {
    private static final List<String> OWN_CLASSES = List.of("liquibase.", "dev.lightningdb.liquibase.", LiquibaseSession.class.getName());
    private static final List<String> OWN_RESOURCES = List.of("META-INF/services/liquibase.", "liquibase/", "www.liquibase.org/");

    IsolatedLiquibase() {
        super(new URL[] {home(liquibase.Scope.class), home(LightningDatabase.class), home(LiquibaseSession.class)},
                IsolatedLiquibase.class.getClassLoader());
    }

    private static URL home(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static boolean own(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!own(name, OWN_CLASSES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : findClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        return own(name, OWN_RESOURCES) ? findResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return own(name, OWN_RESOURCES) ? findResources(name) : super.getResources(name);
    }

    /** Opens a session on {@code url} with this loader's Liquibase, runs {@code update} of {@code changelog}, closes it. */
    void update(String url, String changelog, Runnable beforeUpdate) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(this); // Liquibase finds its services through it
        try {
            Class<?> session = loadClass(LiquibaseSession.class.getName());
            try (AutoCloseable liquibase = (AutoCloseable) call(session.getDeclaredMethod("open", String.class), null, url)) {
                beforeUpdate.run();
                call(session.getDeclaredMethod("update", String.class), liquibase, changelog);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Object call(Method method, Object target, Object... args) throws Exception {
        method.setAccessible(true); // package-private, in this loader's copy of the package
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
