import Crypto
import Foundation

/// The secret that lets a client resume a dictation session and fetch its audio: 32 random bytes, base64url.
///
/// Only its SHA-256 is stored; comparisons run in constant time.
enum SessionToken {
    /// A new random token.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a token: SHA-256, lower-case hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `token` hashes to `storedHash`, compared in constant time.
    static func matches(_ token: String, storedHash: String) -> Bool {
        let candidate = Array(hash(token).utf8)
        let stored = Array(storedHash.utf8)
        guard candidate.count == stored.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(candidate, stored) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
