import ArgumentParser
import Foundation
import RadScribeCore
import RadScribeReporting

/// `radscribe structure FILE|-`: structures a dictation and prints the report, for scripts and evaluation.
struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "structure", abstract: "Structure a dictation and print the report.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json
        case text
        case markdown
    }

    @Argument(help: "A UTF-8 text file with the dictation, or - for standard input.")
    var file: String

    @Option(name: .long, help: "de, en or auto.")
    var language: String = "auto"

    @Option(name: .long, help: "json, text or markdown.")
    var format: OutputFormat = .json

    @Option(name: .long, help: "The language used when auto detection finds no evidence (de or en).")
    var fallbackLanguage: String = "de"

    func run() throws {
        guard let selection = LanguageSelection(code: language) else {
            throw ValidationError("--language must be de, en or auto")
        }
        guard let fallback = Language(rawValue: fallbackLanguage) else {
            throw ValidationError("--fallback-language must be de or en")
        }
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("the input is not UTF-8 text")
        }
        let report = try ReportEngine(fallbackLanguage: fallback).structure(text, language: selection)
        switch format {
        case .json:
            let encoder = ReportJSON.makeEncoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            FileHandle.standardOutput.write(try encoder.encode(report))
            print()
        case .text:
            print(ReportRenderer().plainText(report))
        case .markdown:
            print(ReportRenderer().markdown(report))
        }
    }
}
