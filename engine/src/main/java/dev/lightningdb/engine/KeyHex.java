package dev.lightningdb.engine;

import java.util.Locale;

/** A key as error messages show it: {@code 0x} and up to 32 bytes in hex, then {@code ...}. */
public final class KeyHex {
    private KeyHex() {
    }

    public static String of(byte[] key) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < Math.min(key.length, 32); i++) {
            sb.append(String.format(Locale.ROOT, "%02x", key[i] & 0xff));
        }
        return key.length > 32 ? sb.append("...").toString() : sb.toString();
    }
}
