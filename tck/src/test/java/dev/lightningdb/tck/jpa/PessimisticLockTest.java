package dev.lightningdb.tck.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPA pessimistic locking through Hibernate on LightningDB: the dialect turns lock modes into
 * {@code SELECT ... FOR UPDATE / FOR SHARE [OF alias] [NOWAIT | SKIP LOCKED]} and lock failures into
 * JPA's exceptions. Every transaction runs on a thread of its own with its own EntityManager; where
 * transactions wait on each other they hand over through latches awaited with generous timeouts, so
 * nothing depends on timing. The SQL Hibernate generates is captured by a statement inspector and
 * printed.
 */
class PessimisticLockTest {
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private final Queue<String> statements = new ConcurrentLinkedQueue<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Hibernate as in {@link HibernateDialectTest}, with the database's lock timeout set in the URL. */
    private SessionFactory sessionFactory(String lockTimeout) {
        Configuration configuration = new Configuration().addAnnotatedClass(Counter.class);
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:lightning:" + dir.resolve("db") + "?lockTimeout=" + lockTimeout);
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, "sa");
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, "");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "create");
        configuration.setProperty(AvailableSettings.POOL_SIZE, "10");
        configuration.setStatementInspector(sql -> {
            statements.add(sql);
            return sql;
        });
        return configuration.buildSessionFactory();
    }

    /**
     * (1) {@code find(..., PESSIMISTIC_WRITE)} then an increment in Java, from six threads at once,
     * many transactions each: no errors, and the total is exact (no lost update). The entity has no
     * {@code @Version}, so only the row lock keeps the read-modify-write cycles apart.
     */
    @Test
    void pessimisticWriteFindSerializesReadModifyWriteCycles() throws Exception {
        int workers = 6;
        int perWorker = 40;
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> s.persist(new Counter(1L)));
            CyclicBarrier start = new CyclicBarrier(workers);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(threads.submit(() -> {
                    EntityManager em = sf.createEntityManager();
                    try {
                        start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                        for (int i = 0; i < perWorker; i++) {
                            // A counter still managed from the last transaction would be locked but not
                            // read again (JPA: find returns the managed instance): start each one afresh.
                            em.clear();
                            em.getTransaction().begin();
                            em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE).increment();
                            em.getTransaction().commit();
                        }
                        return perWorker;
                    } finally {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        em.close();
                    }
                }));
            }
            int committed = 0;
            for (Future<Integer> f : done) {
                committed += f.get(5, TimeUnit.MINUTES); // any error in a worker fails the test here
            }
            assertThat(committed).isEqualTo(workers * perWorker);
            assertThat(total(sf, 1)).isEqualTo(workers * perWorker);
        }
        printed("PESSIMISTIC_WRITE find", " from Counter c1_0 where c1_0.id=? for update");
    }

    /**
     * A second PESSIMISTIC_WRITE on a locked row waits for the holder's commit and then reads the
     * value that commit wrote (READ COMMITTED: the newest committed version once locked).
     */
    @Test
    void aSecondWriterWaitsForTheFirstAndReadsItsCommittedValue() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> s.persist(new Counter(1L)));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Long> first = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE);
                c.increment();
                em.flush();
                held.countDown();
                await(release);
                return c.getTotal();
            }));
            await(held);
            Future<Long> second = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE);
                long seen = c.getTotal();
                c.increment();
                return seen;
            }));
            // While the first holds the lock the second cannot have read the row (it would have read
            // 0 and the final total below would be 1).
            assertThat(catchThrowable(() -> second.get(300, TimeUnit.MILLISECONDS))).isInstanceOf(java.util.concurrent.TimeoutException.class);
            release.countDown();
            assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(total(sf, 1)).isEqualTo(2);
        }
    }

    /**
     * (2) PESSIMISTIC_WRITE with lock timeout 0 (NOWAIT) on a row another transaction holds fails
     * at once with {@link LockTimeoutException}: what JPA specifies for a lock failure that rolls
     * back only the statement, so the transaction is not marked rollback-only and commits the work
     * it did before and after. The holder then commits too.
     */
    @Test
    void nowaitFailsOnlyTheStatementWithLockTimeoutException() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> {
                s.persist(new Counter(1L));
                s.persist(new Counter(2L));
            });
            Holder holder = hold(sf, true);
            Outcome contender = threads.submit(() -> {
                EntityManager em = sf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    Counter two = em.find(Counter.class, 2L, LockModeType.PESSIMISTIC_WRITE);
                    two.increment();
                    Throwable failure = catchThrowable(() -> em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE, Map.of(LOCK_TIMEOUT, 0)));
                    boolean rollbackOnly = em.getTransaction().getRollbackOnly();
                    two.increment();
                    em.getTransaction().commit();
                    return new Outcome(failure, rollbackOnly);
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            System.out.println("[PessimisticLockTest] NOWAIT on a held row: " + describe(contender.failure()));
            assertThat(contender.failure()).isInstanceOf(LockTimeoutException.class)
                    .hasCauseInstanceOf(org.hibernate.exception.LockTimeoutException.class);
            assertThat(sqlState(contender.failure())).isEqualTo("55P03");
            assertThat(contender.rollbackOnly()).isFalse();
            holder.release();
            assertThat(holder.total(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(total(sf, 1)).isEqualTo(1);
            assertThat(total(sf, 2)).isEqualTo(2);
        }
        printed("PESSIMISTIC_WRITE find, lock timeout 0", " from Counter c1_0 where c1_0.id=? for update nowait");
    }

    /**
     * A lock wait that outlasts the database's {@code lockTimeout} fails the same way (55P03,
     * {@link LockTimeoutException}, transaction usable), with or without a positive lock timeout
     * hint: there is no per-statement timeout, the hint's milliseconds give a plain FOR UPDATE.
     */
    @Test
    void aWaitLongerThanTheDatabaseLockTimeoutFailsTheStatementAlike() throws Exception {
        try (SessionFactory sf = sessionFactory("300ms")) {
            sf.inTransaction(s -> s.persist(new Counter(1L)));
            Holder holder = hold(sf, true);
            for (Map<String, Object> hints : List.<Map<String, Object>>of(Map.of(), Map.of(LOCK_TIMEOUT, 5_000))) {
                Outcome waiter = threads.submit(() -> {
                    EntityManager em = sf.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        Throwable failure = catchThrowable(() -> em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE, hints));
                        boolean rollbackOnly = em.getTransaction().getRollbackOnly();
                        em.getTransaction().commit();
                        return new Outcome(failure, rollbackOnly);
                    } finally {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        em.close();
                    }
                }).get(WAIT_SECONDS, TimeUnit.SECONDS);
                System.out.println("[PessimisticLockTest] wait past lockTimeout, hints " + hints + ": " + describe(waiter.failure()));
                assertThat(waiter.failure()).isInstanceOf(LockTimeoutException.class);
                assertThat(sqlState(waiter.failure())).isEqualTo("55P03");
                assertThat(waiter.rollbackOnly()).isFalse();
            }
            holder.release();
            assertThat(holder.total(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(statements).filteredOn(s -> s.contains(" for ")).noneMatch(s -> s.contains(" wait"));
        printed("PESSIMISTIC_WRITE find, lock timeout 5000 ms", " from Counter c1_0 where c1_0.id=? for update");
    }

    /**
     * A shorter wait for one transaction: Hibernate 6 gives a dialect no way to run a statement
     * before a locking select, so an application that wants one sets the session's lock timeout
     * itself ({@code SET LOCK_TIMEOUT}, where the SQL has it; skipped otherwise) and sets it back
     * before the connection goes back to the pool (here to the database's value, written out).
     */
    @Test
    void aSessionLockTimeoutSetByTheApplicationShortensTheWait() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            boolean supported = sf.fromSession(s -> s.doReturningWork(c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCK_TIMEOUT 60000");
                    return true;
                } catch (SQLException e) {
                    System.out.println("[PessimisticLockTest] SET LOCK_TIMEOUT not available: " + e.getSQLState() + " " + e.getMessage());
                    return false;
                }
            }));
            assumeTrue(supported, "SET LOCK_TIMEOUT is not in the SQL");
            sf.inTransaction(s -> s.persist(new Counter(1L)));
            Holder holder = hold(sf, false);
            // 200 ms instead of the database's 60 s: well within the 30 s this waits for the outcome
            Outcome waiter = threads.submit(() -> inTransaction(sf, em -> {
                Session session = em.unwrap(Session.class);
                session.doWork(c -> c.createStatement().execute("SET LOCK_TIMEOUT 200"));
                try {
                    Throwable failure = catchThrowable(() -> em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE));
                    return new Outcome(failure, em.getTransaction().getRollbackOnly());
                } finally {
                    session.doWork(c -> c.createStatement().execute("SET LOCK_TIMEOUT 60000")); // the database's, as in the URL
                }
            })).get(30, TimeUnit.SECONDS);
            System.out.println("[PessimisticLockTest] SET LOCK_TIMEOUT 200, then PESSIMISTIC_WRITE: " + describe(waiter.failure()));
            assertThat(waiter.failure()).isInstanceOf(LockTimeoutException.class);
            assertThat(waiter.rollbackOnly()).isFalse();
            holder.release();
            assertThat(holder.total(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        }
    }

    /**
     * (3) A job queue as Spring Data writes it: a query ordered by id with PESSIMISTIC_WRITE, lock
     * timeout SKIP_LOCKED (-2) and one result. While the first worker holds the first row, the
     * second one skips it and claims the next.
     */
    @Test
    void skipLockedGivesTwoWorkersDifferentRows() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> {
                for (long id = 1; id <= 3; id++) {
                    s.persist(new Counter(id));
                }
            });
            CountDownLatch firstClaimed = new CountDownLatch(1);
            CountDownLatch secondClaimed = new CountDownLatch(1);
            Future<Long> first = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = claimNext(em, "first");
                firstClaimed.countDown();
                await(secondClaimed); // hold the row until the other worker has claimed one
                return c.getId();
            }));
            await(firstClaimed);
            Future<Long> second = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = claimNext(em, "second");
                secondClaimed.countDown();
                return c.getId();
            }));
            assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1L);
            assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2L);
            List<String> claims = sf.fromSession(s -> s.createSelectionQuery(
                    "select coalesce(c.claimedBy, '-') from Counter c order by c.id", String.class).getResultList());
            assertThat(claims).containsExactly("first", "second", "-");
        }
        printed("query, PESSIMISTIC_WRITE, SKIP_LOCKED, max results 1",
                " from Counter c1_0 where c1_0.claimedBy is null order by c1_0.id fetch first ? rows only for update skip locked");
    }

    private static Counter claimNext(EntityManager em, String worker) {
        List<Counter> next = em.createQuery("select c from Counter c where c.claimedBy is null order by c.id", Counter.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                .setMaxResults(1)
                .getResultList();
        assertThat(next).hasSize(1);
        next.get(0).setClaimedBy(worker);
        return next.get(0);
    }

    /**
     * (4) PESSIMISTIC_READ is FOR SHARE: two transactions hold it on the same row at once (the
     * second even with NOWAIT), a PESSIMISTIC_WRITE with NOWAIT is refused while they do, and gets
     * the row once both have committed. {@code EntityManager.lock} of a loaded entity goes through
     * the dialect's lock strings the same way.
     */
    @Test
    void pessimisticReadIsASharedLock() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> s.persist(new Counter(1L)));
            CountDownLatch firstShares = new CountDownLatch(1);
            CountDownLatch secondShares = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Long> first = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_READ);
                firstShares.countDown();
                await(release);
                return c.getTotal();
            }));
            await(firstShares);
            Future<Long> second = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_READ, Map.of(LOCK_TIMEOUT, 0));
                secondShares.countDown();
                await(release);
                return c.getTotal();
            }));
            await(secondShares);
            Outcome writer = threads.submit(() -> {
                EntityManager em = sf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    Throwable failure = catchThrowable(() -> em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE, Map.of(LOCK_TIMEOUT, 0)));
                    boolean rollbackOnly = em.getTransaction().getRollbackOnly();
                    em.getTransaction().rollback();
                    return new Outcome(failure, rollbackOnly);
                } finally {
                    em.close();
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            System.out.println("[PessimisticLockTest] NOWAIT write on a shared row: " + describe(writer.failure()));
            assertThat(writer.failure()).isInstanceOf(LockTimeoutException.class);
            assertThat(writer.rollbackOnly()).isFalse();
            release.countDown();
            assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
            assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();

            // EntityManager.lock on a loaded entity: Hibernate's follow-up locking select
            threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L);
                em.lock(c, LockModeType.PESSIMISTIC_READ);
                return null;
            })).get(WAIT_SECONDS, TimeUnit.SECONDS);
            long total = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L);
                em.lock(c, LockModeType.PESSIMISTIC_WRITE, Map.of(LOCK_TIMEOUT, 0));
                c.increment();
                return c.getTotal();
            })).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(total).isEqualTo(1);
        }
        printed("PESSIMISTIC_READ find", " from Counter c1_0 where c1_0.id=? for share");
        printed("PESSIMISTIC_READ find, lock timeout 0", " from Counter c1_0 where c1_0.id=? for share nowait");
        printed("EntityManager.lock PESSIMISTIC_READ", "select id from Counter where id=? for share");
        printed("EntityManager.lock PESSIMISTIC_WRITE, lock timeout 0", "select id from Counter where id=? for update nowait");
    }

    /**
     * A lock mode for one alias of a join (Hibernate's {@code setLockMode(alias, mode)}; JPA has no
     * such call) becomes {@code for update of <that table alias>}: the joined row stays free.
     */
    @Test
    void anAliasSpecificLockLocksOnlyThatAliasRows() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> {
                s.persist(new Counter(1L));
                s.persist(new Counter(2L));
            });
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> holder = threads.submit(() -> inTransaction(sf, em -> {
                List<Counter> rows = em.unwrap(Session.class)
                        .createSelectionQuery("select c from Counter c join Counter d on d.id = c.id + 1 where c.id = :id", Counter.class)
                        .setParameter("id", 1L)
                        .setLockMode("c", LockMode.PESSIMISTIC_WRITE)
                        .getResultList();
                held.countDown();
                await(release);
                return rows.size();
            }));
            await(held);
            Outcome other = threads.submit(() -> {
                EntityManager em = sf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    em.find(Counter.class, 2L, LockModeType.PESSIMISTIC_WRITE, Map.of(LOCK_TIMEOUT, 0)).increment(); // d's row: free
                    Throwable failure = catchThrowable(() -> em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE, Map.of(LOCK_TIMEOUT, 0)));
                    boolean rollbackOnly = em.getTransaction().getRollbackOnly();
                    em.getTransaction().commit();
                    return new Outcome(failure, rollbackOnly);
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(other.failure()).isInstanceOf(LockTimeoutException.class); // c's row: held
            assertThat(other.rollbackOnly()).isFalse();
            release.countDown();
            assertThat(holder.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(total(sf, 2)).isEqualTo(1);
        }
        printed("query, setLockMode(\"c\", PESSIMISTIC_WRITE) on a join", " where c1_0.id=? for update of c1_0");
    }

    /**
     * Two transactions that lock two rows in opposite orders: the one whose request closes the cycle
     * is refused with 40P01 (its transaction rolled back), which Hibernate reports as a
     * {@link LockAcquisitionException} and JPA as an {@link OptimisticLockException} with the
     * transaction marked rollback-only; the other one gets both rows and commits.
     */
    @Test
    void aDeadlockVictimGetsLockAcquisitionExceptionAndTheOtherCommits() throws Exception {
        try (SessionFactory sf = sessionFactory("60s")) {
            sf.inTransaction(s -> {
                s.persist(new Counter(1L));
                s.persist(new Counter(2L));
            });
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            List<Future<Outcome>> sides = new ArrayList<>();
            for (long[] order : new long[][] {{1, 2}, {2, 1}}) {
                sides.add(threads.submit(() -> {
                    EntityManager em = sf.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        em.find(Counter.class, order[0], LockModeType.PESSIMISTIC_WRITE).increment();
                        bothHoldOne.await(WAIT_SECONDS, TimeUnit.SECONDS);
                        Throwable failure = catchThrowable(() -> em.find(Counter.class, order[1], LockModeType.PESSIMISTIC_WRITE).increment());
                        boolean rollbackOnly = em.getTransaction().getRollbackOnly();
                        if (failure == null) {
                            em.getTransaction().commit();
                        }
                        return new Outcome(failure, rollbackOnly);
                    } finally {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        em.close();
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : sides) {
                outcomes.add(f.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o.failure() == null).hasSize(1);
            Outcome victim = outcomes.stream().filter(o -> o.failure() != null).findFirst().orElseThrow();
            System.out.println("[PessimisticLockTest] deadlock victim: " + describe(victim.failure()));
            assertThat(victim.failure()).isInstanceOf(OptimisticLockException.class).hasCauseInstanceOf(LockAcquisitionException.class);
            assertThat(sqlState(victim.failure())).isEqualTo("40P01");
            assertThat(victim.rollbackOnly()).isTrue();
            // the winner's two increments, none of the victim's (its transaction was rolled back)
            assertThat(total(sf, 1) + total(sf, 2)).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ helpers

    private record Outcome(Throwable failure, boolean rollbackOnly) {
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(EntityManager em) throws Exception;
    }

    /** Runs {@code work} in a transaction of a new EntityManager and commits (rolls back on failure). */
    private static <T> T inTransaction(SessionFactory sf, Work<T> work) throws Exception {
        EntityManager em = sf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.run(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static long total(SessionFactory sf, long id) {
        Counter c = sf.fromSession(s -> s.find(Counter.class, id));
        return c.getTotal();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("waited %s s for the other transaction", WAIT_SECONDS).isTrue();
    }

    /** Asserts that Hibernate sent a statement ending with {@code suffix}, and prints it. */
    private void printed(String what, String suffix) {
        String sql = statements.stream().filter(s -> s.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement ending with '" + suffix + "' among the locking ones: "
                        + statements.stream().filter(s -> s.contains(" for ")).distinct().toList()));
        System.out.println("[PessimisticLockTest] " + what + ": " + sql);
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "no exception";
        }
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.append(out.isEmpty() ? "" : " <- ").append(c.getClass().getName());
            if (c instanceof SQLException e) {
                out.append(" [").append(e.getSQLState()).append("] ").append(e.getMessage());
            }
        }
        return out.toString();
    }

    /** A transaction on a thread of its own holding counter 1's PESSIMISTIC_WRITE lock until {@link #release}. */
    private final class Holder {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Future<Long> total;

        Holder(SessionFactory sf, boolean increment) throws Exception {
            CountDownLatch held = new CountDownLatch(1);
            total = threads.submit(() -> inTransaction(sf, em -> {
                Counter c = em.find(Counter.class, 1L, LockModeType.PESSIMISTIC_WRITE);
                if (increment) {
                    c.increment();
                }
                held.countDown();
                await(release);
                return c.getTotal();
            }));
            await(held);
        }

        void release() {
            release.countDown();
        }

        long total(long timeout, TimeUnit unit) throws Exception {
            return total.get(timeout, unit);
        }
    }

    private Holder hold(SessionFactory sf, boolean increment) throws Exception {
        return new Holder(sf, increment);
    }
}
