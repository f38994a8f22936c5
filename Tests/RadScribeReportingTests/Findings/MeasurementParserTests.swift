import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("MeasurementParser")
struct MeasurementParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var measured: String
        var values: [Double]
        var unit: String
        var millimeters: [Double]?

        init(_ text: String, _ measured: String, _ values: [Double], _ unit: String, mm millimeters: [Double]?) {
            self.text = text
            self.measured = measured
            self.values = values
            self.unit = unit
            self.millimeters = millimeters
        }

        var testDescription: String { "\"\(text)\"" }
    }

    private func parse(_ text: String) -> [RadScribeCore.Measurement] {
        MeasurementParser().measurements(in: text, range: text.startIndex..<text.endIndex)
    }

    @Test(
        "one measurement with its values, unit, millimetres and exact text",
        arguments: [
            Case("Rundherd von 3,5 cm im Oberlappen.", "3,5 cm", [3.5], "cm", mm: [35]),
            Case("Nodule of 12.5 mm.", "12.5 mm", [12.5], "mm", mm: [12.5]),
            Case("Zyste 4 x 3 cm.", "4 x 3 cm", [4, 3], "cm", mm: [40, 30]),
            Case("Mass measuring 4 x 3 x 2 cm.", "4 x 3 x 2 cm", [4, 3, 2], "cm", mm: [40, 30, 20]),
            Case("Läsion 4x3cm.", "4x3cm", [4, 3], "cm", mm: [40, 30]),
            Case("Lymphknoten 1,2 x 0,8 cm.", "1,2 x 0,8 cm", [1.2, 0.8], "cm", mm: [12, 8]),
            Case("Raumforderung 4 cm x 3 cm x 2,5 cm.", "4 cm x 3 cm x 2,5 cm", [4, 3, 2.5], "cm", mm: [40, 30, 25]),
            Case("Herde bis 12 mm.", "12 mm", [12], "mm", mm: [12]),
            Case("Katheterlänge 45 cm.", "45 cm", [45], "cm", mm: [450]),
            Case("Körpergröße 1,8 m.", "1,8 m", [1.8], "m", mm: [1800]),
            Case("Erguss ca. 150 ml.", "150 ml", [150], "ml", mm: nil),
            Case("LVEF 55 %.", "55 %", [55], "%", mm: nil),
            Case("Stenose 70%.", "70%", [70], "%", mm: nil),
            Case("Dichte 35 HU.", "35 HU", [35], "HU", mm: nil),
            Case("Dichte 35 HE.", "35 HE", [35], "HE", mm: nil),
            Case("Fettäquivalente Dichte von -80 HE.", "-80 HE", [-80], "HE", mm: nil),
            Case("Mean PA pressure 35 mm Hg.", "35 mm Hg", [35], "mmHg", mm: nil),
            Case("RVSP 40 mmHg.", "40 mmHg", [40], "mmHg", mm: nil),
            Case("Volumen 30 cm3.", "30 cm3", [30], "cm³", mm: nil),
            Case("Peak velocity 120 cm/s.", "120 cm/s", [120], "cm/s", mm: nil),
            Case("Fläche 12 cm².", "12 cm²", [12], "cm²", mm: nil),
            Case("Cobb-Winkel 25°.", "25°", [25], "°", mm: nil),
            Case("Größenprogredienz 3-4 cm.", "4 cm", [4], "cm", mm: [40]),
        ]
    )
    func singleMeasurement(_ testCase: Case) throws {
        let measurements = parse(testCase.text)
        #expect(measurements.count == 1)
        let measurement = try #require(measurements.first)
        #expect(measurement.text == testCase.measured)
        #expect(measurement.values == testCase.values)
        #expect(measurement.unit == testCase.unit)
        #expect(measurement.millimeters == testCase.millimeters)
        #expect(measurement.span.text(in: testCase.text) == testCase.measured)
    }

    @Test(
        "numbers without a unit are not measurements",
        arguments: [
            "BI-RADS 4.", "Bandscheibenvorfall L4/5.", "Läsion in Segment 7.", "Th12-Fraktur.", "T2-hyperintense Läsion.",
            "Voruntersuchung vom 12.03.2024.", "ACR-Dichte 2, PI-RADS 5.", "Kontrolle in 3 Monaten.", "2 x täglich.",
        ]
    )
    func numbersWithoutUnits(_ text: String) {
        #expect(parse(text).isEmpty)
    }

    @Test func severalMeasurementsInOneSentence() {
        let text = "Zyste links 2,1 cm, rechts 15 mm, Dichte 10 HE."
        let measurements = parse(text)
        #expect(measurements.map(\.text) == ["2,1 cm", "15 mm", "10 HE"])
        #expect(measurements.map(\.millimeters) == [[21], [15], nil])
    }

    @Test func spansAreUTF16OffsetsIntoTheWholeText() throws {
        let text = "Größe: Läsion 1,5 cm."
        let range = try #require(text.range(of: "Läsion 1,5 cm"))
        let measurement = try #require(MeasurementParser().measurements(in: text, range: range).first)
        #expect(measurement.span == TextSpan(start: 14, end: 20))
        #expect(measurement.span.text(in: text) == "1,5 cm")
    }

    @Test func dimensionsWithDifferentUnitsAreRejected() {
        #expect(parse("4 mm x 3 cm").map(\.text) == ["3 cm"])
    }
}
