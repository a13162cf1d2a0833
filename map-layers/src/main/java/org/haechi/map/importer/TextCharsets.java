package org.haechi.map.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Text encodings of Korean public data: UTF-8 or CP949 (the Windows superset of EUC-KR). Stateless. */
final class TextCharsets {
    /** Windows code page 949. Java's "CP949" alias is IBM's code page, not this one. */
    static final Charset CP949 = Charset.forName("x-windows-949");

    private TextCharsets() {
    }

    /** The name operators know: "CP949" or "UTF-8". */
    static String label(Charset charset) {
        return charset.equals(CP949) ? "CP949" : charset.name();
    }

    /** UTF-8 when every byte of {@code in} is valid UTF-8 (plain ASCII included), else CP949. */
    static Charset detect(InputStream in) throws IOException {
        return isUtf8(in) ? StandardCharsets.UTF_8 : CP949;
    }

    private static boolean isUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        byte[] chunk = new byte[32 * 1024];
        int n;
        while ((n = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()))) >= 0) {
            bytes.put(chunk, 0, n);
            bytes.flip();
            if (decoder.decode(bytes, chars, false).isError()) {
                return false;
            }
            bytes.compact();
            chars.clear();
        }
        bytes.flip();
        return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
    }

    /** The charset named by a shapefile's .cpg ("CP949", "EUC-KR", "UTF-8", "65001", "ANSI 949", ...). */
    static Charset forCpg(String text) throws ImportException {
        String name = text.strip().toUpperCase(Locale.ROOT).replace("ANSI", "").replace("CP", "").strip();
        switch (name) {
            case "949", "MS949", "EUC-KR", "EUCKR", "KS_C_5601-1987", "KSC5601", "UHC" -> {
                return CP949;
            }
            case "UTF-8", "UTF8", "65001" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(text.strip());
                } catch (IllegalArgumentException e) {
                    throw new ImportException("unknown text encoding '" + text.strip() + "' in the .cpg file");
                }
            }
        }
    }
}
