package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAL force that fails in the ASYNC background flusher is never swallowed: it surfaces at the
 * next commit (and at close) as {@code IO_ERROR}, whatever the failure looks like: an
 * IOException, or an unchecked exception a file implementation lets escape. The same holds for a
 * SYNC committer leading a group force: it gets a typed error, and the committers after it are
 * refused rather than left waiting for a force that will never come.
 */
class WalFlusherErrorTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Fails WAL forces with whatever the supplier gives while it is set. */
    private static final class FailingForce extends ForwardingFileIO {
        private final AtomicReference<Supplier<Exception>> failure;

        FailingForce(FileIO delegate, AtomicReference<Supplier<Exception>> failure) {
            super(delegate);
            this.failure = failure;
        }

        @Override
        public void force() throws IOException {
            Supplier<Exception> f = failure.get();
            if (f != null && delegate.name().contains("wal-")) {
                Exception e = f.get();
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
            delegate.force();
        }





    }

    @Test
    void anIoErrorInTheFlusherSurfacesAtTheNextCommitAndAtClose() throws Exception {
        flusherFailureSurfaces(() -> new IOException("No space left on device (injected)"));
    }

    @Test
    void anUncheckedErrorInTheFlusherSurfacesToo() throws Exception {
        flusherFailureSurfaces(() -> new UncheckedIOException(new IOException("Input/output error (injected, unchecked)")));
    }

    private void flusherFailureSurfaces(Supplier<Exception> error) throws Exception {
        AtomicReference<Supplier<Exception>> failure = new AtomicReference<>();
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.ASYNC).walFlushInterval(Duration.ofMillis(2)).build();
        LightningDb db = LightningDb.open(dir, config, (path, create, readOnly) -> new FailingForce(FileIO.CHANNEL.open(path, create, readOnly), failure));
        db.put(b("before"), b("1"));
        long forced = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.stats().get("wal.forces") == 0 && System.nanoTime() < forced) {
            Thread.sleep(1); // the flusher forces "before" first, so that the failure meets "a" and not it
        }
        failure.set(error);
        db.put(b("a"), b("1")); // written; its force is the flusher's, which fails
        // Wait (without asserting on time) until the flusher has tried; a lost error never shows here.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.stats().get("wal.failed") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(db.stats().get("wal.failed")).as("the flusher's failure is recorded").isEqualTo(1L);
        assertThatThrownBy(() -> db.put(b("b"), b("2"))).isInstanceOfSatisfying(LightningDbException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR);
            assertThat(e.getMessage()).contains("(injected");
        });
        failure.set(null);
        assertThatThrownBy(() -> db.put(b("c"), b("3"))).as("sticky until reopened").isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(db.get(b("b"))).isNull();
        assertThatThrownBy(db::close).isInstanceOfSatisfying(LightningDbException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        try (LightningDb again = LightningDb.open(dir, config)) {
            assertThat(again.get(b("before"))).isEqualTo(b("1"));
            // "a" reached the OS, which kept it: recovery finds it whole. "b" and "c" were never logged.
            assertThat(again.get(b("a"))).isEqualTo(b("1"));
            assertThat(again.get(b("b"))).isNull();
            assertThat(again.get(b("c"))).isNull();
            assertThat(again.verifyIntegrity().problems()).isEmpty();
            again.put(b("d"), b("4"));
        }
    }

    @Test
    void aCheckpointAfterAFailedForceLetsTheLogTakeCommitsAgain() {
        AtomicReference<Supplier<Exception>> failure = new AtomicReference<>();
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).build();
        LightningDb db = LightningDb.open(dir, config, (path, create, readOnly) -> new FailingForce(FileIO.CHANNEL.open(path, create, readOnly), failure));
        db.put(b("before"), b("1"));
        failure.set(() -> new IOException("No space left on device (injected)"));
        assertThatThrownBy(() -> db.put(b("a"), b("1"))).isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        failure.set(null);
        assertThatThrownBy(() -> db.put(b("b"), b("2"))).as("sticky").isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        db.checkpoint(); // makes everything applied durable in the data file and restarts the log
        assertThat(db.stats().get("wal.failed")).isZero();
        db.put(b("c"), b("3"));
        db.close();
        try (LightningDb again = LightningDb.open(dir, config)) {
            assertThat(again.get(b("before"))).isEqualTo(b("1"));
            // The commit whose force failed was applied; the checkpoint made it durable (its outcome was "unknown").
            assertThat(again.get(b("a"))).isEqualTo(b("1"));
            assertThat(again.get(b("b"))).isNull();
            assertThat(again.get(b("c"))).isEqualTo(b("3"));
            assertThat(again.verifyIntegrity().problems()).isEmpty();
        }
    }

    @Test
    void anUncheckedErrorInAGroupForceFailsCommitsInsteadOfHangingThem() {
        AtomicReference<Supplier<Exception>> failure = new AtomicReference<>();
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).build();
        LightningDb db = LightningDb.open(dir, config, (path, create, readOnly) -> new FailingForce(FileIO.CHANNEL.open(path, create, readOnly), failure));
        db.put(b("before"), b("1"));
        failure.set(() -> new IllegalStateException("device gone (injected, unchecked)"));
        // A hang guard only: a correct engine answers at once.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThatThrownBy(() -> db.put(b("a"), b("1"))).isInstanceOfSatisfying(LightningDbException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
            failure.set(null);
            assertThatThrownBy(() -> db.put(b("b"), b("2"))).isInstanceOfSatisfying(LightningDbException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
            assertThatThrownBy(db::close).isInstanceOf(LightningDbException.class);
        });
        try (LightningDb again = LightningDb.open(dir, config)) {
            assertThat(again.get(b("before"))).isEqualTo(b("1"));
            assertThat(again.get(b("b"))).isNull();
            assertThat(again.verifyIntegrity().problems()).isEmpty();
        }
    }
}
