/// Converts Float samples to 16-bit little-endian PCM, the audio format a Vosk server reads.
package enum PCM16Encoding {
    /// Appends `samples` to `bytes` as PCM16 little-endian, two bytes per sample.
    ///
    /// Samples are scaled by 32768, the inverse of ``PCMDecoder``, so PCM16 that was decoded to Float comes back
    /// unchanged. Values outside -1...1 are clipped and NaN becomes silence.
    package static func append(_ samples: some Collection<Float>, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + samples.count * 2)
        for sample in samples {
            let scaled = (sample * 32_768).rounded()
            let value = sample.isNaN ? 0 : Int16(min(max(scaled, -32_768), 32_767))
            let bits = UInt16(bitPattern: value)
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
        }
    }
}
