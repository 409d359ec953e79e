package dev.lightningdb.tck.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained driver jar ({@code lightning-jdbc-<version>-all.jar}) works alone in a fresh JVM,
 * and next to an application's own old Guava and Jackson.
 */
class SelfContainedDriverJarTest {

    @TempDir
    static Path probeDir;

    static Path allJar;

    @BeforeAll
    static void compile() throws IOException {
        allJar = DistJars.allJar();
        DistJars.compileProbe(probeDir);
    }

    @Test
    void runsDdlDmlJoinAndMetadataWithOnlyTheJarOnTheClassPath(@TempDir Path db) throws Exception {
        DistJars.Run run = DistJars.run(List.of(probeDir, allJar), db.resolve("data").toString());

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertWorked(run);
        assertThat(DistJars.jvmWarnings(run.stderr())).as("the JVM's warnings on Java %s", Runtime.version().feature()).isEmpty();
    }

    @Test
    void worksNextToAnOldGuavaAndJacksonEarlierOnTheClassPath(@TempDir Path db) throws Exception {
        List<Path> old = DistJars.oldLibraries();
        assertThat(old.stream().map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("guava-20."))
                .anyMatch(n -> n.startsWith("jackson-databind-2.9."));
        List<Path> cp = new ArrayList<>(old);
        cp.add(probeDir);
        cp.add(allJar);

        DistJars.Run run = DistJars.run(cp, db.resolve("data").toString(),
                "com.google.common.collect.ImmutableList", "com.fasterxml.jackson.databind.ObjectMapper");

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertWorked(run);
        // the application's classes really are the old ones, and the driver used its own
        assertThat(run.stdout())
                .contains("CLASS com.google.common.collect.ImmutableList FROM guava-20.0.jar")
                .contains("CLASS com.fasterxml.jackson.databind.ObjectMapper FROM jackson-databind-2.9.");
    }

    @Test
    void theJarRegistersOnlyLightningDriverAndHidesItsDependencies() throws IOException {
        try (JarFile jar = new JarFile(allJar.toFile())) {
            JarEntry services = jar.getJarEntry("META-INF/services/java.sql.Driver");
            assertThat(services).as("META-INF/services/java.sql.Driver").isNotNull();
            String text = new String(jar.getInputStream(services).readAllBytes()).trim();
            assertThat(text).isEqualTo("dev.lightningdb.jdbc.LightningDriver");

            List<String> unrelocated = jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.startsWith("dev/lightningdb/"))
                    .filter(n -> !n.startsWith("javax/")) // standard API packages (JTA) stay as they are
                    .collect(Collectors.toList());
            assertThat(unrelocated).as("classes outside dev/lightningdb/").isEmpty();
            assertThat(jar.getJarEntry("dev/lightningdb/shaded/com/google/common/collect/ImmutableList.class")).isNotNull();
            assertThat(jar.getJarEntry("dev/lightningdb/shaded/org/antlr/v4/runtime/Parser.class")).isNotNull();
        }
    }

    private static void assertWorked(DistJars.Run run) {
        String version = DistJars.projectVersion();
        String[] parts = version.split("[.-]");
        assertThat(run.stdout())
                .contains("ROWS=eng:2:300;ops:1:30;")
                .contains("PRODUCT_VERSION=" + version)
                .contains("DRIVER_VERSION=" + version)
                .contains("DRIVER_MAJOR_MINOR=" + Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]))
                .contains("DRIVER_CLASS=dev.lightningdb.jdbc.LightningDriver")
                .contains("DRIVERS=1")
                .contains("TABLE=EMP");
        assertThat(version).doesNotContain("${");
    }
}
