package dev.lightningdb.examples;

import java.io.PrintStream;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * JPA with Hibernate ORM 6. With {@code lightning-hibernate} on the class path Hibernate picks the
 * LightningDB dialect from the connection, so only the URL is configured; Hibernate creates the
 * schema itself. Ids come from a sequence ({@code @GeneratedValue} uses the dialect's native
 * generator).
 */
public final class JpaExample {
    private JpaExample() {
    }

    public static void main(String[] args) {
        String dir = args.length > 0 ? args[0] : "./data/jpa";
        run("jdbc:lightning:" + dir, System.out);
    }

    /** Stores three books and prints those published before 1990; returns their titles. */
    public static List<String> run(String url, PrintStream out) {
        Configuration configuration = new Configuration().addAnnotatedClass(Book.class);
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, url);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "create");
        try (SessionFactory sessionFactory = configuration.buildSessionFactory()) {
            sessionFactory.inTransaction(session -> {
                session.persist(new Book("Structure and Interpretation of Computer Programs", 1985));
                session.persist(new Book("The Art of Computer Programming", 1968));
                session.persist(new Book("Transaction Processing", 1992));
            });
            List<String> titles = sessionFactory.fromSession(session -> session
                    .createSelectionQuery("select b.title from Book b where b.published < :year order by b.published", String.class)
                    .setParameter("year", 1990)
                    .getResultList());
            titles.forEach(out::println);
            return titles;
        }
    }
}
