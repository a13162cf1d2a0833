package org.haechi.map.importer;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of a dBASE III .dbf (a shapefile's attributes): field descriptors, deleted flags, text in the
 * given charset or, when none is given, UTF-8 if every text byte is valid UTF-8, else CP949. Confined to the
 * importing thread; close it.
 */
final class DbfReader implements Closeable {

    /** One record: its values by field name, in field order; {@code deleted} when marked '*'. */
    record DbfRecord(boolean deleted, Map<String, String> values) {
    }

    private record Field(byte[] rawName, char type, int length) {
    }

    private final InputStream in;
    private final List<Field> fields;
    private final List<String> names = new ArrayList<>();
    private final int recordCount;
    private final int recordLength;
    private final Charset charset;
    private int read;

    private DbfReader(InputStream in, List<Field> fields, int recordCount, int recordLength, Charset charset) {
        this.in = in;
        this.fields = fields;
        this.recordCount = recordCount;
        this.recordLength = recordLength;
        this.charset = charset;
        fields.forEach(f -> names.add(new String(f.rawName, charset).strip()));
    }

    static DbfReader open(Path dbf, Charset charset) throws IOException, ImportException {
        byte[] head = readHead(dbf);
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int recordCount = h.getInt(4);
        int headerLength = Short.toUnsignedInt(h.getShort(8));
        int recordLength = Short.toUnsignedInt(h.getShort(10));
        List<Field> fields = new ArrayList<>();
        ByteArrayOutputStream nameBytes = new ByteArrayOutputStream();
        for (int at = 32; at + 32 <= head.length && head[at] != 0x0D; at += 32) {
            int nameLength = 0;
            while (nameLength < 11 && head[at + nameLength] != 0) {
                nameLength++;
            }
            byte[] name = java.util.Arrays.copyOfRange(head, at, at + nameLength);
            nameBytes.writeBytes(name);
            fields.add(new Field(name, (char) head[at + 11], Byte.toUnsignedInt(head[at + 16])));
        }
        int fieldsLength = 1 + fields.stream().mapToInt(Field::length).sum();
        long expected = headerLength + (long) recordCount * recordLength;
        if (recordCount < 0 || fields.isEmpty() || fieldsLength != recordLength) {
            throw new ImportException("broken .dbf: its header does not describe its records");
        }
        if (Files.size(dbf) < expected) {
            throw new ImportException("truncated .dbf: its header says " + recordCount + " records (" + expected
                    + " bytes), the file has " + Files.size(dbf));
        }
        if (charset == null) {
            try (InputStream records = Files.newInputStream(dbf)) {
                records.skipNBytes(headerLength);
                charset = TextCharsets.detect(new SequenceInputStream(
                        new ByteArrayInputStream(nameBytes.toByteArray()), new BufferedInputStream(records)));
            }
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(dbf), 64 * 1024);
        in.skipNBytes(headerLength);
        return new DbfReader(in, fields, recordCount, recordLength, charset);
    }

    private static byte[] readHead(Path dbf) throws IOException, ImportException {
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] first = in.readNBytes(32);
            if (first.length < 32) {
                throw new ImportException("broken .dbf: the file is shorter than its header");
            }
            int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
            byte[] rest = in.readNBytes(Math.max(0, headerLength - 32));
            byte[] head = new byte[32 + rest.length];
            System.arraycopy(first, 0, head, 0, 32);
            System.arraycopy(rest, 0, head, 32, rest.length);
            return head;
        }
    }

    Charset charset() {
        return charset;
    }

    int recordCount() {
        return recordCount;
    }

    /** The next record, or null after the last one the header announces. */
    DbfRecord next() throws IOException, ImportException {
        if (read >= recordCount) {
            return null;
        }
        byte[] r = in.readNBytes(recordLength);
        if (r.length < recordLength) {
            throw new ImportException("truncated .dbf: record " + (read + 1) + " ends past the end of the file");
        }
        read++;
        Map<String, String> values = new LinkedHashMap<>();
        int at = 1;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            values.put(names.get(i), value(f, r, at));
            at += f.length;
        }
        return new DbfRecord(r[0] == '*', values);
    }

    private String value(Field f, byte[] r, int at) {
        int end = at + f.length;
        while (end > at && (r[end - 1] == ' ' || r[end - 1] == 0)) {
            end--;
        }
        String text = new String(r, at, end - at, charset).strip();
        if (f.type == 'L') {
            return switch (text) {
                case "T", "t", "Y", "y" -> "true";
                case "F", "f", "N", "n" -> "false";
                default -> "";
            };
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
