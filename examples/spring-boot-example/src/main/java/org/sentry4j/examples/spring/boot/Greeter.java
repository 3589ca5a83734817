package org.sentry4j.examples.spring.boot;

import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Greets a new customer with a welcome mail, through a mail server that is down. */
public class Greeter {
    private static final Logger log = LoggerFactory.getLogger(Greeter.class);

    void greet(String customer) {
        log.info("greeting customer {}", customer);
        try {
            sendWelcomeMail(customer);
        } catch (IllegalStateException e) {
            log.error("welcome mail to {} failed", customer, e);
        }
    }

    private void sendWelcomeMail(String customer) {
        log.info("connecting to the mail server for {}", customer);
        throw new IllegalStateException("could not send the welcome mail",
                new ConnectException("mail.example.com:25: connection refused"));
    }
}
