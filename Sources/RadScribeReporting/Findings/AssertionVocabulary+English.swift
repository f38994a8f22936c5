extension AssertionVocabulary {
    /// English cues, written for radiology and clinical reports.
    static let englishGroups: [(AssertionTrigger, [String])] = [
        (
            .pseudo,
            [
                "not only", "gram negative", "no doubt", "without doubt", "without difficulty", "not necessarily",
                "otherwise unremarkable", "otherwise normal", "not drain", "not extend", "to suggest",
            ]
        ),
        (
            .uncertaintyAround,
            [
                "possible", "possibly", "probable", "probably", "likely", "most likely", "unlikely", "questionable", "equivocal",
                "suspected", "presumed", "presumably", "versus", "vs", "doubtful", "not certain", "uncertain", "favored", "favoured",
            ]
        ),
        (
            .uncertaintyBefore,
            [
                "suspicious for", "suspicious of", "concerning for", "worrisome for", "suggestive of", "compatible with",
                "may represent", "may be", "might be", "could be", "could represent", "may reflect", "might represent",
                "cannot exclude", "can not exclude", "cannot rule out", "can not rule out", "cannot be excluded that",
                "differential diagnosis", "differential includes", "differential diagnosis includes", "ddx", "rule out",
                "to rule out", "r/o", "question of", "question", "evaluate for", "evaluation for", "assess for", "suspect",
                "suspicion for", "suspicion of", "may also be", "might also be", "could also be", "may also represent", "may indicate",
                "might indicate", "could indicate", "could reflect", "might reflect", "suggest", "suggests", "suggesting",
                "suggestion of", "favoring", "favouring", "favor", "favour", "may be due to", "may be secondary to", "could be due to",
                "could be secondary to", "possibly due to", "possibly secondary to", "probably due to", "probably secondary to",
                "likely due to", "likely secondary to", "difficult to exclude", "difficult to completely exclude",
                "difficult to entirely exclude", "correlate clinically for", "correlate for", "clinical correlation for",
            ]
        ),
        (
            .uncertaintyAfter,
            [
                "cannot be excluded", "can not be excluded", "cannot be ruled out", "can not be ruled out", "not be excluded",
                "not be ruled out", "not excluded", "not ruled out", "not been excluded", "not been ruled out", "?",
                "in the differential", "a consideration", "a differential consideration",
            ]
        ),
        (
            .negationBefore,
            [
                "no", "not", "without", "no evidence of", "no evidence for", "without evidence of", "no sign of", "no signs of",
                "negative for", "free of", "clear of", "absence of", "denies", "denied", "denying", "deny", "never",
                "neither", "no longer", "fails to reveal", "failed to reveal", "resolution of", "rather than",
            ]
        ),
        (.negationAround, ["resolved", "has resolved", "have resolved", "cleared", "has cleared", "have cleared", "absent"]),
        (
            .negationAfter,
            [
                "not seen", "not identified", "not visualized", "not visualised", "not appreciated", "not demonstrated",
                "not detected", "not present", "not noted", "not evident", "not apparent", "not visible", "not found",
                "ruled out", "excluded", "negative", "unremarkable", "not well seen", "not well visualized", "not well visualised",
                "no longer seen", "no longer visible", "no longer identified",
            ]
        ),
        (
            .terminator,
            [
                "but", "however", "although", "though", "except", "except for", "apart from", "aside from", "other than",
                "which", "who", "whose", "yet", "nevertheless", "whereas", "due to", "secondary to", "because of",
                "as a result of", "cause of", "causes of", "source of", "etiology of", "origin of", "reason for", "status post",
                "s/p", "after", "positive for", ";", ":",
            ]
        ),
        (.listConjunction, ["or", "nor", "and", "/"]),
        (AssertionTrigger(effect: .comma, direction: []), [","]),
    ]

    /// English words for change over time.
    static let englishChangeWords = [
        "change", "changed", "increase", "increased", "decrease", "decreased", "progression", "progressed", "regression",
        "worsening", "worsened", "growth", "enlargement", "improvement", "improved",
    ]

    /// English words that may stand between a negation and a change word.
    static let englishChangeQualifiers = [
        "significant", "significantly", "interval", "appreciable", "appreciably", "substantial", "substantially", "definite",
        "definitely", "major", "measurable", "relevant", "further", "apparent", "notable", "a", "an", "any", "the",
    ]
}
