package dev.lightningdb.tck.dist;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Finds the self-contained driver jar built by the driver module's package phase, compiles a small
 * JDBC program that needs nothing but java.sql, and runs it in a fresh JVM; runs the command-line
 * jar the same way.
 */
final class DistJars {

    private DistJars() {
    }

    /** The project version, from the (thin) driver on this module's test class path. */
    static String projectVersion() {
        try (InputStream in = DistJars.class.getResourceAsStream("/dev/lightningdb/jdbc/driver.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/lightningdb/jdbc/driver.properties is not on the test class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ../driver/target/lightning-jdbc-<version>-all.jar}, relative to the tck base directory. */
    static Path allJar() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path jar = base.resolve("../driver/target/lightning-jdbc-" + projectVersion() + "-all.jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The self-contained driver jar " + jar + " is missing. It is built by the"
                    + " driver module's package phase: run the reactor, e.g. `mvn -B verify` or"
                    + " `mvn -B -pl tck -am verify`, not the tck module alone.");
        }
        return jar;
    }

    /** The deliberately old Guava and Jackson jars copied by tck/pom.xml to target/old-libs. */
    static List<Path> oldLibraries() throws IOException {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("target/old-libs");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: maven-dependency-plugin copies the old libraries there"
                    + " in process-test-resources (see tck/pom.xml)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    static final String PROBE = String.join("\n",
            "import java.sql.*;",
            "public class DistProbe {",
            "  public static void main(String[] args) throws Exception {",
            "    String url = \"jdbc:lightning:\" + args[0];",
            "    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {",
            "      if (args.length > 1 && args[1].equals(\"select1\")) {",
            "        try (ResultSet rs = s.executeQuery(\"SELECT 1\")) { rs.next(); System.out.println(\"ONE=\" + rs.getInt(1)); }",
            "        return;",
            "      }",
            "      s.executeUpdate(\"CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)\");",
            "      s.executeUpdate(\"CREATE TABLE emp (id INT PRIMARY KEY, dept_id INT NOT NULL, salary INT)\");",
            "      s.executeUpdate(\"INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')\");",
            "      s.executeUpdate(\"INSERT INTO emp VALUES (1, 1, 100), (2, 1, 200), (3, 2, 50), (4, 2, 70)\");",
            "      s.executeUpdate(\"UPDATE emp SET salary = 30 WHERE id = 3\");",
            "      s.executeUpdate(\"DELETE FROM emp WHERE id = 4\");",
            "      StringBuilder rows = new StringBuilder();",
            "      try (ResultSet rs = s.executeQuery(\"SELECT d.name, COUNT(*), SUM(e.salary) FROM emp e JOIN dept d\"",
            "          + \" ON e.dept_id = d.id GROUP BY d.name HAVING COUNT(*) >= 1 ORDER BY d.name\")) {",
            "        while (rs.next()) rows.append(rs.getString(1)).append(':').append(rs.getInt(2)).append(':').append(rs.getInt(3)).append(';');",
            "      }",
            "      DatabaseMetaData md = c.getMetaData();",
            "      Driver d = DriverManager.getDriver(url);",
            "      System.out.println(\"ROWS=\" + rows);",
            "      System.out.println(\"PRODUCT=\" + md.getDatabaseProductName());",
            "      System.out.println(\"PRODUCT_VERSION=\" + md.getDatabaseProductVersion());",
            "      System.out.println(\"DRIVER_VERSION=\" + md.getDriverVersion());",
            "      System.out.println(\"DRIVER_MAJOR_MINOR=\" + d.getMajorVersion() + \".\" + d.getMinorVersion());",
            "      System.out.println(\"DRIVER_CLASS=\" + d.getClass().getName());",
            "      int drivers = 0;",
            "      for (java.util.Enumeration<Driver> e = DriverManager.getDrivers(); e.hasMoreElements(); e.nextElement()) drivers++;",
            "      System.out.println(\"DRIVERS=\" + drivers);",
            "      try (ResultSet rs = md.getTables(null, null, \"EMP\", null)) { System.out.println(\"TABLE=\" + (rs.next() ? rs.getString(\"TABLE_NAME\") : \"none\")); }",
            "    }",
            "    for (int i = 1; i < args.length; i++) {",
            "      Class<?> k = Class.forName(args[i]);",
            "      String where = String.valueOf(k.getProtectionDomain().getCodeSource().getLocation());",
            "      System.out.println(\"CLASS \" + args[i] + \" FROM \" + where.substring(where.lastIndexOf('/') + 1));",
            "    }",
            "  }",
            "}",
            "");

    /** Compiles {@link #PROBE} into {@code dir}; it needs nothing but the JDK. */
    static Path compileProbe(Path dir) throws IOException {
        Path src = dir.resolve("DistProbe.java");
        Files.writeString(src, PROBE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        int rc = javac.run(null, null, null, "-d", dir.toString(), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("the probe program did not compile");
        }
        return dir;
    }

    record Run(int exitCode, String stdout, String stderr, long millis) {
    }

    /** Runs {@code java -cp <classPath> DistProbe <args>} with the java of this JVM; only this class path. */
    static Run run(List<Path> classPath, String... args) throws IOException, InterruptedException {
        List<String> javaArgs = new ArrayList<>();
        javaArgs.add("-cp");
        javaArgs.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        javaArgs.add("DistProbe");
        javaArgs.addAll(List.of(args));
        return runJava(javaArgs, "");
    }

    /** {@code ../cli/target/lightning.jar}, the command-line tool with every dependency inside. */
    static Path cliJar() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path jar = base.resolve("../cli/target/lightning.jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The command-line jar " + jar + " is missing. It is built by the cli"
                    + " module's package phase: run the reactor, e.g. `mvn -B verify`, not the tck module alone.");
        }
        return jar;
    }

    /**
     * Runs {@code java <javaArgs>} with the java of this JVM (so on whichever Java runs the tests),
     * {@code stdin} as its input, and no class path or options from the environment.
     */
    static Run runJava(List<String> javaArgs, String stdin) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CLASSPATH");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Path in = Files.createTempFile("dist-probe", ".in");
        Path out = Files.createTempFile("dist-probe", ".out");
        Path err = Files.createTempFile("dist-probe", ".err");
        Files.writeString(in, stdin);
        pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the probe JVM did not finish within 180 s: " + cmd);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
        Files.deleteIfExists(in);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** The lines in which the JVM warns (restricted or deprecated methods called, agents loaded, ...). */
    static List<String> jvmWarnings(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("WARNING:")).collect(Collectors.toList());
    }
}
