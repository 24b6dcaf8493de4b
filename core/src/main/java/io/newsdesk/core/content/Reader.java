package io.newsdesk.core.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader of the portal, known by the id the portal gives it; created by its first event. */
@Entity
@Table(name = "core_reader")
public class Reader {

    @Id
    public String id;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
