import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct ImpressionPresenceCheckTests {
    private let longGermanFindings = """
        Herz normal groß. Keine pulmonalvenöse Stauung. Kein Infiltrat, kein Pleuraerguss, kein Pneumothorax. \
        Mediastinum mittelständig und nicht verbreitert. Zwerchfelle glatt begrenzt. Knöcherner Thorax unauffällig.
        """

    private func impressionWarnings(_ fixture: CheckFixture) -> [ReportWarning] {
        fixture.warnings().filter { $0.code == .missingImpression }
    }

    @Test func warnsAboutALongReportWithoutImpressionInGerman() throws {
        let fixture = CheckFixture(.de).section(.findings, "Befund:", longGermanFindings)
        let warning = try #require(impressionWarnings(fixture).first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "Keine Beurteilung diktiert.")
        #expect(warning.evidence.isEmpty)
    }

    @Test func warnsAboutAnEmptyImpression() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", longGermanFindings)
            .section(.impression, "Beurteilung:", " ")
        #expect(impressionWarnings(fixture).map(\.severity) == [.warning])
    }

    @Test func onlyInformsAboutAShortReportWithoutImpressionInEnglish() {
        let fixture = CheckFixture(.en).section(.findings, nil, "No pneumothorax after chest tube removal.")
        #expect(impressionWarnings(fixture).map(\.severity) == [.info])
        #expect(impressionWarnings(fixture).map(\.message) == ["No impression dictated."])
    }

    @Test func acceptsAReportWithImpression() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", longGermanFindings)
            .section(.impression, "Beurteilung:", "Altersentsprechender Thoraxbefund.")
        #expect(impressionWarnings(fixture).isEmpty)
    }

    @Test func staysSilentAboutAnEmptyText() {
        #expect(CheckFixture(.de).warnings().isEmpty)
    }
}
