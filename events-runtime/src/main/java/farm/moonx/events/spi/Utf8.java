package farm.moonx.events.spi;

/** Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
final class Utf8 {
  private Utf8() {}

  static boolean isValid(byte[] bytes, int from, int length) {
    int i = from;
    int end = from + length;
    while (i < end) {
      int b = bytes[i++];
      if (b >= 0) {
        continue;
      }
      int lead = b & 0xff;
      int more;
      int min;
      if (lead >= 0xc2 && lead <= 0xdf) {
        more = 1;
        min = 0x80;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        more = 2;
        min = 0x800;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        more = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + more > end) {
        return false;
      }
      int cp = lead & (0x3f >> more);
      for (int k = 0; k < more; k++) {
        int c = bytes[i++] & 0xff;
        if ((c & 0xc0) != 0x80) {
          return false;
        }
        cp = cp << 6 | c & 0x3f;
      }
      if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
        return false;
      }
    }
    return true;
  }
}
