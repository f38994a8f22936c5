import RadScribeCore

/// Renders an ``EvaluationResult`` as plain-text tables for the terminal.
public enum EvaluationReport {
    /// The result as text.
    ///
    /// - Parameters:
    ///   - result: The run to render.
    ///   - showErrors: Whether to list every mis-segmented report, misclassified case and wrong negation under its table.
    /// - Returns: Tables for segmentation, classification, sentence- and report-level negation, then timing.
    public static func render(_ result: EvaluationResult, showErrors: Bool) -> String {
        let scope = result.limit.map { "at most \($0) records per file" } ?? "all records"
        return [
            "RadScribe evaluation · engine \(result.engineVersion) · corpus \(result.corpus) · \(scope)",
            segmentation(result.segmentation, showErrors: showErrors),
            classification(result.classification, showErrors: showErrors),
            sentenceNegation(result.sentenceNegation, showErrors: showErrors),
            reportNegation(result.reportNegation, showErrors: showErrors),
            timing(result),
        ]
        .joined(separator: "\n\n") + "\n"
    }

    // MARK: - Segmentation

    private static func segmentation(_ variants: [SegmentationVariantResult], showErrors: Bool) -> String {
        var table = TextTable(["variant", "reports", "fully correct", "words", "word acc."] + ReportField.allCases.map(\.rawValue))
        for variant in variants {
            table.add(
                [
                    variant.variant.title, "\(variant.reports)", Formatting.count(variant.fullyCorrect, of: variant.reports),
                    "\(variant.total.words)", Formatting.percent(variant.total.accuracy),
                ] + ReportField.allCases.map { Formatting.percent(variant.perField[$0]?.accuracy) }
            )
        }
        let kinds = ReportField.allCases.map { "\($0.rawValue) → \($0.expectedKind.rawValue)" }.joined(separator: ", ")
        var lines = [
            "1. Section segmentation · openi-indiana/indiana_reports.csv, reports with findings and impression",
            table.rendered,
            "A word counts when it lands in the body of a section of its field's kind (\(kinds));",
            "gold and engine words are aligned by a diff over lower-cased letter/digit tokens. Fully correct: every word right.",
        ]
        if showErrors {
            for variant in variants where !variant.failures.isEmpty {
                lines.append("Mis-segmented, \(variant.variant.title) (\(variant.failures.count)):")
                for failure in variant.failures {
                    lines.append("  uid \(failure.uid) [\(failure.variant.title)]")
                    for field in failure.fields where !field.isCorrect {
                        lines.append(
                            "    \(field.field.rawValue): expected \(field.field.expectedKind.rawValue), got \(placement(field)) \"\(field.excerpt)\""
                        )
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `impression 30, findings 11 of 41 words`, largest share first.
    private static func placement(_ field: FieldOutcome) -> String {
        let shares = field.placement.sorted { ($0.value, $0.key?.rawValue ?? "") > ($1.value, $1.key?.rawValue ?? "") }
        return shares.map { "\($0.key?.rawValue ?? "no section") \($0.value)" }.joined(separator: ", ") + " of \(field.words) words"
    }

    // MARK: - Classification

    private static func classification(_ result: ClassificationResult, showErrors: Bool) -> String {
        var table = TextTable(["source", "gold type", "cases", "correct", "accuracy"])
        for group in result.groups {
            table.add([group.source.rawValue, group.expected.rawValue, "\(group.cases)", "\(group.correct)", Formatting.percent(group.accuracy)])
        }
        table.add([
            "all", "", "\(result.cases)", "\(result.correct)",
            Formatting.percent(result.cases > 0 ? Double(result.correct) / Double(result.cases) : nil),
        ])
        let confusion = result.confusion.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { gold, row in
            row.filter { $0.key != gold }.sorted { $0.value > $1.value }.map {
                "\(gold.rawValue) → \($0.key?.rawValue ?? "engine error") \($0.value)"
            }
        }
        var lines = [
            "2. Classification · Open-i = general, NegEx header SP = pathology, ECHO = cardiac, DRG example CT NNH = ct_scan, MRT = general",
            table.rendered,
            "Confusion (gold → predicted, errors only): " + (confusion.isEmpty ? "none" : confusion.joined(separator: " · ")),
            "Not scored (no gold type): "
                + (result.unlabelled.isEmpty
                    ? "none" : result.unlabelled.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                + "; DRG/radreport templates are skipped: they are forms (inputs, tables, option lists), not dictations.",
        ]
        if showErrors, !result.failures.isEmpty {
            lines.append("Misclassified (\(result.failures.count)):")
            for failure in result.failures {
                let scores = failure.topScores.map { "\($0.examType.rawValue) \(Formatting.ratio($0.score))" }.joined(separator: ", ")
                let got = failure.predicted?.rawValue ?? "engine error"
                lines.append(
                    "  \(failure.source.rawValue) \(failure.id): gold \(failure.expected.rawValue), got \(got)"
                        + (scores.isEmpty ? "" : " [\(scores)]")
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Negation

    private static func sentenceNegation(_ results: [SentenceNegationResult], showErrors: Bool) -> String {
        let title = "3a. Negation, sentence level · negex-chapman, the annotated concept as target"
        guard !results.isEmpty else { return "\(title)\nNot run: no assertion function was given." }
        var table = TextTable(["file", "sentences", "P neg.", "R neg.", "F1 neg.", "accuracy", "targets marked/loose/whole"])
        for result in results {
            let negated = result.confusion.negated
            let matches = TargetMatch.allCases.map { "\(result.targetMatches[$0] ?? 0)" }.joined(separator: "/")
            table.add([
                result.file, "\(result.confusion.total)", Formatting.ratio(negated.precision), Formatting.ratio(negated.recall),
                Formatting.ratio(negated.f1), Formatting.percent(result.confusion.accuracy), matches,
            ])
        }
        table.add([
            "NegEx 1.2, published", "\(NegExReference.sentences)", Formatting.ratio(NegExReference.precision),
            Formatting.ratio(NegExReference.recall),
            Formatting.ratio(NegExReference.f1), Formatting.percent(NegExReference.accuracy), "",
        ])
        var lines = [
            title, table.rendered,
            "Accuracy: exact agreement over present/absent/possible (the gold sets contain no \"possible\", so a hedge counts as an error).",
        ]
        if showErrors {
            for result in results where !result.failures.isEmpty {
                lines.append("Wrong, \(result.file) (\(result.failures.count)):")
                for failure in result.failures {
                    lines.append(
                        "  \(failure.id) \"\(failure.concept)\": gold \(failure.gold.rawValue), got \(failure.predicted.rawValue) [\(failure.match.rawValue)] \(failure.excerpt)"
                    )
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func reportNegation(_ result: ReportNegationResult, showErrors: Bool) -> String {
        var table = TextTable(["label", "gold +", "TP", "FP", "FN", "precision", "recall", "F1", "gold − mentioned", "negated"])
        func row(_ label: String, _ gold: Int, _ counts: BinaryCounts, _ mentioned: Int, _ negated: Int) -> [String] {
            [
                label, "\(gold)", "\(counts.truePositives)", "\(counts.falsePositives)", "\(counts.falseNegatives)",
                Formatting.ratio(counts.precision),
                Formatting.ratio(counts.recall), Formatting.ratio(counts.f1), "\(mentioned)",
                Formatting.percent(mentioned > 0 ? Double(negated) / Double(mentioned) : nil),
            ]
        }
        for label in result.labels {
            table.add(row(label.label, label.goldPositives, label.positive, label.negativeMentions, label.negatedCorrectly))
        }
        table.add(row("micro", result.labels.reduce(0) { $0 + $1.goldPositives }, result.micro, result.negativeMentions, result.negatedCorrectly))
        var lines = [
            "3b. Negation, report level · openi-indiana vs NegBio gold, test split of \(result.testSplitSize) ids, \(result.reports) reports scored",
            table.rendered,
            "Positive: a mention present or possible in findings/impression. Negated: of the gold-negative labels the engine mentions, the share it negated.",
        ]
        if showErrors, !result.failures.isEmpty {
            lines.append("Wrong labels (\(result.failures.count)):")
            for failure in result.failures {
                let mentions = failure.mentions.isEmpty ? "" : ": " + failure.mentions.joined(separator: ", ")
                lines.append(
                    "  CXR\(failure.uid) \(failure.label): gold \(failure.goldPositive ? "positive" : "negative"), got \(failure.prediction.rawValue)\(mentions)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Timing

    private static func timing(_ result: EvaluationResult) -> String {
        let engine = result.engine
        let rate = engine.reportsPerSecond.map { String(Int($0.rounded())) } ?? "–"
        var lines = [
            "Timing",
            "engine: \(engine.reports) dictations in \(Formatting.seconds(engine.duration)), \(rate) reports/s on one core, \(engine.failures) refused",
        ]
        let sentences = result.sentenceNegation.reduce(0) { $0 + $1.confusion.total }
        if sentences > 0 {
            let duration = result.sentenceNegation.reduce(Duration.zero) { $0 + $1.duration }
            lines.append("assertion function: \(sentences) sentences in \(Formatting.seconds(duration))")
        }
        lines.append("whole run: \(Formatting.seconds(result.duration)) (loading, assembling and scoring included)")
        return lines.joined(separator: "\n")
    }
}
