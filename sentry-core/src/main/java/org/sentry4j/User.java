package org.sentry4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The actor an event happened to. Sentry needs at least one of id, username, email or IP address to
 * identify a user: a user without any ({@link #isIdentified()} false) is not captured — setting it on
 * a scope is ignored and an event drops it, each said in one {@code debug} line. Any other key/value
 * pairs go to {@code data}.
 */
public final class User {
    private final String id;
    private final String username;
    private final String email;
    private final String ipAddress;
    private final Map<String, Object> data;

    private User(Builder b) {
        this.id = b.id;
        this.username = b.username;
        this.email = b.email;
        this.ipAddress = b.ipAddress;
        this.data = Map.copyOf(b.data);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static User ofId(String id) {
        return builder().id(id).build();
    }

    public static User ofEmail(String email) {
        return builder().email(email).build();
    }

    /** Whether one of id, username, email or IP address is set, so Sentry can tell who the user is. */
    public boolean isIdentified() {
        return id != null || username != null || email != null || ipAddress != null;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String ipAddress() {
        return ipAddress;
    }

    /** Free-form data stored with the user; never null, immutable. */
    public Map<String, Object> data() {
        return data;
    }

    public Builder toBuilder() {
        Builder b = new Builder().id(id).username(username).email(email).ipAddress(ipAddress);
        b.data.putAll(data);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof User)) {
            return false;
        }
        User u = (User) o;
        return Objects.equals(id, u.id) && Objects.equals(username, u.username)
                && Objects.equals(email, u.email) && Objects.equals(ipAddress, u.ipAddress)
                && data.equals(u.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, username, email, ipAddress, data);
    }

    @Override
    public String toString() {
        return "User{id=" + id + ", username=" + username + ", email=" + email + ", ipAddress=" + ipAddress + "}";
    }

    public static final class Builder {
        private String id;
        private String username;
        private String email;
        private String ipAddress;
        private final Map<String, Object> data = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder id(String id) {
            this.id = blankToNull(id);
            return this;
        }

        public Builder username(String username) {
            this.username = blankToNull(username);
            return this;
        }

        public Builder email(String email) {
            this.email = blankToNull(email);
            return this;
        }

        /** The user's IP address; {@code "{{auto}}"} asks Sentry to take it from the connection. */
        public Builder ipAddress(String ipAddress) {
            this.ipAddress = blankToNull(ipAddress);
            return this;
        }

        /** Any other value to store with the user; null keys and values are ignored. */
        public Builder data(String key, Object value) {
            if (key != null && value != null) {
                data.put(key, value);
            }
            return this;
        }

        /** Never throws; a user without id, username, email or IP address is {@linkplain #isIdentified not identified}. */
        public User build() {
            return new User(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
