import RadScribeCore

/// Warns about measurements that cannot be right: a unit slip ("45 cm" renal lesion) or a percentage above 100.
///
/// Lengths are judged in millimetres:
/// - any length above 500 mm (no lesion or organ is larger than 50 cm) or between 0 and 0.1 mm (exactly 0 mm is
///   legitimate, as in a resection margin of "0 mm");
/// - in a sentence about a known organ, any length above that organ's plausible maximum, which covers the organ
///   itself and lesions in it, pathological enlargement included (kidney 300 mm for polycystic kidneys, lymph node
///   100 mm). A sentence about several organs is judged by the most permissive one. For the aorta the smallest
///   dimension is judged, since its diameter is what is measured and an aneurysm may be long.
///
/// A percentage above 100 is implausible ("LVEF 150 %") unless the sentence speaks of change ("Größenzunahme um
/// 150 %"). One warning per measurement; the evidence is the measurement.
struct MeasurementPlausibilityCheck: ConsistencyCheck {
    /// The largest length in millimetres anything in a report can measure.
    static let generalMaximumMillimeters = 500.0
    /// Lengths below this (and above 0) are unit slips.
    static let minimumMillimeters = 0.1

    /// The plausible maximum of an organ or a lesion in it.
    private struct OrganLimit {
        let maximumMillimeters: Double
        /// Whether the smallest dimension is judged (a vessel's diameter) rather than the largest.
        let judgesSmallestDimension: Bool

        init(_ maximumMillimeters: Double, judgesSmallestDimension: Bool = false) {
            self.maximumMillimeters = maximumMillimeters
            self.judgesSmallestDimension = judgesSmallestDimension
        }

        func allows(_ millimeters: [Double]) -> Bool {
            let judged = judgesSmallestDimension ? millimeters.min() : millimeters.max()
            return (judged ?? 0) <= maximumMillimeters
        }
    }

    private static let organLimits: [String: OrganLimit] = [
        "kidney": OrganLimit(300),
        "liver": OrganLimit(350),
        "spleen": OrganLimit(300),
        "thyroid": OrganLimit(200),
        "gallbladder": OrganLimit(150),
        "pancreas": OrganLimit(250),
        "adrenal_gland": OrganLimit(250),
        "lymph_node": OrganLimit(100),
        "aorta": OrganLimit(150, judgesSmallestDimension: true),
        "prostate": OrganLimit(150),
        "ovary": OrganLimit(350),
        "testis": OrganLimit(120),
        "uterus": OrganLimit(400),
    ]

    func warnings(for input: CheckInput) -> [ReportWarning] {
        var warnings: [ReportWarning] = []
        for analyzed in input.findings {
            for measurement in analyzed.finding.measurements {
                guard let message = problem(with: measurement, in: analyzed, input: input) else { continue }
                warnings.append(ReportWarning(code: .implausibleMeasurement, severity: .warning, message: message, evidence: [measurement.span]))
            }
        }
        return warnings
    }

    /// The message for an implausible measurement, or `nil` when it is plausible.
    private func problem(with measurement: Measurement, in analyzed: CheckedFinding, input: CheckInput) -> String? {
        if measurement.unit == "%" {
            guard measurement.values.contains(where: { $0 > 100 }), !analyzed.contains(.change) else { return nil }
            return input.localized(
                de: "Unplausibler Messwert: \(measurement.text) – mehr als 100 %?",
                en: "Implausible measurement: \(measurement.text) – more than 100 %?"
            )
        }
        guard let millimeters = measurement.millimeters, !millimeters.isEmpty else { return nil }
        let isOutOfAnyRange = millimeters.contains { $0 > Self.generalMaximumMillimeters || ($0 > 0 && $0 < Self.minimumMillimeters) }
        if isOutOfAnyRange {
            return input.localized(
                de: "Unplausibler Messwert: \(measurement.text) – Einheitenfehler?",
                en: "Implausible measurement: \(measurement.text) – unit slip?"
            )
        }
        let organs = analyzed.finding.locations.filter { Self.organLimits[$0] != nil }
        guard let organ = organs.first, organs.allSatisfy({ !Self.organLimits[$0]!.allows(millimeters) }) else { return nil }
        let name = CheckAnatomyNames.name(of: organ, in: input.language)
        return input.localized(
            de: "Unplausibler Messwert (\(name)): \(measurement.text) – Einheitenfehler?",
            en: "Implausible measurement (\(name)): \(measurement.text) – unit slip?"
        )
    }
}
