package org.perch.server.config;

/**
 * The configuration cannot be used. The message names the source (file, environment variable or command line),
 * the key and what is wrong, ready to show to the operator as is.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
