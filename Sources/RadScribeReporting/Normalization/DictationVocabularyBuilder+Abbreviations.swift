extension DictationVocabularyBuilder {
    /// Adds the radiology abbreviations that German and English reports write alike, in their canonical case.
    ///
    /// Speech engines write "mrt der lws", "ct thorax mit km", "ekg"; typed reports write "MRT der LWS". Only words
    /// that are no ordinary word of either language are listed: "us", "ms", "pe" and "he" mean other things in English
    /// prose and are left out or listed for German only. Vertebral-body prefixes ("LWK") are listed so that they are
    /// written alike with and without a number after them. Written units get their canonical case only after a
    /// number, as units ("40 hu" → "40 HU", "120 mmhg" → "120 mmHg").
    mutating func addSharedAbbreviations() {
        addAbbreviations([
            // Modalities and procedures
            "CT", "CTA", "MRI", "MRA", "MRCP", "ERCP", "DSA", "SPECT", "PET-CT", "PET-MRI", "SPECT-CT",
            // Sequences, measures and classifications
            "DWI", "ADC", "FLAIR", "SWI", "DTI", "SUV", "ACR",
            // Spine and joints
            "LWS", "HWS", "BWS", "ISG", "LWK", "BWK", "HWK",
            // Clinical terms, vessels and projections
            "EKG", "ECG", "LAE", "COPD", "IVC", "SVC", "PA", "AP",
        ])
        addPhrases(["pet ct"], action: .writtenForm("PET-CT", rule: .abbreviation))
        addPhrases(["spect ct"], action: .writtenForm("SPECT-CT", rule: .abbreviation))
        addUnit(SpokenUnit(symbol: "HU"), names: ["hu"])
        addUnit(SpokenUnit(symbol: "mmHg"), names: ["mmhg"])
    }

    /// Adds abbreviations that only German reports use, or that are English words ("MR" is "Mr" in English).
    ///
    /// "km" (Kontrastmittel) and "ms" (multiple Sklerose) are written units after a number ("50 km", "TR 500 ms") and
    /// abbreviations elsewhere ("mit KM", "bei bekannter MS"); "he" after a number is the Hounsfield unit "HE".
    mutating func addGermanAbbreviations() {
        addAbbreviations(["MRT", "MR", "PET", "PET-MRT", "STIR", "KM", "MS", "KHK", "TEP"])
        addPhrases(["pet mrt"], action: .writtenForm("PET-MRT", rule: .abbreviation))
        addUnit(SpokenUnit(symbol: nil), names: ["km", "ms"])
        addUnit(SpokenUnit(symbol: "HE"), names: ["he"])
    }

    /// Adds abbreviations that only English reports use, and "mr"/"pet" only before an imaging noun ("mr angiography",
    /// "pet scan"), as "Mr Smith" and "pet owner" are English too.
    mutating func addEnglishAbbreviations() {
        addAbbreviations(["MR", "PET"], needsModalityContext: true)
        addPhrases(["pet mri"], action: .writtenForm("PET-MRI", rule: .abbreviation))
        add(
            .modalityContext,
            to: [
                "scan", "scans", "imaging", "study", "studies", "examination", "exam", "angiography", "angiogram", "arthrography", "arthrogram",
                "enterography", "urography", "venography", "venogram", "spectroscopy", "elastography", "perfusion", "cholangiography",
                "cholangiopancreatography", "guided",
            ]
        )
        addUnit(SpokenUnit(symbol: nil), names: ["he", "ms"])
    }
}
