package io.newsdesk.core.ml;

/**
 * Puts DJL in offline mode before any engine or model is touched.
 *
 * <p>DJL reads {@code ai.djl.offline} each time it decides whether it may fetch a native library or a model;
 * setting it here as well as on the command line means a JVM started without the flag still never downloads.
 */
public final class DjlOffline {

    public static final String PROPERTY = "ai.djl.offline";

    private DjlOffline() {
    }

    /** Sets {@code ai.djl.offline=true} for this JVM; safe to call any number of times. */
    public static void enforce() {
        System.setProperty(PROPERTY, "true");
    }
}
