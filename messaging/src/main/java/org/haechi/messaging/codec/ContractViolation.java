package org.haechi.messaging.codec;

/** Thrown by a codec when a message breaks the wire contract; the message says why, for the operator. */
public class ContractViolation extends Exception {
    public ContractViolation(String reason) {
        super(reason);
    }

    public ContractViolation(String reason, Throwable cause) {
        super(reason, cause);
    }
}
