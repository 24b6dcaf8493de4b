package io.newsdesk.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class, on the machine's server (127.0.0.1:5432, trust auth, or
 * NEWSDESK_DB_HOST/PORT/USER), migrated with the project's Flyway scripts and dropped on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(String name, PGSimpleDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    public static String host() {
        return env("NEWSDESK_DB_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("NEWSDESK_DB_PORT", "5432"));
    }

    public static String user() {
        return env("NEWSDESK_DB_USER", "postgres");
    }

    /** A unique database name for a test run. */
    public static String uniqueName(String purpose) {
        return "newsdesk_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static TestDatabase create(String purpose) {
        String name = uniqueName(purpose);
        execute("CREATE DATABASE \"" + name + "\"");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host()});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(name);
        ds.setUser(user());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/core").load().migrate();
        return new TestDatabase(name, ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    @Override
    public void close() {
        drop(name);
    }

    /** Drops a test database, closing whatever connections remain. */
    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    private static void execute(String sql) {
        String url = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user(), null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + ":" + port() + " refused: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
