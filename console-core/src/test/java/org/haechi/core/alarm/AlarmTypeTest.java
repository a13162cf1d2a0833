package org.haechi.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmTypeTest {

    @ParameterizedTest
    @EnumSource(AlarmType.class)
    void parseReturnsTheTypeWithThatExactName(AlarmType type) {
        assertThat(AlarmType.parse(type.name())).isSameAs(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIRE", "cctv_analytics", " CHILD_SOS", "CHILD_SOS ", "child-sos", "   "})
    void parseOfAnUnknownNameIsUnknown(String name) {
        assertThat(AlarmType.parse(name)).isSameAs(AlarmType.UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseOfNullOrEmptyIsUnknown(String name) {
        assertThat(AlarmType.parse(name)).isSameAs(AlarmType.UNKNOWN);
    }

    @Test
    void thereAreTenWireTypesPlusUnknown() {
        assertThat(AlarmType.values()).hasSize(11).endsWith(AlarmType.UNKNOWN);
    }
}
