package dev.lightningdb.tck.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightningdb.hibernate.LightningDialect;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 6 on LightningDB, with the dialect found from the JDBC metadata and the schema made
 * by Hibernate's own tooling (hbm2ddl create). The same scenario runs on H2: sequence ids,
 * many-to-one and one-to-many, embedded values, {@code @Version}, JPQL and Criteria with joins,
 * grouping and paging; both databases must give the same answers.
 */
class HibernateDialectTest {
    @TempDir
    Path dir;

    static SessionFactory sessionFactory(String url, Class<?>... entities) {
        return sessionFactory(url, "create", entities);
    }

    static SessionFactory sessionFactory(String url, String schemaAction, Class<?>... entities) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, url);
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, "sa");
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, "");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, schemaAction);
        configuration.setProperty(AvailableSettings.POOL_SIZE, "2");
        return configuration.buildSessionFactory();
    }

    private String lightningUrl() {
        return "jdbc:lightning:" + dir.resolve("lightning");
    }

    @Test
    void theDialectIsResolvedFromTheDatabaseProductNameAndHibernateCreatesTheSchema() throws SQLException {
        try (SessionFactory sf = sessionFactory(lightningUrl(), Customer.class, PurchaseOrder.class)) {
            assertThat(sf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()).isInstanceOf(LightningDialect.class);
        }
        try (Connection c = DriverManager.getConnection(lightningUrl());
             ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            TreeSet<String> tables = new TreeSet<>();
            TreeSet<String> sequences = new TreeSet<>();
            TreeSet<String> temporary = new TreeSet<>();
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                (type.equals("SEQUENCE") ? sequences : type.equals("GLOBAL TEMPORARY") ? temporary : tables).add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables).containsExactly("CUSTOMER", "PURCHASE_ORDER");
            // HTE_ tables: Hibernate's entity tables for bulk inserts, temporary: each connection's rows are its own
            assertThat(temporary).containsExactly("HTE_CUSTOMER", "HTE_PURCHASE_ORDER");
            assertThat(sequences).containsExactly("CUSTOMER_SEQ", "PURCHASE_ORDER_SEQ");
        }
    }

    @Test
    void entitiesQueriesAndLockingBehaveAsOnH2() {
        List<String> h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"));
        List<String> lightning = scenario(lightningUrl());
        assertThat(lightning).containsExactlyElementsOf(h2);
    }

    private static List<String> scenario(String url) {
        List<String> seen = new ArrayList<>();
        try (SessionFactory sf = sessionFactory(url, Customer.class, PurchaseOrder.class)) {
            sf.inTransaction(s -> {
                Customer ada = new Customer("Ada", new Address("12 Analytical Row", "London", "N1"));
                ada.addOrder(new PurchaseOrder(new BigDecimal("120.50"), LocalDate.of(2024, 1, 5), "SHIPPED"));
                ada.addOrder(new PurchaseOrder(new BigDecimal("9.99"), LocalDate.of(2024, 2, 11), "OPEN"));
                ada.addOrder(new PurchaseOrder(new BigDecimal("30.00"), LocalDate.of(2024, 2, 12), "OPEN"));
                Customer grace = new Customer("Grace", new Address("1 Compiler Way", "New York", "10001"));
                grace.addOrder(new PurchaseOrder(new BigDecimal("45.00"), LocalDate.of(2024, 3, 1), "SHIPPED"));
                grace.addOrder(new PurchaseOrder(new BigDecimal("5.25"), LocalDate.of(2024, 3, 2), "CANCELLED"));
                Customer edsger = new Customer("Edsger", new Address("3 Semaphore St", "Austin", "78701"));
                edsger.addOrder(new PurchaseOrder(new BigDecimal("77.70"), LocalDate.of(2024, 4, 4), "OPEN"));
                Customer barbara = new Customer("Barbara", new Address("9 Abstraction Ave", "London", "SW1"));
                for (Customer c : List.of(ada, grace, edsger, barbara)) {
                    s.persist(c);
                }
            });

            sf.inSession(s -> {
                for (Customer c : s.createSelectionQuery("from Customer c order by c.id", Customer.class).getResultList()) {
                    seen.add("customer " + c.getId() + " " + c.getName() + " " + c.getAddress().getCity() + " v" + c.getVersion()
                            + " orders " + c.getOrders().stream().map(o -> o.getId() + ":" + o.getAmount().toPlainString()).toList());
                }
                // a lazy many-to-one, loaded on access
                PurchaseOrder first = s.createSelectionQuery("from PurchaseOrder o order by o.amount desc", PurchaseOrder.class)
                        .setMaxResults(1).getSingleResult();
                seen.add("largest order " + first.getAmount().toPlainString() + " by " + first.getCustomer().getName());

                // JPQL: outer join, grouping, aggregates, ordering
                for (Object[] row : s.createSelectionQuery("select c.name, count(o), coalesce(sum(o.amount), 0) from Customer c "
                        + "left join c.orders o group by c.name order by c.name", Object[].class).getResultList()) {
                    seen.add("totals " + row[0] + " " + row[1] + " " + ((BigDecimal) row[2]).stripTrailingZeros().toPlainString());
                }
                // JPQL: join through the many-to-one, a condition on an embedded value, paging
                for (PurchaseOrder o : s.createSelectionQuery("select o from PurchaseOrder o join o.customer c "
                        + "where c.address.city = :city order by o.amount desc", PurchaseOrder.class)
                        .setParameter("city", "London").setFirstResult(1).setMaxResults(2).getResultList()) {
                    seen.add("london page " + o.getAmount().toPlainString() + " " + o.getStatus());
                }
                // JPQL: functions and HAVING
                for (Object[] row : s.createSelectionQuery("select upper(o.status), count(o), max(o.amount) from PurchaseOrder o "
                        + "where length(o.status) > 2 group by o.status having count(o) > 1 order by 1", Object[].class).getResultList()) {
                    seen.add("status " + row[0] + " " + row[1] + " " + ((BigDecimal) row[2]).toPlainString());
                }
                // Criteria: join, grouping and paging
                CriteriaBuilder cb = s.getCriteriaBuilder();
                CriteriaQuery<Tuple> q = cb.createTupleQuery();
                Root<PurchaseOrder> o = q.from(PurchaseOrder.class);
                Join<PurchaseOrder, Customer> c = o.join("customer");
                q.multiselect(c.get("address").get("city"), cb.count(o), cb.sum(o.<BigDecimal>get("amount")))
                        .where(cb.notEqual(o.get("status"), "CANCELLED"))
                        .groupBy(c.get("address").get("city"))
                        .orderBy(cb.desc(cb.count(o)), cb.asc(c.get("address").get("city")));
                for (Tuple t : s.createQuery(q).setFirstResult(0).setMaxResults(2).getResultList()) {
                    seen.add("criteria " + t.get(0) + " " + t.get(1) + " " + ((BigDecimal) t.get(2)).stripTrailingZeros().toPlainString());
                }
                // Paging over entities: the second page of two
                seen.add("page 2 " + s.createSelectionQuery("select c.name from Customer c order by c.name", String.class)
                        .setFirstResult(2).setMaxResults(2).getResultList());
            });

            // @Version: an update bumps the version; a stale copy cannot be written
            Long adaId = sf.fromTransaction(s -> {
                Customer ada = s.createSelectionQuery("from Customer where name = 'Ada'", Customer.class).getSingleResult();
                ada.setAddress(new Address("12 Analytical Row", "Cambridge", "CB1"));
                return ada.getId();
            });
            seen.add("optimistic " + optimisticConflict(sf, adaId));

            // one-to-many: orphan removal, and deleting a customer deletes its orders
            sf.inTransaction(s -> {
                Customer ada = s.find(Customer.class, adaId);
                seen.add("ada v" + ada.getVersion() + " " + ada.getAddress().getCity());
                ada.getOrders().remove(0);
            });
            sf.inTransaction(s -> s.remove(s.createSelectionQuery("from Customer where name = 'Grace'", Customer.class)
                    .getSingleResult()));
            sf.inSession(s -> {
                seen.add("orders left " + s.createSelectionQuery("select o.id from PurchaseOrder o order by o.id", Long.class)
                        .getResultList());
                seen.add("customers left " + s.createSelectionQuery("select c.name from Customer c order by c.name", String.class)
                        .getResultList());
            });
        }
        return seen;
    }

    /** Two sessions load the same customer; the first commits a change, the second's must fail. */
    private static boolean optimisticConflict(SessionFactory sf, Long id) {
        try (Session first = sf.openSession(); Session second = sf.openSession()) {
            Transaction t1 = first.beginTransaction();
            Transaction t2 = second.beginTransaction();
            Customer a = first.find(Customer.class, id);
            Customer b = second.find(Customer.class, id);
            a.setName("Ada L.");
            t1.commit();
            b.setName("Ada Lovelace");
            try {
                t2.commit();
                return false;
            } catch (OptimisticLockException e) {
                return true;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof OptimisticLockException) {
                    return true;
                }
                throw e;
            }
        }
    }

    /**
     * Two transactions update the same versioned row: the second flush waits for the first
     * transaction's row lock (as on H2 and PostgreSQL). Once the first commits, the second UPDATE
     * (READ COMMITTED) re-reads the row and re-checks its {@code WHERE id = ? AND version = ?} on the
     * newest version, which no longer matches: no row is updated, and Hibernate reports the lost
     * race as an OptimisticLockException. The first one's change stays.
     */
    @Test
    void aSecondWriterOfAVersionedRowWaitsForTheFirstAndThenFindsItStale() throws Exception {
        try (SessionFactory sf = sessionFactory(lightningUrl(), Customer.class, PurchaseOrder.class)) {
            Long id = sf.fromTransaction(s -> {
                Customer c = new Customer("Ada", new Address("x", "y", "z"));
                s.persist(c);
                return c.getId();
            });
            try (Session first = sf.openSession(); Session second = sf.openSession()) {
                Transaction t1 = first.beginTransaction();
                Transaction t2 = second.beginTransaction();
                first.find(Customer.class, id).setName("first");
                second.find(Customer.class, id).setName("second");
                first.flush();
                // the second flush waits for the first transaction's row lock, on a thread of its own
                java.util.concurrent.CompletableFuture<Void> secondFlush = java.util.concurrent.CompletableFuture.runAsync(second::flush);
                Thread.sleep(100);
                assertThat(secondFlush).isNotDone();
                t1.commit();
                assertThatThrownBy(() -> secondFlush.get(30, java.util.concurrent.TimeUnit.SECONDS))
                        .hasCauseInstanceOf(jakarta.persistence.OptimisticLockException.class);
                t2.rollback();
            }
            String name = sf.fromSession(s -> s.find(Customer.class, id).getName());
            assertThat(name).isEqualTo("first");
        }
    }

    /** Schema update on a database Hibernate made earlier keeps the data, and ids continue without repeats. */
    @Test
    void schemaUpdateKeepsDataAndSequences() {
        List<Long> ids = new ArrayList<>();
        for (String action : List.of("create", "update", "update")) {
            try (SessionFactory sf = sessionFactory(lightningUrl(), action, Customer.class, PurchaseOrder.class)) {
                ids.add(sf.fromTransaction(s -> {
                    Customer c = new Customer("customer " + action + " " + ids.size(), new Address("s", "c", "z"));
                    c.addOrder(new PurchaseOrder(BigDecimal.ONE, LocalDate.of(2024, 1, 1), "OPEN"));
                    s.persist(c);
                    return c.getId();
                }));
                Long customers = sf.fromSession(s -> s.createSelectionQuery("select count(c) from Customer c", Long.class)
                        .getSingleResult());
                assertThat(customers).isEqualTo(ids.size());
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    /**
     * An identity id comes back through {@code getGeneratedKeys}; skipped while the driver does not
     * support it (the dialect has no identity select to fall back on).
     */
    @Test
    void identityIdsComeBackFromTheInsert() throws SQLException {
        try (Connection c = DriverManager.getConnection(lightningUrl())) {
            assumeTrue(c.getMetaData().supportsGetGeneratedKeys(), "the driver does not return generated keys yet");
        }
        try (SessionFactory sf = sessionFactory(lightningUrl(), AuditEvent.class)) {
            LocalDateTime when = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_000_000);
            List<Long> ids = sf.fromTransaction(s -> {
                List<Long> out = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    AuditEvent e = new AuditEvent("event " + i, when.plusMinutes(i));
                    s.persist(e);
                    out.add(e.getId());
                }
                return out;
            });
            assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
            sf.inSession(s -> {
                AuditEvent e = s.find(AuditEvent.class, ids.get(2));
                assertThat(e.getMessage()).isEqualTo("event 2");
                assertThat(e.getHappened()).isEqualTo(when.plusMinutes(2));
            });
        }
    }

    @Test
    void pessimisticLocksRunAsLockingQueries() {
        try (SessionFactory sf = sessionFactory(lightningUrl(), Customer.class, PurchaseOrder.class)) {
            sf.inTransaction(s -> s.persist(new Customer("Ada", new Address("x", "y", "z"))));
            List<Customer> locked = sf.fromTransaction(s -> s.createSelectionQuery("from Customer", Customer.class)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList());
            assertThat(locked).extracting(Customer::getName).containsExactly("Ada");
        }
    }
}
