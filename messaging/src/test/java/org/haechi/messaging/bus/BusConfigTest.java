package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusConfigTest {
    @Test
    void passwordsInTheAddressAreHiddenWhereverItIsShown() {
        BusConfig c = new BusConfig("(tcp://a:61617,tcp://b:61617)?ha=true&sslEnabled=true&trustStorePassword=s3cret"
                + "&keyStorePassword=k3y;x=1", "op-kim", "pw", "ws-1");
        assertThat(c.displayUrl()).isEqualTo("(tcp://a:61617,tcp://b:61617)?ha=true&sslEnabled=true"
                + "&trustStorePassword=****&keyStorePassword=****;x=1");
        assertThat(c.toString()).doesNotContain("s3cret", "k3y", "pw");
        assertThat(BusConfig.redacted("AMQ: bad value in tcp://a?PASSWORD=x y")).isEqualTo(
                "AMQ: bad value in tcp://a?PASSWORD=**** y");
    }

    /** Artemis decodes percent escapes in parameter names; so does the check. */
    @Test
    void anEscapedPasswordParameterIsFoundAndHiddenToo() {
        String url = "tcp://a:61617?sslEnabled=true&trustStore%50assword=s3cret";
        assertThat(BusConfig.carriesPassword(url)).isTrue();
        assertThat(BusConfig.redacted(url)).doesNotContain("s3cret");
        assertThat(BusConfig.carriesPassword("tcp://a:61617?sslEnabled=true&trustStorePath=/etc/ts.p12")).isFalse();
    }

    @Test
    void anAddressArtemisCannotParseIsExplainedWithoutItsPasswords() {
        assertThatThrownBy(() -> BusConfig.requireUsable("(tcp://a:61616, tcp://b:61616)?trustStorePassword=s3cret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret");
        BusConfig.requireUsable("(tcp://a:61616,tcp://b:61616)?ha=true&reconnectAttempts=-1");
    }

    @Test
    void aNewLoginKeepsTheBrokerAndTheConsole() {
        BusConfig c = new BusConfig("tcp://a:61616", "op-kim", "wrong", "ws-1").withLogin("op-lee", "right");
        assertThat(c).isEqualTo(new BusConfig("tcp://a:61616", "op-lee", "right", "ws-1"));
    }
}
