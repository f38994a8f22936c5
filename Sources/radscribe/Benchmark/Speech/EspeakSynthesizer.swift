import Foundation
import RadScribeSpeech

/// Speaks text with the `espeak-ng` command and returns its audio (22050 Hz mono PCM16).
struct EspeakSynthesizer: Sendable {
    /// Speaking rate in words per minute (espeak-ng `-s`).
    var wordsPerMinute: Int

    /// Why espeak-ng gave no audio.
    struct SynthesisError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `espeak-ng -v VOICE -s WPM --stdout TEXT` and parses the WAV it prints.
    /// - Throws: ``SynthesisError`` when espeak-ng is missing or fails, `AudioInputError` when its output is not a WAV file.
    func synthesize(_ text: String, language: BenchLanguage) throws -> WAVFile {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["espeak-ng", "-v", language.espeakVoice, "-s", String(wordsPerMinute), "--stdout", text]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SynthesisError(description: "cannot start espeak-ng: \(error.localizedDescription)")
        }
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = process.terminationStatus == 127 ? "espeak-ng is not installed (apt-get install espeak-ng)" : "espeak-ng failed"
            throw SynthesisError(description: "\(reason), exit status \(process.terminationStatus)")
        }
        return try WAVFile(decoding: [UInt8](bytes))
    }
}
