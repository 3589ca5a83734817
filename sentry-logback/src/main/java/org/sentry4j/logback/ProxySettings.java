package org.sentry4j.logback;

/**
 * The official appender's nested proxy element, {@code <options><proxy><host>…</host><port>…</port>
 * <user>…</user><pass>…</pass></proxy></options>}: the same settings as {@code proxyHost},
 * {@code proxyPort}, {@code proxyUser} and {@code proxyPass}, which win when both are given.
 */
public class ProxySettings {
    private String host;
    private String port;
    private String user;
    private String pass;

    public void setHost(String host) {
        this.host = host;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPass(String pass) {
        this.pass = pass;
    }

    /** Adds what was given to {@code settings}, under what it already has. */
    void addUnder(AppenderSettings settings) {
        settings.putIfAbsent("proxy.host", host);
        settings.putIfAbsent("proxy.port", port);
        settings.putIfAbsent("proxy.user", user);
        settings.putIfAbsent("proxy.pass", pass);
    }
}
