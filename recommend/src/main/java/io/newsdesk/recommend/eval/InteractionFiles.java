package io.newsdesk.recommend.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads interaction files in MovieLens' {@code u.data} layout: {@code user <TAB> item <TAB> rating <TAB> unix time}.
 * The service's own event export uses the same four columns, with the event's weight as the strength.
 */
public final class InteractionFiles {

    private InteractionFiles() {
    }

    public static List<Interaction> read(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": expected user, item, strength, time");
            }
            try {
                interactions.add(new Interaction(f[0].strip(), f[1].strip(), Double.parseDouble(f[2].strip()),
                        Long.parseLong(f[3].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": strength and time must be numbers", e);
            }
        }
        return interactions;
    }
}
