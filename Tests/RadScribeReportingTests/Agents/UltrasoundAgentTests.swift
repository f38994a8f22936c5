import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Ultrasound agent")
struct UltrasoundAgentTests {
    @Test func readsOrganEchogenicityAndSizeAndCarriesTheOrgan() throws {
        let text = "Befund: Leber normal groß, homogen echoreich. Echofreie Läsion von 12 mm. Milz 11 cm. Keine echoarme Raumforderung."
        let fixture = ReportFixture(text)
        let findings = [
            fixture.finding("Leber normal groß, homogen echoreich."),
            fixture.finding("Echofreie Läsion von 12 mm.", measurements: [fixture.measurement("12 mm", [12], "mm")]),
            fixture.finding("Milz 11 cm.", measurements: [fixture.measurement("11 cm", [11], "cm")]),
            fixture.finding("Keine echoarme Raumforderung.", assertion: .absent),
        ]
        let data = fixture.extract([.ultrasound], findings: findings)
        let ultrasound = try #require(data.ultrasound)
        #expect(ultrasound.findings.map(\.organ) == ["liver", "liver", "spleen"])
        #expect(ultrasound.findings.map(\.echogenicity) == [.hyperechoic, .anechoic, nil])
        #expect(ultrasound.findings.map { $0.size?.text } == [nil, "12 mm", "11 cm"])
        #expect(data.measurements.map(\.subject) == ["liver", "spleen"])
    }

    @Test(arguments: [
        ("hypoechoic", Echogenicity.hypoechoic), ("isoechoic", .isoechoic), ("anechoic", .anechoic), ("hyperechoic", .hyperechoic),
        ("echoarmer", .hypoechoic), ("isoechogener", .isoechoic),
    ])
    func readsEchogenicityWords(_ word: String, echogenicity: Echogenicity) throws {
        let fixture = ReportFixture("Findings: Thyroid with a \(word) nodule.", language: .en)
        let finding = try #require(fixture.extract([.ultrasound]).ultrasound?.findings.first)
        #expect(finding.echogenicity == echogenicity)
        #expect(finding.organ == "thyroid")
    }

    @Test func skipsNegatedEchogenicity() throws {
        let fixture = ReportFixture("Befund: Pankreas ohne echoarme Läsion.")
        #expect(fixture.extract([.ultrasound]).ultrasound?.findings.isEmpty == true)
    }
}
