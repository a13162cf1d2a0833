package org.haechi.map.view;

/**
 * What the map shows: centre in Web Mercator metres, resolution in metres per pixel, size in pixels. Immutable;
 * any thread (layers read it while drawing).
 */
public record Viewport(double centreX, double centreY, double resolution, double width, double height) {

    public double screenX(double worldX) {
        return (worldX - centreX) / resolution + width / 2;
    }

    public double screenY(double worldY) {
        return (centreY - worldY) / resolution + height / 2;
    }

    public double worldX(double screenX) {
        return centreX + (screenX - width / 2) * resolution;
    }

    public double worldY(double screenY) {
        return centreY - (screenY - height / 2) * resolution;
    }

    public double minX() {
        return worldX(0);
    }

    public double maxX() {
        return worldX(width);
    }

    public double minY() {
        return worldY(height);
    }

    public double maxY() {
        return worldY(0);
    }

    public Viewport withCentre(double x, double y) {
        return new Viewport(x, y, resolution, width, height);
    }

    public Viewport withSize(double w, double h) {
        return new Viewport(centreX, centreY, resolution, w, h);
    }

    /** Zooms by {@code factor} (greater than 1 zooms in) keeping the world point under the screen point fixed. */
    public Viewport zoomAt(double factor, double screenX, double screenY, double minRes, double maxRes) {
        double res = Math.max(minRes, Math.min(maxRes, resolution / factor));
        double wx = worldX(screenX);
        double wy = worldY(screenY);
        double cx = wx - (screenX - width / 2) * res;
        double cy = wy + (screenY - height / 2) * res;
        return new Viewport(cx, cy, res, width, height);
    }

    /** Pans by a screen offset. */
    public Viewport panBy(double dxPixels, double dyPixels) {
        return withCentre(centreX - dxPixels * resolution, centreY + dyPixels * resolution);
    }
}
