package org.haechi.map.view;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Fonts for Canvas text: a family with Hangul glyphs (JavaFX's default on Debian has none). */
public final class MapFonts {
    public static final String FAMILY = pickFamily();

    private MapFonts() {
    }

    private static String pickFamily() {
        for (String f : new String[] {"Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic",
            "Apple SD Gothic Neo"}) {
            if (Font.getFamilies().contains(f)) {
                return f;
            }
        }
        return Font.getDefault().getFamily();
    }

    public static Font regular(double size) {
        return Font.font(FAMILY, size);
    }

    public static Font bold(double size) {
        return Font.font(FAMILY, FontWeight.BOLD, size);
    }
}
