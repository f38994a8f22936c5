import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Mammography agent")
struct MammographyAgentTests {
    private func mammography(
        _ text: String,
        language: Language = .de,
        findings: (ReportFixture) -> [Finding] = { _ in [] }
    ) throws
        -> MammographyData
    {
        let fixture = ReportFixture(text, language: language)
        return try #require(fixture.extract([.mammography], findings: findings(fixture)).mammography)
    }

    // MARK: - BI-RADS

    @Test func readsBiRadsPerSideWithSubcategories() throws {
        let data = try mammography("Beurteilung: BI-RADS 4a rechts, BI-RADS 1 links.")
        #expect(data.assessments.map(\.category) == [.lowSuspicion, .negative])
        #expect(data.assessments.map(\.side) == [.right, .left])
        #expect(data.assessments.map(\.text) == ["BI-RADS 4a rechts", "BI-RADS 1 links"])
    }

    @Test(arguments: [
        ("BI-RADS 4b", BiRadsCategory.moderateSuspicion), ("BI-RADS 4c", .highSuspicion), ("BIRADS 5", .highlySuggestive),
        ("BI-RADS-Kategorie 3", .probablyBenign), ("BI-RADS: 0", .incomplete), ("BI-RADS IV", .suspicious), ("BI-RADS 6", .knownMalignancy),
        ("BI-RADS category 2", .benign),
    ])
    func readsEveryCategoryNotation(_ phrase: String, category: BiRadsCategory) throws {
        let data = try mammography("Impression: \(phrase).", language: .en)
        #expect(data.assessments.map(\.category) == [category])
        #expect(data.assessments.first?.side == nil)
    }

    @Test func readsSidesBeforeTheCategoryAndPairedLists() throws {
        let data = try mammography("Beurteilung: BI-RADS rechts 4, links 2. BI-RADS 1 beidseits.")
        #expect(data.assessments.map(\.side) == [.right, .left, .bilateral])
        #expect(data.assessments.map(\.category) == [.suspicious, .benign, .negative])
    }

    @Test func takesTheSideFromEarlierInTheSentence() throws {
        let data = try mammography("Impression:\nLeft breast: BI-RADS 1.\nRight breast: BI-RADS 3.", language: .en)
        #expect(data.assessments.map(\.side) == [.left, .right])
        #expect(data.assessments.map(\.category) == [.negative, .probablyBenign])
    }

    @Test func ignoresBiRadsOfTheClinicalInformation() throws {
        let data = try mammography("Klinische Angaben: Vorbefund BI-RADS 4 rechts.\nBeurteilung: BI-RADS 2 beidseits.")
        #expect(data.assessments.map(\.category) == [.benign])
    }

    // MARK: - Density

    @Test(arguments: [
        ("Parenchymdichte ACR Typ C.", BreastDensity.c), ("ACR c.", .c), ("Dichte: ACR-Typ b.", .b), ("ACR 3.", .c),
        ("Brustdichte D.", .d), ("Überwiegend lipomatöses Drüsenparenchym.", .a),
    ])
    func readsGermanDensity(_ sentence: String, density: BreastDensity) throws {
        let data = try mammography("Befund: \(sentence) Kein Herdbefund.")
        #expect(data.density?.category == density)
    }

    @Test(arguments: [
        ("Breast density category B.", BreastDensity.b), ("The breasts are heterogeneously dense.", .c),
        ("The breasts are extremely dense.", .d), ("The breasts are almost entirely fatty.", .a),
        ("There are scattered areas of fibroglandular density.", .b),
    ])
    func readsEnglishDensity(_ sentence: String, density: BreastDensity) throws {
        let data = try mammography("Findings: \(sentence)", language: .en)
        #expect(data.density?.category == density)
    }

    @Test func doesNotTakeACRGuidelinesForADensity() throws {
        let data = try mammography("Befund: Gemäß ACR Empfehlung keine Kontrolle nötig.")
        #expect(data.density == nil)
    }

    // MARK: - Lesions

    @Test func readsALesionWithSideQuadrantClockSizeAndNippleDistance() throws {
        let text = "Befund: Rechte Mamma: Im oberen äußeren Quadranten bei 10 Uhr ein 8 mm großer Herd, 4 cm von der Mamille entfernt."
        let data = try mammography(text) { fixture in
            [
                fixture.finding(
                    "Rechte Mamma: Im oberen äußeren Quadranten bei 10 Uhr ein 8 mm großer Herd, 4 cm von der Mamille entfernt.",
                    measurements: [fixture.measurement("8 mm", [8], "mm"), fixture.measurement("4 cm", [4], "cm")]
                )
            ]
        }
        let lesion = try #require(data.lesions.first)
        #expect(data.lesions.count == 1)
        #expect(lesion.side == .right)
        #expect(lesion.quadrant == .upperOuter)
        #expect(lesion.clockPosition == 10)
        #expect(lesion.size?.text == "8 mm")
        #expect(lesion.distanceFromNipple?.millimeters == [40])
    }

    @Test func readsAnEnglishLesionAndRecordsItsMeasurements() throws {
        let text = "Findings: In the left breast at 2 o'clock there is a 12 mm irregular mass, 5 cm from the nipple. UOQ cyst on the right."
        let fixture = ReportFixture(text, language: .en)
        let findings = [
            fixture.finding(
                "In the left breast at 2 o'clock there is a 12 mm irregular mass, 5 cm from the nipple.",
                measurements: [fixture.measurement("12 mm", [12], "mm"), fixture.measurement("5 cm", [5], "cm")]
            ),
            fixture.finding("UOQ cyst on the right."),
        ]
        let data = fixture.extract([.mammography], findings: findings)
        let lesions = try #require(data.mammography?.lesions)
        #expect(lesions.map(\.side) == [.left, .right])
        #expect(lesions.map(\.clockPosition) == [2, nil])
        #expect(lesions.map(\.quadrant) == [nil, .upperOuter])
        #expect(lesions.first?.size?.millimeters == [12])
        #expect(lesions.first?.distanceFromNipple?.millimeters == [50])
        #expect(data.measurements.map(\.subject) == ["breast_lesion", "nipple_distance"])
        #expect(data.measurements.allSatisfy { $0.agents == [.mammography] })
    }

    @Test func readsUIQByLanguage() {
        let german = BreastQuadrantReader.quadrant(in: 0..<1, of: FoldedText("UIQ"), language: .de)
        let english = BreastQuadrantReader.quadrant(in: 0..<1, of: FoldedText("UIQ"), language: .en)
        #expect(german == .lowerInner)
        #expect(english == .upperInner)
    }

    @Test func carriesTheSideOfAnEarlierSentenceAndSkipsNegatedLesions() throws {
        let data = try mammography("Befund: Linke Mamma: Drüsenparenchym fibroglandulär. Retromamillär Zyste. Kein suspekter Herd.")
        #expect(data.lesions.count == 1)
        #expect(data.lesions.first?.side == .left)
        #expect(data.lesions.first?.quadrant == .central)
    }
}
