package org.haechi.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.layer.DrawLayer;
import org.junit.jupiter.api.Test;

/**
 * The polygon tool: an operator who closes the ring by double-clicking back on the first corner gets the zone of the
 * corners before (review, session 11: three points, first equal to last, made JTS refuse the ring, and the tool stopped
 * with the previous zone's contents still shown). Too few corners is not a zone yet.
 */
class ZoneToolTest {
    static final GeoPoint A = new GeoPoint(37.50, 127.00);
    static final GeoPoint B = new GeoPoint(37.50, 127.02);
    static final GeoPoint C = new GeoPoint(37.52, 127.01);
    static final java.util.ResourceBundle EN = java.util.ResourceBundle.getBundle("org.haechi.app.messages",
            java.util.Locale.ENGLISH);

    @Test
    void closingTheRingOnTheFirstCornerMakesTheZoneOfTheOthers() {
        List<ZoneTool.DrawnZone> zones = new ArrayList<>();
        ZoneTool tool = new ZoneTool(ZoneTool.Mode.POLYGON, new DrawLayer(), zones::add, EN);
        tool.click(A, 1);
        tool.click(B, 1);
        tool.click(A, 1);
        tool.click(A, 2);
        assertThat(zones).as("two corners are not a zone: the operator goes on").isEmpty();
        tool.click(C, 1);
        tool.click(A, 1);
        tool.click(A, 2);
        assertThat(zones).singleElement().satisfies(z -> {
            assertThat(z.outline()).containsExactly(A, B, C);
            assertThat(z.contents()).isNotNull();
        });
    }

    /** A circle finished by the first click on its edge stays drawn when that click was the first of a double-click. */
    @Test
    void aDoubleClickOnACirclesEdgeKeepsTheCircle() {
        List<ZoneTool.DrawnZone> zones = new ArrayList<>();
        DrawLayer layer = new DrawLayer();
        ZoneTool tool = new ZoneTool(ZoneTool.Mode.CIRCLE, layer, zones::add, EN);
        tool.click(A, 1);
        tool.click(B, 1);
        tool.click(B, 2);
        assertThat(zones).singleElement().extracting(ZoneTool.DrawnZone::outline).isEqualTo(List.of(A, B));
        assertThat(layer.points()).as("still drawn").containsExactly(A, B);
    }
}
