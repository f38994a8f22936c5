import Foundation
import RadScribeCore

/// Shared coders for HTTP bodies: ``ReportJSON``'s settings, created once.
enum ReportJSONEncoding {
    /// The encoder (`JSONEncoder` is `Sendable`).
    static let encoder = ReportJSON.makeEncoder()
    /// The decoder (`JSONDecoder` is `Sendable`).
    static let decoder = ReportJSON.makeDecoder()
}
