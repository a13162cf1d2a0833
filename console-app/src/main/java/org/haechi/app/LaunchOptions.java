package org.haechi.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.bus.BusConfig;

/**
 * The console's command line. Credentials are never taken from it (only from the environment or a login dialog).
 *
 * @param brokerUrl     external broker URL, or null for the embedded default
 * @param dataDir       data folder (cache, broker journal, console identity)
 * @param simulate      whether the field simulator runs
 * @param locale        UI language
 * @param screenshot    PNG to write before exiting, or null
 * @param exitAfterSec  seconds after which to exit (with the screenshot), or 0
 * @param metricsPort   Prometheus port on 127.0.0.1, 0 for none
 * @param operator      operator id recorded on actions
 * @param stormAlarms   alarms the simulator publishes at once at start
 * @param embeddedPort  port of the embedded broker on 127.0.0.1
 * @param deadLetterAddress the queue the broker dead-letters into, which the console counts
 * @param trailRetention how long tag trails are kept in the cache
 */
public record LaunchOptions(String brokerUrl, Path dataDir, boolean simulate, Locale locale, Path screenshot,
                            int exitAfterSec, int metricsPort, String operator, int stormAlarms,
                            int embeddedPort, String deadLetterAddress, Duration trailRetention) {

    /** How long tag trails are kept unless told otherwise. */
    public static final Duration DEFAULT_TRAIL_RETENTION = Duration.ofMinutes(30);

    public static final String USAGE = """
            Usage: ./haechi [options]
              --broker URL          external Artemis broker (no embedded broker; no simulator unless --sim)
              --data-dir DIR        data folder (default ~/.local/share/haechi)
              --sim / --no-sim      run or not the simulated Seoul field systems
              --sim-storm N         the simulator publishes N alarms at once at start
              --lang ko|en          user interface language (default: ko when the system is Korean, else en)
              --metrics-port PORT   Prometheus metrics on 127.0.0.1:PORT (default 9464, 0 = off)
              --operator ID         operator id recorded on actions (default: the login name)
              --embedded-port PORT  port of the embedded broker on 127.0.0.1 (default 61616)
              --dead-letter-address NAME
                                    with --broker: the queue the broker dead-letters into, counted on the
                                    status bar (default haechi.dead-letter; Artemis's own default is DLQ)
              --trail-retention MINUTES
                                    how long tag trails are kept in the cache (default 30, at most 10080)
              --screenshot FILE     with --exit-after: write a PNG of the main window before exiting
              --exit-after SECONDS  exit after SECONDS (status 0)
            Credentials for an external broker come from a login dialog, or from HAECHI_BROKER_USER /
            HAECHI_BROKER_PASSWORD; TLS store passwords from HAECHI_TRUSTSTORE_PASSWORD / HAECHI_KEYSTORE_PASSWORD.""";

    /** Parses arguments; throws IllegalArgumentException with a message for the operator. */
    public static LaunchOptions parse(List<String> args) {
        String broker = null;
        Path dataDir = Path.of(System.getProperty("user.home"), ".local", "share", "haechi");
        Boolean sim = null;
        Locale locale = Locale.getDefault().getLanguage().equals("ko") ? Locale.KOREAN : Locale.ENGLISH;
        Path shot = null;
        int exitAfter = 0;
        int metricsPort = 9464;
        String operator = System.getProperty("user.name", "operator");
        int storm = 0;
        int embeddedPort = 61616;
        String deadLetterAddress = null;
        Duration trailRetention = DEFAULT_TRAIL_RETENTION;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            switch (a) {
                case "--broker" -> broker = brokerUrl(value(a, rest));
                case "--data-dir" -> dataDir = Path.of(value(a, rest));
                case "--sim" -> sim = true;
                case "--no-sim" -> sim = false;
                case "--sim-storm" -> storm = number(a, rest);
                case "--lang" -> locale = language(value(a, rest));
                case "--screenshot" -> shot = Path.of(value(a, rest));
                case "--exit-after" -> exitAfter = number(a, rest);
                case "--metrics-port" -> metricsPort = number(a, rest);
                case "--operator" -> operator = value(a, rest);
                case "--embedded-port" -> embeddedPort = number(a, rest);
                case "--dead-letter-address" -> deadLetterAddress = value(a, rest).strip();
                case "--trail-retention" -> trailRetention = minutes(a, rest);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        boolean simulate = sim != null ? sim : broker == null;
        return new LaunchOptions(broker, dataDir, simulate, locale, shot, exitAfter, metricsPort, operator, storm,
                embeddedPort, deadLetterAddress(deadLetterAddress, broker), trailRetention);
    }

    /**
     * The broker URL given, with blanks around a list's commas and parentheses taken out (Artemis refuses them),
     * checked before the console starts. A password in it is refused: the command line is readable by every user of
     * the machine.
     */
    static String brokerUrl(String given) {
        String url = given.strip().replaceAll("\\s*([,()])\\s*", "$1");
        if (BusConfig.carriesPassword(url)) {
            throw new IllegalArgumentException("--broker must not carry a password: every user of this machine can "
                    + "read the command line. Give the TLS store passwords in " + BusConfig.TRUST_STORE_PASSWORD_ENV
                    + " and " + BusConfig.KEY_STORE_PASSWORD_ENV + " instead");
        }
        try {
            BusConfig.requireUsable(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker is not a broker address Artemis can use: " + e.getMessage(),
                    e);
        }
        return url;
    }

    /** The embedded broker dead-letters into {@value BusAddresses#DEAD_LETTER}; only an external one may differ. */
    private static String deadLetterAddress(String given, String broker) {
        if (given == null) {
            return BusAddresses.DEAD_LETTER;
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("--dead-letter-address needs a queue name");
        }
        if (broker == null && !given.equals(BusAddresses.DEAD_LETTER)) {
            throw new IllegalArgumentException("--dead-letter-address is for an external broker (--broker): the "
                    + "embedded one dead-letters into " + BusAddresses.DEAD_LETTER);
        }
        return given;
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int number(String option, List<String> rest) {
        String v = value(option, rest);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + v + "'");
        }
    }

    /** A retention of 1 minute to a week: trails are for the last moves, the cache is not an archive. */
    private static Duration minutes(String option, List<String> rest) {
        int minutes = number(option, rest);
        if (minutes < 1 || minutes > 10_080) {
            throw new IllegalArgumentException(option + " takes 1 to 10080 minutes (a week), not " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    private static Locale language(String code) {
        return switch (code) {
            case "ko" -> Locale.KOREAN;
            case "en" -> Locale.ENGLISH;
            default -> throw new IllegalArgumentException("--lang takes ko or en, not '" + code + "'");
        };
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }
}
