package io.newsdesk.core.ml.llm;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * The keys and values of a model's recent prompts, so that a prompt beginning like one of them runs through the
 * model only from where the two part: a chat sends its whole history again every turn, so each turn's prompt begins
 * with the last one. Each entry also keeps the logits after its last token, so the very same prompt again (another
 * request for the same article) needs no forward pass at all. Kept within a byte budget, the least recently used
 * prompt dropped first. Used by one generation at a time, under the model's turn.
 */
public final class PromptCache implements AutoCloseable {

    /** What a new prompt can start from: a copy of a cached prompt's keys and values for their shared tokens. */
    public record Hit(KvCache cache, int tokens, float[] lastLogits) {

        /** Whether the whole prompt was cached, its logits with it: nothing is left to run. */
        boolean whole() {
            return lastLogits != null;
        }
    }

    private record Entry(int[] ids, KvCache cache, float[] lastLogits) {
    }

    private final long maxBytes;
    private final long bytesPerToken;
    private final Deque<Entry> entries = new ArrayDeque<>(); // most recently used first
    private long bytes;

    /** A cache of at most {@code maxBytes} of keys and values for {@code config}'s model (0 keeps nothing). */
    public PromptCache(CausalLmConfig config, long maxBytes) {
        this.maxBytes = maxBytes;
        // keys and values of every layer, float32, for each token
        this.bytesPerToken = 2L * config.layers() * config.kvHeads() * config.headDim() * Float.BYTES;
    }

    /**
     * A copy of the cached keys and values for the longest start {@code prompt} shares with a cached prompt, or null
     * when it shares none. All of it only when the very same prompt was cached; otherwise its last token at least
     * is left to run, as the logits after it are needed.
     */
    public synchronized Hit longestStart(int[] prompt) {
        Entry best = null;
        int shared = 0;
        for (Entry entry : entries) {
            int common = Arrays.mismatch(entry.ids(), prompt);
            if (common < 0) { // the very same prompt: nothing to run
                best = entry;
                shared = prompt.length;
                break;
            }
            if (common > shared) {
                best = entry;
                shared = common;
            }
        }
        if (best == null) {
            return null;
        }
        entries.remove(best);
        entries.addFirst(best);
        if (Arrays.equals(best.ids(), prompt)) {
            return new Hit(best.cache().fork(shared), shared, best.lastLogits().clone());
        }
        int reused = Math.min(shared, prompt.length - 1);
        return reused == 0 ? null : new Hit(best.cache().fork(reused), reused, null);
    }

    /** Keeps a copy of a prompt's keys and values and the logits after it, dropping the least recently used beyond the budget. */
    public synchronized void remember(int[] prompt, KvCache cache, float[] lastLogits) {
        long size = prompt.length * bytesPerToken;
        if (size > maxBytes) {
            return;
        }
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (Arrays.equals(entry.ids(), prompt)) {
                it.remove();
                drop(entry);
            }
        }
        entries.addFirst(new Entry(prompt.clone(), cache.fork(prompt.length), lastLogits.clone()));
        bytes += size;
        while (bytes > maxBytes) {
            drop(entries.removeLast());
        }
    }

    private void drop(Entry entry) {
        bytes -= entry.ids().length * bytesPerToken;
        entry.cache().close();
    }

    /** Bytes of keys and values held. */
    public synchronized long bytes() {
        return bytes;
    }

    @Override
    public synchronized void close() {
        while (!entries.isEmpty()) {
            drop(entries.removeFirst());
        }
    }
}
