import Foundation
import RadScribeCore

/// Shared coders for HTTP bodies: ``ReportJSON``'s settings, created once.
enum ReportJSONEncoding {
    /// `JSONEncoder` is thread-safe for `encode` once configured.
    nonisolated(unsafe) static let encoder = ReportJSON.makeEncoder()
    /// `JSONDecoder` is thread-safe for `decode` once configured.
    nonisolated(unsafe) static let decoder = ReportJSON.makeDecoder()
}
