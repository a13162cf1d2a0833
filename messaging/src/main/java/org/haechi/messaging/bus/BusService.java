package org.haechi.messaging.bus;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmSink;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.messaging.cache.ActionStore;
import org.haechi.messaging.cache.RaisedAlarms;
import org.haechi.messaging.cache.CacheDatabase;
import org.haechi.messaging.codec.ActionCodec;

/**
 * The console's connection to the bus: keeps trying to connect, runs one consumer thread per address (durable
 * subscriptions on the persistent ones), publishes the outbox of operator actions, and reports its status.
 * Lifecycle: {@link #start()} once, {@link #close()} once; other methods from any thread.
 */
public final class BusService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BusService.class.getName());
    /**
     * Sessions draining the alarms subscription at once, each with its own transaction, so that one batch is
     * received and decoded while another is stored (ADR 0007). One by default: on the two-core reference machine a
     * second session did not drain faster beyond the noise and took CPU from the FX thread during bursts;
     * {@code -Dhaechi.alarmSessions=2} turns it on where there are cores to spare.
     */
    static final int ALARM_SESSIONS = Integer.getInteger("haechi.alarmSessions", 1);
    /** The status detail when a reconnection that does not complete is abandoned for a new connection. */
    static final String STALLED = "reconnection stalled; rebuilding the connection";
    private static final long WATCH_MS = 1000;
    /** How often an outbox the broker refused while connected is sent again. */
    private static final long REDRAIN_MS = 5000;
    private static final long CLOSE_WAIT_MS = 10_000;
    /** How long refused credentials wait before they are tried again, unless new ones are given ({@link #login}). */
    static final long LOGIN_RETRY_MS = Long.getLong("haechi.bus.loginRetrySeconds", 300) * 1000;
    /** The credentials change at a new login; the broker and the console's identity never do. */
    private volatile BusConfig config;
    private final Map<String, BatchHandler> handlers;
    private final CacheDatabase db;
    private final ActionStore actions;
    private final RaisedAlarms raised;
    private final BusStatusListener statusListener;
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(r -> new Thread(r, "haechi-outbox"));
    private final ActionCodec actionCodec = new ActionCodec();
    /** Written by the connect thread, cleared by it and by close() on the caller's thread. */
    private final List<AddressConsumer> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread connector = new Thread(this::connectLoop, "haechi-bus-connect");
    private volatile boolean running = true;
    private volatile ActiveMQConnection connection;
    private volatile CountDownLatch lost = new CountDownLatch(1);
    private volatile Instant offlineSince = Instant.now();
    private volatile Duration rebuildAfter = Duration.ofSeconds(Long.getLong("haechi.bus.rebuildAfterSeconds", 60));
    private volatile Duration answeringFor = Duration.ofSeconds(30);
    /** Taken around every status report with the state it reads, so that the last report shows the last state. */
    private final Object statusLock = new Object();
    private final HeldBackSends heldBack = new HeldBackSends(this::reportOnline);
    /** A drain of a refused outbox is queued and has not begun: no second one is queued meanwhile. */
    private final AtomicBoolean redrainQueued = new AtomicBoolean();
    /** The last drain could not read or mark the outbox in the cache: drained again with a refused one. */
    private final AtomicBoolean outboxUnread = new AtomicBoolean();
    private final DeadLetterWatch deadLetters;
    /** Told of the alarms whose pending own actions were published. */
    private volatile AlarmSink publishedSink = alarms -> { };
    /** Guards {@link #newLogin}, and wakes the connect thread waiting after a refused login. */
    private final Object loginLock = new Object();
    private boolean newLogin;
    /** The user of the connection attempt under way (the connect thread only). */
    private String triedUser;

    public BusService(BusConfig config, Map<String, BatchHandler> handlers, CacheDatabase db, ActionStore actions,
                      BusStatusListener statusListener) {
        this(config, handlers, db, actions, null, statusListener);
    }

    /** With {@code raised}: also publishes the alarms this console raised itself (null: none). */
    public BusService(BusConfig config, Map<String, BatchHandler> handlers, CacheDatabase db, ActionStore actions,
                      RaisedAlarms raised, BusStatusListener statusListener) {
        this.config = config;
        this.handlers = Map.copyOf(handlers);
        this.db = db;
        this.actions = actions;
        this.raised = raised;
        this.statusListener = statusListener;
        this.deadLetters = new DeadLetterWatch(() -> isConnected() ? connection : null, statusListener);
    }

    public void start() {
        statusListener.statusChanged(new BusStatus(false, offlineSince, "connecting to " + config.displayUrl()));
        connector.setDaemon(true);
        connector.start();
        deadLetters.start();
    }

    private void connectLoop() {
        long backoffMs = 500;
        while (running) {
            try {
                connectOnce();
                backoffMs = 500;
                awaitLossOrStall();
            } catch (JMSSecurityException e) {
                String user = triedUser;
                LOG.warning(() -> "the broker refused the login of " + user + ": " + e.getMessage());
                // Closed first: a failover completing on a half-built connection must not report it online.
                disconnect();
                reportOffline("the broker refused the login of " + (user == null ? "no user" : user) + ": "
                        + BusConfig.redacted(e.getMessage()));
                tellLoginRefused(user);
                if (!awaitLogin(LOGIN_RETRY_MS)) {
                    return;
                }
                backoffMs = 500;
            } catch (JMSException e) {
                reportOffline(BusConfig.redacted(e.getMessage()));
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5000);
            } catch (RuntimeException e) {
                // Artemis throws unchecked exceptions for an address it cannot parse; it will not parse later either.
                String why = "the broker address cannot be used: " + BusConfig.redacted(String.valueOf(e.getMessage()));
                LOG.warning(why);
                reportOffline(why);
                sleep(5000);
            } catch (InterruptedException e) {
                return;
            } finally {
                disconnect();
            }
        }
    }

    /**
     * Waits until the connection is lost for good, or until it has been reconnecting for {@link #rebuildAfter}
     * and a broker has answered on its port all through the last {@link #answeringFor} (longer than Artemis's
     * retry interval and call timeout, so its own next attempt had every chance). Artemis's reconnection can hang
     * in that state and never give up (ARTEMIS-1208, ARTEMIS-2875; with reconnectAttempts=-1 it never reports a
     * failure), which would leave the console offline for good; a new connection then takes over.
     */
    private void awaitLossOrStall() throws InterruptedException {
        Instant answeringSince = null;
        long nextDrain = System.nanoTime();
        while (running && !lost.await(WATCH_MS, TimeUnit.MILLISECONDS)) {
            heldBack.check();
            if ((heldBack.isRefused() || outboxUnread.get()) && isConnected() && System.nanoTime() - nextDrain > 0
                    && redrainQueued.compareAndSet(false, true)) {
                nextDrain = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REDRAIN_MS);
                publishOutbox();
            }
            Instant since = offlineSince;
            if (since == null || Duration.between(since, Instant.now()).compareTo(rebuildAfter) <= 0) {
                answeringSince = null;
                continue;
            }
            if (!BrokerProbe.anyAnswers(config.brokerUrl())) {
                answeringSince = null;
                continue;
            }
            Instant now = Instant.now();
            answeringSince = answeringSince == null ? now : answeringSince;
            if (Duration.between(answeringSince, now).compareTo(answeringFor) >= 0 && offlineSince != null
                    && lost.getCount() > 0) {
                LOG.warning("the bus has been reconnecting since " + since + " while a broker has answered since "
                        + answeringSince + "; rebuilding the connection");
                reportOffline(STALLED);
                return;
            }
        }
    }

    /**
     * Tests: rebuild sooner than the defaults (offline 60 s, {@code -Dhaechi.bus.rebuildAfterSeconds}, with a broker
     * answering for the last 30 s).
     */
    void rebuildAfter(Duration offline, Duration answering) {
        rebuildAfter = offline;
        answeringFor = answering;
    }

    /**
     * Counts the broker's dead-letter messages in {@code deadLetterAddress} (a production broker's may be Artemis's
     * default {@code DLQ}) instead of {@value BusAddresses#DEAD_LETTER}; before {@link #start()}.
     */
    public void countDeadLettersIn(String deadLetterAddress) {
        if (deadLetterAddress == null || deadLetterAddress.isBlank()) {
            throw new IllegalArgumentException("a dead-letter address needs a name");
        }
        deadLetters.countIn(deadLetterAddress.strip());
    }

    /**
     * Where the alarms go once this console's own actions on them are published (no longer pending): to the screen,
     * like the bus's changes. Before {@link #start()}.
     */
    public void onOwnActionsPublished(AlarmSink sink) {
        publishedSink = sink;
    }

    /** Tests: count the dead-letter address more often than every 30 s. */
    void countDeadLettersEvery(Duration every) {
        deadLetters.countEvery(every);
    }

    /** Tests: tell the operator of a held-back send sooner than after 10 s. */
    void reportHeldBackAfter(Duration wait) {
        heldBack.reportAfter(wait);
    }

    private void connectOnce() throws JMSException {
        lost = new CountDownLatch(1);
        deadLetters.newConnection();
        BusConfig login;
        synchronized (loginLock) {
            login = config;
            newLogin = false; // whatever was given before this attempt is what it tries
        }
        triedUser = login.user();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(login.urlWithReconnect());
        ActiveMQConnection c = (ActiveMQConnection) factory.createConnection(login.user(), login.password());
        connection = c;
        c.setClientID(config.consoleId());
        // Events of a connection this loop has since abandoned (a late FAILOVER_FAILED while it closes) are ignored.
        c.setFailoverListener(type -> {
            if (c == connection) {
                onFailover(type);
            }
        });
        c.setExceptionListener(e -> LOG.fine(() -> "bus exception (may be transient): " + e.getMessage()));
        for (String address : BusAddresses.ALL) {
            BatchHandler handler = handlers.get(address);
            if (handler != null) {
                startConsumer(c, address, handler);
            }
        }
        c.start();
        markOnline();
        publishOutbox();
    }

    private void startConsumer(ActiveMQConnection c, String address, BatchHandler handler) throws JMSException {
        int sessions = BusAddresses.ALARMS.equals(address) ? ALARM_SESSIONS : 1;
        for (int i = 1; i <= sessions; i++) {
            Session session = BusAddresses.isDurable(address) ? c.createSession(true, Session.SESSION_TRANSACTED)
                    : c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            CountDownLatch connectionLost = lost;
            AddressConsumer consumer = new AddressConsumer(address, session, subscribe(session, address, sessions),
                    handler, db, () -> {
                        reportOffline("consumer of " + address + " stopped; reconnecting");
                        connectionLost.countDown();
                    });
            consumers.add(consumer);
            Thread t = new Thread(consumer, "haechi-consume-" + address + (sessions > 1 ? "-" + i : ""));
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * The consumer of one session: on a persistent address the console's durable subscription, shared when several
     * sessions drain it (ADR 0007; Artemis keeps one queue, named the same either way, so nothing waiting in it is
     * lost when the console switches between the two).
     */
    private MessageConsumer subscribe(Session session, String address, int sessions) throws JMSException {
        Topic topic = session.createTopic(address);
        String name = config.consoleId() + "." + address;
        if (!BusAddresses.isDurable(address)) {
            return session.createConsumer(topic);
        }
        return sessions > 1 ? session.createSharedDurableConsumer(topic, name)
                : session.createDurableConsumer(topic, name);
    }

    private void onFailover(FailoverEventType type) {
        switch (type) {
            case FAILURE_DETECTED -> reportOffline("connection lost, reconnecting");
            case FAILOVER_COMPLETED -> {
                markOnline();
                publishOutbox();
            }
            case FAILOVER_FAILED -> {
                reportOffline("reconnection failed");
                lost.countDown();
            }
        }
    }

    private void markOnline() {
        synchronized (statusLock) {
            offlineSince = null;
            reportOnline();
        }
    }

    /** While connected and not closed: online, with the broker's URL and whether it holds back our sends. */
    private void reportOnline() {
        synchronized (statusLock) {
            if (running && isConnected()) {
                statusListener.statusChanged(new BusStatus(true, null, config.displayUrl(), heldBack.isHeldBack()));
            }
        }
    }

    private void reportOffline(String detail) {
        synchronized (statusLock) {
            if (offlineSince == null) {
                offlineSince = Instant.now();
            }
            statusListener.statusChanged(new BusStatus(false, offlineSince, detail));
        }
    }

    /** True while connected. */
    public boolean isConnected() {
        return offlineSince == null;
    }

    /** Publishes every unpublished own action and raised alarm, oldest first, on the outbox thread. */
    public void publishOutbox() {
        outbox.execute(this::drainOutbox);
    }

    private void drainOutbox() {
        redrainQueued.set(false);
        ActiveMQConnection c = connection;
        if (c == null || !isConnected()) {
            return;
        }
        // Each outbox on a session of its own: a broker that refuses one (its security) still takes the other.
        boolean actionsSent = drain(c, BusAddresses.ACTIONS, this::sendActions);
        boolean alarmsSent = raised == null || drain(c, BusAddresses.ALARMS, this::sendRaisedAlarms);
        if (actionsSent && alarmsSent) {
            heldBack.drained();
            outboxUnread.set(false);
        }
    }

    /** Sends what one outbox holds on {@code s}. */
    @FunctionalInterface
    private interface OutboxSender {
        void send(Session s) throws JMSException, SQLException;
    }

    /** Sends one outbox; false when not all of it went (refused by the broker, connection lost, cache failed). */
    private boolean drain(ActiveMQConnection c, String address, OutboxSender sender) {
        try (Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            sender.send(s);
            return true;
        } catch (JMSException e) {
            if (isConnected()) {
                // Refused while the connection stands: tried again every few seconds, and the operator is told.
                LOG.log(Level.WARNING, "the broker refused the outbox for " + address + "; sending it again every "
                        + REDRAIN_MS / 1000 + " s: " + e.getMessage());
                heldBack.refused();
            } else {
                LOG.log(Level.INFO, "outbox not drained yet (will retry on reconnect): " + e.getMessage());
            }
        } catch (SQLException e) {
            // The cache failed to give or to mark the outbox: tried again every few seconds, not only at the next
            // action or reconnection (a message sent twice is one: the broker and every console drop the repeat).
            LOG.log(Level.WARNING, "outbox for " + address + " not read or marked in the cache; trying again every "
                    + REDRAIN_MS / 1000 + " s: " + e.getMessage());
            outboxUnread.set(true);
        }
        return false;
    }

    private void sendActions(Session s) throws JMSException, SQLException {
        MessageProducer producer = s.createProducer(s.createTopic(BusAddresses.ACTIONS));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (OperatorAction a : actions.outbox()) {
            TextMessage m = s.createTextMessage(actionCodec.encode(a));
            m.setStringProperty("_AMQ_DUPL_ID", a.actionId());
            heldBack.send(producer, m);
            Alarm published = actions.markPublished(a);
            if (published != null) {
                try {
                    publishedSink.accept(List.of(published));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the screen was not told an action was published", e);
                }
            }
        }
    }

    private void sendRaisedAlarms(Session s) throws JMSException, SQLException {
        MessageProducer alarms = s.createProducer(s.createTopic(BusAddresses.ALARMS));
        alarms.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (RaisedAlarms.Queued q : raised.queued()) {
            TextMessage m = s.createTextMessage(q.body());
            m.setStringProperty("_AMQ_DUPL_ID", q.id());
            heldBack.send(alarms, m);
            raised.markSent(q.id());
        }
    }

    /** Closes the connection; one stuck in a reconnection may not close at once, so the wait is bounded. */
    private void disconnect() {
        consumers.forEach(AddressConsumer::stop);
        consumers.clear();
        ActiveMQConnection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                c.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.FINE, "close", e);
            }
        }, "haechi-bus-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.warning("the old bus connection did not close within " + CLOSE_WAIT_MS + " ms; going on without it");
        }
    }

    /**
     * Connects again with other credentials: at once when the last login was refused, else at the next connection.
     * The password is kept in memory only.
     */
    public void login(String user, String password) {
        synchronized (loginLock) {
            config = config.withLogin(user, password);
            newLogin = true;
            loginLock.notifyAll();
        }
    }

    /** A listener that fails must not end the connect thread. */
    private void tellLoginRefused(String user) {
        try {
            statusListener.loginRefused(user);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a bus status listener failed", e);
        }
    }

    /** Waits up to {@code ms} for {@link #login}; false when interrupted (closing). The connect thread only. */
    private boolean awaitLogin(long ms) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        synchronized (loginLock) {
            try {
                long left;
                while (running && !newLogin
                        && (left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) > 0) {
                    loginLock.wait(left);
                }
                return true;
            } catch (InterruptedException e) {
                return false;
            } finally {
                newLogin = false;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        connector.interrupt();
        deadLetters.close();
        disconnect();
        outbox.shutdown();
        try {
            outbox.awaitTermination(5, TimeUnit.SECONDS);
            connector.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
