/// The units a measurement may carry, with their written form and, for lengths, the factor to millimetres.
struct MeasurementUnit: Sendable {
    /// The unit as reported ("mm", "ml", "HU", "cm²", "cm/s").
    var symbol: String
    /// Millimetres per unit for lengths, `nil` for every other quantity.
    var millimetersPerUnit: Double?

    /// Folded unit word → unit.
    static let byKey: [String: MeasurementUnit] = {
        var units: [String: MeasurementUnit] = [
            "mm": MeasurementUnit(symbol: "mm", millimetersPerUnit: 1),
            "cm": MeasurementUnit(symbol: "cm", millimetersPerUnit: 10),
            "m": MeasurementUnit(symbol: "m", millimetersPerUnit: 1000),
            "%": MeasurementUnit(symbol: "%", millimetersPerUnit: nil),
            "°": MeasurementUnit(symbol: "°", millimetersPerUnit: nil),
            "grad": MeasurementUnit(symbol: "°", millimetersPerUnit: nil),
            "mmhg": millimetresOfMercury,
        ]
        let others = [
            "ml", "ccm", "HU", "HE", "mSv", "mGy", "Gy", "kg", "g", "mg", "MBq", "kV", "mAs", "ms", "cGy",
        ]
        for symbol in others {
            units[Tokenizer.keys(of: symbol)[0]] = MeasurementUnit(symbol: symbol, millimetersPerUnit: nil)
        }
        return units
    }()

    /// Millimetres of mercury, also when written "mm Hg".
    static let millimetresOfMercury = MeasurementUnit(symbol: "mmHg", millimetersPerUnit: nil)

    /// Length units that become area or volume units with a power after them ("cm²", "cm3").
    static let powers: [String: String] = ["²": "²", "2": "²", "³": "³", "3": "³"]

    /// Folded words after a slash that make a rate or ratio ("cm/s", "ml/min", "mg/kg").
    static let denominators: [String: String] = ["s": "s", "sec": "s", "min": "min", "h": "h", "kg": "kg", "m": "m"]

    /// This unit raised to a power: an area or volume, no longer a length.
    func raised(to power: String) -> MeasurementUnit {
        MeasurementUnit(symbol: symbol + power, millimetersPerUnit: nil)
    }

    /// This unit per another: a rate, no longer a length.
    func per(_ denominator: String) -> MeasurementUnit {
        MeasurementUnit(symbol: "\(symbol)/\(denominator)", millimetersPerUnit: nil)
    }
}
