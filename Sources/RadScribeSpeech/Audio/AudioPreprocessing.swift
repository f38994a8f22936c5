import Foundation

/// The optional stages ``AudioPreprocessor`` runs on the 16 kHz mono stream, set for example by
/// `RADSCRIBE_AUDIO_PREPROCESSING=pre_emphasis,noise_gate`.
///
/// The stages always run in the order of ``names``: pre-emphasis, noise gate, level normalisation.
public struct AudioPreprocessing: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The bit mask of the enabled stages.
    public let rawValue: UInt8

    /// A first-order high-pass, y[n] = x[n] − 0.97·x[n−1], that lifts the consonant band over low-frequency hum.
    public static let preEmphasis = AudioPreprocessing(rawValue: 1 << 0)
    /// Attenuates the steady background between words by 20 dB.
    public static let noiseGate = AudioPreprocessing(rawValue: 1 << 1)
    /// A slow automatic gain control that brings speech towards −20 dBFS.
    public static let levelNormalization = AudioPreprocessing(rawValue: 1 << 2)
    /// All stages.
    public static let all: AudioPreprocessing = [.preEmphasis, .noiseGate, .levelNormalization]

    /// The configuration name of each stage, in processing order.
    private static let stageNames: [(name: String, stage: AudioPreprocessing)] = [
        ("pre_emphasis", .preEmphasis),
        ("noise_gate", .noiseGate),
        ("level_normalization", .levelNormalization),
    ]
    /// The name of the empty set.
    private static let noneName = "none"

    /// Creates a set from its bit mask.
    ///
    /// - Parameter rawValue: The bit mask; bits without a stage are ignored by ``AudioPreprocessor``.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Parses configuration names: `pre_emphasis`, `noise_gate`, `level_normalization`, or `none` alone.
    ///
    /// Names are matched exactly after trimming surrounding whitespace, so a comma-separated setting can be split as
    /// it is written. No names at all is the empty set, like `none`.
    ///
    /// - Parameter names: The names, for example the comma-separated parts of a setting.
    /// - Returns: `nil` for an unknown or empty name, or for `none` next to another name.
    public init?(names: some Sequence<String>) {
        var stages: AudioPreprocessing = []
        var sawNone = false
        for rawName in names {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            if name == Self.noneName {
                sawNone = true
            } else if let entry = Self.stageNames.first(where: { $0.name == name }) {
                stages.insert(entry.stage)
            } else {
                return nil
            }
        }
        guard !(sawNone && !stages.isEmpty) else { return nil }
        self = stages
    }

    /// The configuration names of the enabled stages in processing order; `["none"]` for the empty set.
    ///
    /// ``init(names:)`` parses them back into the same set.
    public var names: [String] {
        let enabled = Self.stageNames.filter { contains($0.stage) }.map(\.name)
        return enabled.isEmpty ? [Self.noneName] : enabled
    }

    /// The names joined by commas, as they are written in the configuration.
    public var description: String { names.joined(separator: ",") }
}
