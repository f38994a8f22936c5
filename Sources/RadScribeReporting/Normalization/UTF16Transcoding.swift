/// Fast conversions between `String` and UTF-16 code units; the standard library's generic UTF-16 paths are
/// an order of magnitude slower than these plain loops over contiguous UTF-8.
enum UTF16Transcoding {
    /// The UTF-16 code units of `text`.
    static func codeUnits(of text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes in
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    units.append(UInt16(lead))
                    index += 1
                } else if lead < 0xE0 {
                    units.append(UInt16(((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)))
                    index += 2
                } else if lead < 0xF0 {
                    let scalar = ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F)
                    units.append(UInt16(scalar))
                    index += 3
                } else {
                    let scalar =
                        ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12) | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
                        | (UInt32(bytes[index + 3]) & 0x3F)
                    units.append(UInt16(0xD800 + ((scalar - 0x10000) >> 10)))
                    units.append(UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF)))
                    index += 4
                }
            }
            return units
        }
    }

    /// The string of `units`, which must not split a surrogate pair.
    ///
    /// The exact UTF-8 length is counted first, so that short texts become small strings without an allocation.
    static func string(from units: ArraySlice<UInt16>) -> String {
        units.withUnsafeBufferPointer { units in
            var length = 0
            for unit in units {
                length += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xD800 && unit < 0xE000 ? 2 : 3
            }
            return String(unsafeUninitializedCapacity: length) { buffer in
                var count = 0
                var index = 0
                while index < units.count {
                    let unit = UInt32(units[index])
                    index += 1
                    if unit < 0x80 {
                        buffer[count] = UInt8(unit)
                        count += 1
                    } else if unit < 0x800 {
                        buffer[count] = UInt8(0xC0 | (unit >> 6))
                        buffer[count + 1] = UInt8(0x80 | (unit & 0x3F))
                        count += 2
                    } else if unit >= 0xD800, unit < 0xDC00, index < units.count {
                        let scalar = 0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                        index += 1
                        buffer[count] = UInt8(0xF0 | (scalar >> 18))
                        buffer[count + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                        buffer[count + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                        buffer[count + 3] = UInt8(0x80 | (scalar & 0x3F))
                        count += 4
                    } else {
                        buffer[count] = UInt8(0xE0 | (unit >> 12))
                        buffer[count + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                        buffer[count + 2] = UInt8(0x80 | (unit & 0x3F))
                        count += 3
                    }
                }
                return count
            }
        }
    }
}
