package org.sentry4j.boundary;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types a compiled class names under a package, read from its constant pool: class entries,
 * field and method descriptors and generic signatures are all text entries there, so every use of a
 * type (a call, a field, a parameter, a cast, a lambda's target) shows.
 */
final class ClassReferences {
    private ClassReferences() {
    }

    /** Binary names (dots) of the types under {@code packagePrefix} (slashes, e.g. {@code org/sentry4j/internal/}). */
    static Set<String> under(InputStream classFile, String packagePrefix) throws IOException {
        Pattern type = Pattern.compile(Pattern.quote(packagePrefix) + "[\\w/$]+");
        Set<String> found = new TreeSet<>();
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8: names, descriptors, signatures
                    Matcher m = type.matcher(in.readUTF());
                    while (m.find()) {
                        found.add(m.group().replace('/', '.'));
                    }
                    break;
                case 3: // Integer
                case 4: // Float
                    in.skipBytes(4);
                    break;
                case 5: // Long
                case 6: // Double: two slots
                    in.skipBytes(8);
                    i++;
                    break;
                case 7: // Class
                case 8: // String
                case 16: // MethodType
                case 19: // Module
                case 20: // Package
                    in.skipBytes(2);
                    break;
                case 9: // Fieldref
                case 10: // Methodref
                case 11: // InterfaceMethodref
                case 12: // NameAndType
                case 17: // Dynamic
                case 18: // InvokeDynamic
                    in.skipBytes(4);
                    break;
                case 15: // MethodHandle
                    in.skipBytes(3);
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return found;
    }
}
