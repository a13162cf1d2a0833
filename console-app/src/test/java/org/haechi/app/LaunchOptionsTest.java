package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void defaultIsEmbeddedBrokerWithSimulator() {
        LaunchOptions o = LaunchOptions.parse(List.of());
        assertThat(o.embeddedBroker()).isTrue();
        assertThat(o.simulate()).isTrue();
        assertThat(o.metricsPort()).isEqualTo(9464);
        assertThat(o.dataDir().endsWith(Path.of(".local", "share", "haechi"))).isTrue();
    }

    @Test
    void externalBrokerTurnsTheSimulatorOffUnlessAsked() {
        assertThat(LaunchOptions.parse(List.of("--broker", "tcp://a:61616")).simulate()).isFalse();
        assertThat(LaunchOptions.parse(List.of("--broker", "tcp://a:61616", "--sim")).simulate()).isTrue();
    }

    @Test
    void readsEveryOption() {
        LaunchOptions o = LaunchOptions.parse(List.of("--data-dir", "/tmp/x", "--no-sim", "--lang", "ko",
                "--screenshot", "s.png", "--exit-after", "60", "--metrics-port", "0", "--operator", "op-kim"));
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.simulate()).isFalse();
        assertThat(o.locale()).isEqualTo(Locale.KOREAN);
        assertThat(o.screenshot()).isEqualTo(Path.of("s.png"));
        assertThat(o.exitAfterSec()).isEqualTo(60);
        assertThat(o.metricsPort()).isZero();
        assertThat(o.operator()).isEqualTo("op-kim");
    }

    @Test
    void badInputGetsAClearMessage() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--lang", "fr"))).hasMessageContaining("ko or en");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--exit-after", "soon")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--broker"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--password", "x"))).hasMessageContaining("unknown");
    }

    /** A production broker may dead-letter elsewhere (Artemis's default: DLQ); the embedded one cannot. */
    @Test
    void theDeadLetterAddressIsTheEmbeddedBrokersUnlessAnExternalOneIsNamed() {
        assertThat(LaunchOptions.parse(List.of()).deadLetterAddress()).isEqualTo("haechi.dead-letter");
        assertThat(LaunchOptions.parse(List.of("--broker", "tcp://a:61616")).deadLetterAddress())
                .isEqualTo("haechi.dead-letter");
        assertThat(LaunchOptions.parse(List.of("--broker", "tcp://a:61616", "--dead-letter-address", " DLQ "))
                .deadLetterAddress()).isEqualTo("DLQ");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--dead-letter-address", "DLQ")))
                .hasMessageContaining("external broker");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--broker", "tcp://a:61616", "--dead-letter-address",
                " "))).hasMessageContaining("needs a queue name");
    }

    /** Tag trails are kept 30 minutes unless told otherwise, a minute to a week. */
    @Test
    void trailRetentionIsASettingInMinutes() {
        assertThat(LaunchOptions.parse(List.of()).trailRetention()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(LaunchOptions.parse(List.of("--trail-retention", "120")).trailRetention())
                .isEqualTo(java.time.Duration.ofHours(2));
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--trail-retention", "0")))
                .hasMessageContaining("1 to 10080 minutes");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--trail-retention", "20000")))
                .hasMessageContaining("1 to 10080 minutes");
    }

    /** The command line is readable by every user of the machine (ps): no password may travel in it. */
    @Test
    void aBrokerAddressCarryingAPasswordIsRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--broker", "tcp://a:61617?sslEnabled=true"
                + "&trustStorePath=/etc/haechi/ts.p12&trustStorePassword=changeit")))
                .hasMessageContaining("must not carry a password").hasMessageContaining("HAECHI_TRUSTSTORE_PASSWORD")
                .hasMessageNotContaining("changeit");
    }

    @Test
    void aListOfBrokersWrittenWithBlanksIsTidiedAndABrokenOneExplained() {
        assertThat(LaunchOptions.parse(List.of("--broker", " (tcp://a:61616, tcp://b:61616 )?ha=true")).brokerUrl())
                .isEqualTo("(tcp://a:61616,tcp://b:61616)?ha=true");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--broker", "tcp://a:61616?x=%zz")))
                .hasMessageStartingWith("--broker is not a broker address Artemis can use: ");
    }
}
