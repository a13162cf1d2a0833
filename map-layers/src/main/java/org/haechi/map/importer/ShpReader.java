package org.haechi.map.importer;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams the shapes of an ESRI .shp file: Point, MultiPoint, PolyLine and Polygon, with their Z and M variants
 * (Z and M dropped). Confined to the importing thread; close it.
 */
final class ShpReader implements Closeable {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** One record: {@code geometry} is null for a null shape; {@code problem} is set when the record is corrupt. */
    record Shape(Geometry geometry, String problem) {
    }

    private final InputStream in;
    private final long fileLength;
    private final double[] bbox;
    private long position = 100;
    private int records;

    private ShpReader(InputStream in, long fileLength, double[] bbox) {
        this.in = in;
        this.fileLength = fileLength;
        this.bbox = bbox;
    }

    static ShpReader open(Path shp) throws IOException, ImportException {
        long actual = Files.size(shp);
        InputStream in = new BufferedInputStream(Files.newInputStream(shp), 64 * 1024);
        try {
            ByteBuffer h = ByteBuffer.wrap(in.readNBytes(100));
            if (h.capacity() < 100) {
                throw new ImportException("truncated .shp: the file has " + actual + " bytes, shorter than its header");
            }
            if (h.getInt(0) != 9994) {
                throw new ImportException("not a shapefile: the .shp file code is " + h.getInt(0) + ", not 9994");
            }
            long declared = h.getInt(24) * 2L;
            if (actual < declared) {
                throw new ImportException("truncated .shp: its header says " + declared + " bytes, the file has "
                        + actual);
            }
            h.order(ByteOrder.LITTLE_ENDIAN);
            double[] bbox = {h.getDouble(36), h.getDouble(44), h.getDouble(52), h.getDouble(60)};
            return new ShpReader(in, declared, bbox);
        } catch (IOException | ImportException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Bytes read so far and in all, for progress. */
    long position() {
        return position;
    }

    long length() {
        return fileLength;
    }

    /** True when the header's bounding box lies within longitude/latitude ranges. */
    boolean looksLikeDegrees() {
        return bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90;
    }

    String bboxText() {
        return "x " + RowCollector.text(bbox[0]) + ".." + RowCollector.text(bbox[2]) + ", y "
                + RowCollector.text(bbox[1]) + ".." + RowCollector.text(bbox[3]);
    }

    /** The next shape, or null after the last one. */
    Shape next() throws IOException, ImportException {
        if (position >= fileLength) {
            return null;
        }
        records++;
        byte[] header = in.readNBytes(8);
        int length = header.length == 8 ? ByteBuffer.wrap(header).getInt(4) * 2 : -1;
        byte[] content = length >= 0 ? in.readNBytes(length) : new byte[0];
        if (header.length < 8 || length < 4 || content.length < length) {
            throw new ImportException("truncated .shp: record " + records + " ends past the end of the file");
        }
        position += 8 + length;
        ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new Shape(decode(b), null);
        } catch (BufferUnderflowException e) {
            return new Shape(null, "corrupt shape record: shorter than its point count says");
        } catch (IllegalArgumentException e) {
            return new Shape(null, "bad geometry: " + e.getMessage());
        }
    }

    private static Geometry decode(ByteBuffer b) {
        int type = b.getInt();
        return switch (type) {
            case 0 -> null;
            case 1, 11, 21 -> GEOMETRY.createPoint(new Coordinate(b.getDouble(), b.getDouble()));
            case 8, 18, 28 -> {
                b.position(b.position() + 32);
                yield GEOMETRY.createMultiPointFromCoords(points(b, b.getInt()));
            }
            case 3, 13, 23, 5, 15, 25 -> parts(b, type % 10 == 5);
            default -> throw new IllegalArgumentException("unsupported shape type " + type);
        };
    }

    private static Coordinate[] points(ByteBuffer b, int n) {
        if (n < 0 || n > b.remaining() / 16) {
            throw new BufferUnderflowException();
        }
        Coordinate[] out = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Coordinate(b.getDouble(), b.getDouble());
        }
        return out;
    }

    private static Geometry parts(ByteBuffer b, boolean polygon) {
        b.position(b.position() + 32);
        int numParts = b.getInt();
        int numPoints = b.getInt();
        if (numParts < 0 || numParts > b.remaining() / 4) {
            throw new BufferUnderflowException();
        }
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt();
        }
        starts[numParts] = numPoints;
        Coordinate[] all = points(b, numPoints);
        List<Coordinate[]> pieces = new ArrayList<>();
        for (int i = 0; i < numParts; i++) {
            if (starts[i] < 0 || starts[i] > starts[i + 1] || starts[i + 1] > numPoints) {
                throw new IllegalArgumentException("part " + i + " has an invalid start index");
            }
            pieces.add(java.util.Arrays.copyOfRange(all, starts[i], starts[i + 1]));
        }
        if (!polygon) {
            LineString[] lines = pieces.stream().map(GEOMETRY::createLineString).toArray(LineString[]::new);
            return lines.length == 1 ? lines[0] : GEOMETRY.createMultiLineString(lines);
        }
        return polygons(pieces);
    }

    /** Shapefile rings: clockwise ones are shells, counter-clockwise ones holes of the shell that contains them. */
    private static Geometry polygons(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] ring : rings) {
            (ring.length >= 4 && Orientation.isCCW(ring) ? holes : shells).add(GEOMETRY.createLinearRing(ring));
        }
        if (shells.isEmpty()) {
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (LinearRing hole : holes) {
            int owner = -1;
            for (int i = 0; i < shells.size() && owner < 0; i++) {
                if (PointLocation.isInRing(hole.getCoordinateN(0), shells.get(i).getCoordinates())) {
                    owner = i;
                }
            }
            if (owner < 0) {
                shells.add(hole);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        Polygon[] out = new Polygon[shells.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = GEOMETRY.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return out.length == 1 ? out[0] : GEOMETRY.createMultiPolygon(out);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
