package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes each token of a {@code tokenizer.json} vocabulary stands for, which the text of a token decoded alone
 * does not give (a token can hold part of a UTF-8 character, and SentencePiece decoders drop a leading space). Two
 * vocabularies are read: byte-level BPE (GPT-2's alphabet of 256 printable characters standing for the bytes: Qwen2,
 * Llama 3) and SentencePiece's ({@code ▁} for a space, {@code <0x0A>} tokens for raw bytes: Llama 2, Mistral,
 * TinyLlama). Added tokens (specials such as the end of sequence) have none.
 */
public final class TokenBytes {

    private static final Pattern BYTE_TOKEN = Pattern.compile("<0x([0-9A-Fa-f]{2})>");

    private final byte[][] bytes;
    /** Each token's first byte, -1 for none: read on every token drawn in JSON mode, so kept in one array. */
    private final short[] firstByte;
    /** Each token's first byte after its leading JSON whitespace; -1 for none (or a token of whitespace only). */
    private final short[] firstAfterSpace;
    /** Tokens that can stand anywhere inside a JSON string: no quote, backslash or control character. */
    private final BitSet stringSafe = new BitSet();

    private TokenBytes(byte[][] bytes) {
        this.bytes = bytes;
        this.firstByte = new short[bytes.length];
        this.firstAfterSpace = new short[bytes.length];
        for (int id = 0; id < bytes.length; id++) {
            byte[] token = bytes[id];
            firstByte[id] = token == null || token.length == 0 ? -1 : (short) (token[0] & 0xff);
            int at = 0;
            while (token != null && at < token.length && isJsonWhitespace(token[at])) {
                at++;
            }
            firstAfterSpace[id] = token == null || at == token.length ? -1 : (short) (token[at] & 0xff);
            boolean safe = token != null && token.length > 0 && wholeUtf8(token);
            for (int i = 0; safe && i < token.length; i++) {
                int b = token[i] & 0xff;
                safe = b >= 0x20 && b != '"' && b != '\\';
            }
            stringSafe.set(id, safe);
        }
    }

    /** The vocabulary's bytes, or empty when its decoder is of a kind not read here. */
    public static Optional<TokenBytes> load(Path tokenizerJson) throws IOException {
        JsonNode tokenizer = new ObjectMapper().readTree(Files.readString(tokenizerJson));
        JsonNode vocab = tokenizer.path("model").path("vocab");
        if (!vocab.isObject()) {
            return Optional.empty();
        }
        boolean byteLevel = decoderHas(tokenizer.path("decoder"), "ByteLevel");
        boolean sentencePiece = decoderHas(tokenizer.path("decoder"), "Metaspace")
                || decoderHas(tokenizer.path("decoder"), "Replace");
        if (byteLevel == sentencePiece) {
            return Optional.empty();
        }
        int size = 0;
        for (JsonNode id : vocab) {
            size = Math.max(size, id.asInt() + 1);
        }
        byte[][] bytes = new byte[size][];
        int[] fromAlphabet = byteLevel ? gpt2AlphabetToByte() : null;
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            bytes[entry.getValue().asInt()] = byteLevel ? fromAlphabet(entry.getKey(), fromAlphabet) : sentencePiece(entry.getKey());
        }
        for (JsonNode added : tokenizer.path("added_tokens")) {
            int id = added.path("id").asInt(-1);
            if (id >= 0 && id < size) {
                bytes[id] = null;
            }
        }
        return Optional.of(new TokenBytes(bytes));
    }

    /** The token's bytes; null for an added token or an id beyond the vocabulary. */
    public byte[] of(int id) {
        return id >= 0 && id < bytes.length ? bytes[id] : null;
    }

    /** The token's first byte; -1 for an added token, an empty one or an id beyond the vocabulary. */
    public int firstByte(int id) {
        return id >= 0 && id < firstByte.length ? firstByte[id] : -1;
    }

    /** The token's first byte after leading spaces, tabs and line breaks; -1 when it has none. */
    public int firstAfterSpace(int id) {
        return id >= 0 && id < firstAfterSpace.length ? firstAfterSpace[id] : -1;
    }

    /** Whether the bytes are whole, well-formed UTF-8 characters (a byte-level token may hold part of one). */
    private static boolean wholeUtf8(byte[] token) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(token));
            return true;
        } catch (java.nio.charset.CharacterCodingException partOfOne) {
            return false;
        }
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Whether the token's bytes can all stand inside a JSON string as they are: whole characters, no quote, backslash or control. */
    public boolean stringSafe(int id) {
        return stringSafe.get(id);
    }

    private static boolean decoderHas(JsonNode decoder, String type) {
        if (type.equals(decoder.path("type").asText())) {
            return true;
        }
        for (JsonNode inner : decoder.path("decoders")) {
            if (decoderHas(inner, type)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] fromAlphabet(String token, int[] fromAlphabet) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= fromAlphabet.length || fromAlphabet[c] < 0) {
                return null; // not written in the byte alphabet: a token the model never produces as text
            }
            out[i] = (byte) fromAlphabet[c];
        }
        return out;
    }

    private static byte[] sentencePiece(String token) {
        Matcher raw = BYTE_TOKEN.matcher(token);
        if (raw.matches()) {
            return new byte[] {(byte) Integer.parseInt(raw.group(1), 16)};
        }
        return token.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    /**
     * GPT-2's byte-level alphabet, inverted: the printable bytes stand for themselves, the others (controls, space,
     * DEL, non-breaking space, soft hyphen) for the characters from U+0100 on, in byte order.
     */
    private static int[] gpt2AlphabetToByte() {
        int[] fromAlphabet = new int[512];
        Arrays.fill(fromAlphabet, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            fromAlphabet[printable ? b : next++] = b;
        }
        return fromAlphabet;
    }
}
