import RadScribeCore

/// Display names of the anatomy ids the checks name in their messages.
enum CheckAnatomyNames {
    private static let names: [String: (de: String, en: String)] = [
        "kidney": ("Niere", "kidney"),
        "liver": ("Leber", "liver"),
        "spleen": ("Milz", "spleen"),
        "thyroid": ("Schilddrüse", "thyroid"),
        "gallbladder": ("Gallenblase", "gallbladder"),
        "pancreas": ("Pankreas", "pancreas"),
        "adrenal_gland": ("Nebenniere", "adrenal gland"),
        "lymph_node": ("Lymphknoten", "lymph node"),
        "aorta": ("Aorta", "aorta"),
        "prostate": ("Prostata", "prostate"),
        "seminal_vesicle": ("Samenblase", "seminal vesicle"),
        "testis": ("Hoden", "testis"),
        "ovary": ("Ovar", "ovary"),
        "uterus": ("Uterus", "uterus"),
        "cervix_uteri": ("Zervix", "cervix"),
        "endometrium": ("Endometrium", "endometrium"),
    ]

    /// The name of anatomy `id` in `language`; an unknown id is shown with spaces for underscores.
    static func name(of id: String, in language: Language) -> String {
        guard let name = names[id] else { return String(id.map { $0 == "_" ? " " : $0 }) }
        switch language {
        case .de: return name.de
        case .en: return name.en
        }
    }
}
