/// Hand-built RIFF/WAVE files for decoder tests.
enum WAVBuilder {
    /// A chunk: a four-character id, a declared size (the body's length unless given) and the body, padded to even length.
    static func chunk(_ id: String, _ body: [UInt8], declaredSize: UInt32? = nil) -> [UInt8] {
        var bytes = Array(id.utf8) + le(declaredSize ?? UInt32(body.count), 4) + body
        if body.count % 2 == 1 { bytes.append(0) }
        return bytes
    }

    /// A RIFF/WAVE file of the given chunks.
    static func file(_ chunks: [[UInt8]], form: String = "WAVE") -> [UInt8] {
        let body = Array(form.utf8) + chunks.joined()
        return Array("RIFF".utf8) + le(UInt32(body.count), 4) + body
    }

    /// A plain 16-byte `fmt ` chunk.
    static func format(tag: UInt16, channels: Int = 1, sampleRate: Int = 16_000, bits: Int) -> [UInt8] {
        chunk("fmt ", formatBody(tag: tag, channels: channels, sampleRate: sampleRate, bits: bits))
    }

    /// A 40-byte `WAVE_FORMAT_EXTENSIBLE` `fmt ` chunk; `subformat` is the GUID's leading format tag.
    static func extensibleFormat(subformat: UInt16, channels: Int = 2, sampleRate: Int = 48_000, bits: Int, guidTail: [UInt8]? = nil) -> [UInt8] {
        let standardTail: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
        let extensionBytes = le(22, 2) + le(UInt32(bits), 2) + le(channels == 2 ? 3 : 4, 4) + le(UInt32(subformat), 2) + (guidTail ?? standardTail)
        return chunk("fmt ", formatBody(tag: 0xFFFE, channels: channels, sampleRate: sampleRate, bits: bits) + extensionBytes)
    }

    /// Little-endian bytes of the low `count` bytes of `value`.
    static func le(_ value: UInt32, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// Little-endian bytes of signed integers stored in `width` bytes each.
    static func signed(_ values: [Int64], width: Int) -> [UInt8] {
        values.flatMap { value in (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    private static func formatBody(tag: UInt16, channels: Int, sampleRate: Int, bits: Int) -> [UInt8] {
        let blockAlign = channels * bits / 8
        return le(UInt32(tag), 2) + le(UInt32(channels), 2) + le(UInt32(sampleRate), 4) + le(UInt32(sampleRate * blockAlign), 4)
            + le(UInt32(blockAlign), 2) + le(UInt32(bits), 2)
    }
}
