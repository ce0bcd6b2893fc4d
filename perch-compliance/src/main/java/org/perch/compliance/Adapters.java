package org.perch.compliance;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.perch.store.compliance.ComplianceConfiguration;

/**
 * The adapter a configuration names: {@code xml}, {@code jsonl}, or a third party's class on the class path (a
 * public class with a public no-argument constructor, as Lync loaded an IComplianceAdapter from its folder).
 */
public final class Adapters {

    private Adapters() {
    }

    /**
     * The named adapter, configured (Lync's SetConfig).
     *
     * @throws IllegalArgumentException if compliance is off in the configuration, or the adapter cannot be made
     */
    public static ComplianceAdapter create(ComplianceConfiguration configuration, String serverDomain,
                                           String chatDomain) {
        String type = configuration.adapterType().orElseThrow(() -> new IllegalArgumentException(
                "compliance is off: no adapter is named"));
        ComplianceAdapter adapter = switch (type) {
            case XmlAdapter.NAME -> new XmlAdapter();
            case JsonLinesAdapter.NAME -> new JsonLinesAdapter();
            default -> load(type);
        };
        adapter.configure(new AdapterSettings(Path.of(configuration.adapterOutputDirectory().orElseThrow()),
                configuration.oneChatRoomPerOutputFile(), configuration.addUserDetails(),
                configuration.addChatRoomDetails(), configuration.createFileAttachmentsManifest(), serverDomain,
                chatDomain));
        return adapter;
    }

    private static ComplianceAdapter load(String className) {
        try {
            Class<?> type = Class.forName(className, true, Adapters.class.getClassLoader());
            if (!ComplianceAdapter.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " is not a ComplianceAdapter");
            }
            return (ComplianceAdapter) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no adapter '" + className + "': not xml, jsonl, nor a class on the"
                    + " class path", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException("the adapter class " + className + " has no public no-argument"
                    + " constructor that works: " + e, e);
        }
    }
}
