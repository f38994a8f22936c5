import RadScribeCore

/// Renders a structured report as plain text or Markdown in the report language.
///
/// Both forms list the untitled preamble first, then the canonical sections in report order under their canonical
/// titles, then other titled sections in dictation order (see ``RenderLayout``), and end with the warnings
/// ("Hinweise"/"Warnings") in the report's order, each marked with its severity. Body text is rendered as it stands
/// (it is already normalised); Markdown escapes what would change its meaning (see ``MarkdownEscaper``). The output
/// depends only on the report, so equal reports render to equal strings.
///
/// Plain text:
/// ```
/// Befund:
/// Kein Pneumothorax.
///
/// Hinweise:
/// [WARNUNG] Keine Beurteilung diktiert.
/// ```
/// Markdown:
/// ```
/// ## Befund
///
/// Kein Pneumothorax.
///
/// ## Hinweise
///
/// - **[WARNUNG]** Keine Beurteilung diktiert.
/// ```
public struct ReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as plain text: each title on its own line with a colon, a blank line between sections.
    public func plainText(_ report: StructuredReport) -> String {
        var blocks = RenderLayout.arrange(report).map { section in
            section.title.map { "\($0):\n\(section.body)" } ?? section.body
        }
        if !report.warnings.isEmpty {
            let lines = report.warnings.map { "[\(Self.marker(of: $0.severity, in: report.language))] \($0.message)" }
            blocks.append("\(Self.warningsTitle(in: report.language)):\n" + lines.joined(separator: "\n"))
        }
        return Self.document(of: blocks)
    }

    /// The report as Markdown: each title as a `##` heading, warnings as a bulleted list.
    public func markdown(_ report: StructuredReport) -> String {
        var blocks = RenderLayout.arrange(report).map { section in
            let body = MarkdownEscaper.escape(section.body)
            return section.title.map { "## \(MarkdownEscaper.escape($0))\n\n\(body)" } ?? body
        }
        if !report.warnings.isEmpty {
            let items = report.warnings.map {
                "- **[\(Self.marker(of: $0.severity, in: report.language))]** \(MarkdownEscaper.escape($0.message))"
            }
            blocks.append("## \(Self.warningsTitle(in: report.language))\n\n" + items.joined(separator: "\n"))
        }
        return Self.document(of: blocks)
    }

    /// Blocks separated by a blank line, ending with a newline; empty when there are no blocks.
    private static func document(of blocks: [String]) -> String {
        blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }

    private static func warningsTitle(in language: Language) -> String {
        switch language {
        case .de: "Hinweise"
        case .en: "Warnings"
        }
    }

    private static func marker(of severity: WarningSeverity, in language: Language) -> String {
        switch (severity, language) {
        case (.critical, .de): "KRITISCH"
        case (.warning, .de): "WARNUNG"
        case (.info, .de): "INFO"
        case (.critical, .en): "CRITICAL"
        case (.warning, .en): "WARNING"
        case (.info, .en): "INFO"
        }
    }
}
