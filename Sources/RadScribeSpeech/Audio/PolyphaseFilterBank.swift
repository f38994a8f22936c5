import Foundation

/// Kaiser-windowed sinc low-pass taps for a rational resampler, one row per fractional phase.
///
/// The kernel is designed in units of input samples: its cut-off sits between 75 % and 92 % of the lower of the two
/// Nyquist frequencies, with 70 dB stop-band attenuation. Each row holds ``tapCount`` taps for the input samples
/// `i - halfWidth + 1 ... i + halfWidth` around an output instant `i + phase / phaseCount`.
struct PolyphaseFilterBank: Sendable {
    /// Rows of the table; rational ratios with more phases share the nearest lower row.
    static let maximumPhaseCount = 1_024
    private static let stopBandAttenuation = 70.0
    private static let passBandEdge = 0.75
    private static let stopBandEdge = 0.92

    let phaseCount: Int
    let halfWidth: Int
    let tapCount: Int
    /// `phaseCount * tapCount` taps, row after row.
    let taps: [Float]

    init(inputSampleRate: Int, outputSampleRate: Int, interpolation: Int) {
        let rate = Double(inputSampleRate)
        let lowerNyquist = Double(min(inputSampleRate, outputSampleRate)) / 2
        let cutoff = (Self.passBandEdge + Self.stopBandEdge) / 2 * lowerNyquist / rate
        let transition = (Self.stopBandEdge - Self.passBandEdge) * lowerNyquist / rate
        let attenuation = Self.stopBandAttenuation
        let length = (attenuation - 7.95) / (2.285 * 2 * Double.pi * transition)
        // A multiple of 4 keeps `tapCount` a multiple of 8, the SIMD width of the dot product.
        let halfWidth = (Int((length / 2).rounded(.up)) + 3) / 4 * 4
        let beta = 0.1102 * (attenuation - 8.7)
        let phaseCount = min(interpolation, Self.maximumPhaseCount)
        let tapCount = 2 * halfWidth
        var taps = [Float](repeating: 0, count: phaseCount * tapCount)
        let windowScale = 1 / Self.besselI0(beta)
        for phase in 0..<phaseCount {
            let fraction = Double(phase) / Double(phaseCount)
            var row = [Double](repeating: 0, count: tapCount)
            for tap in 0..<tapCount {
                let offset = fraction + Double(halfWidth - 1 - tap)
                let ratio = offset / Double(halfWidth)
                guard abs(ratio) < 1 else { continue }
                let window = Self.besselI0(beta * (1 - ratio * ratio).squareRoot()) * windowScale
                row[tap] = 2 * cutoff * Self.sinc(2 * cutoff * offset) * window
            }
            // Normalising each row gives every phase exactly unit gain at DC.
            let sum = row.reduce(0, +)
            for tap in 0..<tapCount {
                taps[phase * tapCount + tap] = Float(row[tap] / sum)
            }
        }
        self.phaseCount = phaseCount
        self.halfWidth = halfWidth
        self.tapCount = tapCount
        self.taps = taps
    }

    private static func sinc(_ x: Double) -> Double {
        x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
    }

    /// The zeroth-order modified Bessel function of the first kind, by its power series.
    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        let quarterSquare = x * x / 4
        var k = 1.0
        while term > sum * 1e-12 {
            term *= quarterSquare / (k * k)
            sum += term
            k += 1
        }
        return sum
    }
}
