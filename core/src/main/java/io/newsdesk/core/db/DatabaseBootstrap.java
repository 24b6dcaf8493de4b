package io.newsdesk.core.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Makes the database ready before anything else starts: creates it when the PostgreSQL server does not have it
 * (connecting to the server's {@code postgres} maintenance database), then runs every module's Flyway migrations.
 *
 * <p>Flyway's own migrate-at-start is off because it would run before the database exists.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    /** Runs first among the startup steps; later steps observe {@code StartupEvent} with a larger priority. */
    public static final int STARTUP_PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]+)(\\?.*)?");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Flyway flyway;

    public DatabaseBootstrap(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            Flyway flyway) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.flyway = flyway;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        createDatabaseIfMissing();
        var result = flyway.migrate();
        LOG.infof("database schema at version %s (%d migration(s) applied)",
                result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    void createDatabaseIfMissing() {
        Matcher m = POSTGRES_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("quarkus.datasource.jdbc.url must look like jdbc:postgresql://host:port/name, got " + url);
        }
        String name = m.group(2);
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalStateException("database name '" + name + "' must be letters, digits, '_' or '-'");
        }
        String maintenance = "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenance, user.orElse(null), password.orElse(null))) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
                LOG.infof("created database %s", name);
            } catch (SQLException e) {
                // another instance may have created it a moment ago
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + m.group(1) + " to check database " + name
                    + "; set newsdesk.db.host/port/user/password (or NEWSDESK_DB_*): " + e.getMessage(), e);
        }
    }
}
