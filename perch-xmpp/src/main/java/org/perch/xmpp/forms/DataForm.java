package org.perch.xmpp.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perch.xmpp.xml.XmlElement;

/**
 * A XEP-0004 data form: its type ({@code form}, {@code submit}, {@code result}, {@code cancel}), title,
 * instructions and fields. The hidden {@code FORM_TYPE} field names what the form is for (XEP-0068).
 */
public record DataForm(String type, String title, String instructions, List<Field> fields) {
    public static final String NS = "jabber:x:data";

    public DataForm {
        Objects.requireNonNull(type, "type");
        title = title == null ? "" : title;
        instructions = instructions == null ? "" : instructions;
        fields = List.copyOf(fields);
    }

    /** One field; {@code type} is empty when the form does not say (submitted forms usually don't). */
    public record Field(String var, String type, String label, boolean required, List<String> values) {
        public Field {
            Objects.requireNonNull(var, "var");
            type = type == null ? "" : type;
            label = label == null ? "" : label;
            values = List.copyOf(values);
        }

        public static Field hidden(String var, String value) {
            return new Field(var, "hidden", "", false, List.of(value));
        }

        public static Field of(String var, String type, String label, boolean required) {
            return new Field(var, type, label, required, List.of());
        }

        public Optional<String> value() {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    public Optional<Field> field(String var) {
        return fields.stream().filter(f -> f.var().equals(var)).findFirst();
    }

    /** The first value of the field, or empty. */
    public Optional<String> value(String var) {
        return field(var).flatMap(Field::value);
    }

    public Optional<String> formType() {
        return value("FORM_TYPE");
    }

    public XmlElement toXml() {
        XmlElement.Builder x = XmlElement.builder("x", NS).attribute("type", type);
        if (!title.isEmpty()) {
            x.textChild("title", NS, title);
        }
        if (!instructions.isEmpty()) {
            x.textChild("instructions", NS, instructions);
        }
        for (Field f : fields) {
            XmlElement.Builder field = XmlElement.builder("field", NS).attribute("var", f.var());
            if (!f.type().isEmpty()) {
                field.attribute("type", f.type());
            }
            if (!f.label().isEmpty()) {
                field.attribute("label", f.label());
            }
            if (f.required()) {
                field.child("required", NS);
            }
            f.values().forEach(v -> field.textChild("value", NS, v));
            x.child(field.build());
        }
        return x.build();
    }

    /** Reads a {@code <x xmlns='jabber:x:data'/>} element. */
    public static DataForm parse(XmlElement x) {
        List<Field> fields = new ArrayList<>();
        for (XmlElement f : x.children("field", NS)) {
            List<String> values = f.children("value", NS).stream().map(XmlElement::text).toList();
            fields.add(new Field(f.attributeOr("var", ""), f.attributeOr("type", ""), f.attributeOr("label", ""),
                    f.child("required", NS).isPresent(), values));
        }
        return new DataForm(x.attributeOr("type", ""), x.childText("title", NS).orElse(""),
                x.childText("instructions", NS).orElse(""), fields);
    }

    /** The first data form inside the element, if there is one. */
    public static Optional<DataForm> in(XmlElement parent) {
        return parent.child("x", NS).map(DataForm::parse);
    }
}
