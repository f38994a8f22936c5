extension AssertionVocabulary {
    /// German cues, written for radiology reports.
    static let germanGroups: [(AssertionTrigger, [String])] = [
        (
            .pseudo,
            [
                "nicht nur", "nicht ausschließlich", "nicht zuletzt", "kein Zweifel", "keine Zweifel", "ohne Zweifel", "zweifellos",
                "sonst unauffällig", "ansonsten unauffällig", "im Übrigen unauffällig", "kein Korrelat", "kein morphologisches Korrelat",
                "keine Ursache", "keine Erklärung",
            ]
        ),
        (
            .uncertaintyAround,
            germanAdjective("fraglich") + germanAdjective("möglich") + germanAdjective("wahrscheinlich")
                + germanAdjective("vermutlich") + germanAdjective("unwahrscheinlich") + germanAdjective("denkbar") + [
                    "nicht sicher", "nicht eindeutig", "nicht mit Sicherheit", "nicht ganz sicher", "nicht unwahrscheinlich",
                    "möglicherweise", "versus", "vs", "nicht auszuschließen", "nicht sicher auszuschließen",
                    "nicht ganz auszuschließen", "nicht völlig auszuschließen", "nicht ausgeschlossen", "nicht sicher ausgeschlossen",
                    "nicht ausschließen", "nicht sicher ausschließen", "nicht zwingend", "nicht unbedingt", "nicht notwendigerweise",
                ]
        ),
        (
            .uncertaintyBefore,
            [
                "V. a.", "Verdacht auf", "Verdacht", "dringender Verdacht auf", "verdächtig auf", "suspekt auf", "am ehesten", "a. e.",
                "DD", "Differentialdiagnose", "Differenzialdiagnose", "differentialdiagnostisch", "differenzialdiagnostisch",
                "vereinbar mit", "passend zu", "hinweisend auf", "Ausschluss", "zum Ausschluss", "Frage nach", "eher",
                "am ehesten bei", "am ehesten im Rahmen", "am ehesten bedingt durch", "am ehesten durch", "am ehesten infolge",
                "am ehesten aufgrund", "vermutlich im Rahmen", "vermutlich bedingt durch", "wahrscheinlich im Rahmen",
                "wahrscheinlich bedingt durch", "möglicherweise im Rahmen", "möglicherweise bedingt durch",
            ]
        ),
        (
            .uncertaintyAfter,
            ["nicht sicher abgrenzbar", "nicht sicher nachweisbar", "?"]
        ),
        (
            .negationBefore,
            [
                "kein", "keine", "keiner", "keinen", "keines", "keinem", "keinerlei", "ohne", "nicht", "weder",
                "kein Nachweis", "kein Nachweis von", "kein Nachweis einer", "kein Nachweis eines", "kein Nachweis eine",
                "kein sicherer Nachweis", "ohne Nachweis", "ohne Nachweis von", "ohne Nachweis einer", "ohne Nachweis eines",
                "kein Anhalt für", "keine Anhaltspunkte für", "kein Hinweis auf", "keine Hinweise auf", "kein sicherer Hinweis auf",
                "ohne Hinweis auf", "ohne Anhalt für", "keine Zeichen", "keine Zeichen einer", "keine Zeichen eines",
                "ohne Zeichen", "ohne Zeichen einer", "ohne Zeichen eines", "frei von", "kein Verdacht auf", "kein Verdacht",
                "ohne Verdacht auf", "Fehlen von", "Fehlen eines", "Fehlen einer", "spricht gegen", "sprechen gegen",
            ] + germanAdjective("fehlend")
        ),
        (.negationAround, ["nicht mehr", "verneint", "verneinte"]),
        (
            .negationAfter,
            [
                "ausgeschlossen", "sicher ausgeschlossen", "nicht nachweisbar", "nicht mehr nachweisbar", "nicht abgrenzbar",
                "nicht mehr abgrenzbar", "nicht darstellbar", "nicht mehr darstellbar", "nicht erkennbar", "nicht sichtbar",
                "nicht vorhanden", "nicht mehr vorhanden", "nicht nachzuweisen", "nicht abzugrenzen", "nicht zu erkennen",
                "nicht feststellbar", "nicht nachweisen", "nicht abgrenzen", "nicht darstellen", "fehlt", "fehlen",
                "nicht gesehen", "nicht dargestellt", "nicht nachgewiesen", "nicht abgegrenzt", "nicht erkannt", "nicht festgestellt",
                "zeigt sich nicht", "zeigen sich nicht", "findet sich nicht", "finden sich nicht", "besteht nicht", "bestehen nicht",
                "auszuschließen", "sicher auszuschließen", "ausschließen", "entfernt",
                "unauffällig", "vollständig regredient", "komplett regredient", "vollständig rückgebildet", "nicht zu sehen",
            ]
        ),
        (
            .terminator,
            [
                "aber", "jedoch", "allerdings", "dagegen", "hingegen", "wohingegen", "während", "außer", "abgesehen von", "bis auf",
                "mit Ausnahme", "ausgenommen", "bei", "nach", "wegen", "aufgrund", "infolge", "bedingt durch", "im Rahmen",
                "welche", "welcher", "welches", "welchen", "welchem", "wobei", "sondern", "trotz", "ansonsten", "sonst",
                "Z. n.", "Zustand nach", "als Ursache", ";", ":",
            ]
        ),
        (.listConjunction, ["oder", "und", "noch", "bzw.", "/"]),
        (AssertionTrigger(effect: .comma, direction: []), [","]),
    ]

    /// German words for change over time.
    static let germanChangeWords = [
        "Befundänderung", "Änderung", "Veränderung", "Befundveränderung", "Größenänderung", "Größenveränderung", "Größenzunahme",
        "Größenabnahme", "Größenprogredienz", "Größenregredienz", "Größenprogression", "Größenwachstum", "Progredienz", "Regredienz",
        "Progression", "Befundprogredienz", "Befundregredienz", "Zunahme", "Abnahme", "Befundverschlechterung",
        "Verschlechterung", "Befundbesserung", "Besserung", "Dynamik", "Befunddynamik", "Größendynamik", "Anstieg", "Wachstum",
        "verändert", "geändert", "progredient", "größenprogredient", "regredient", "zugenommen", "abgenommen", "gewachsen",
    ]

    /// German words that may stand between a negation and a change word.
    static let germanChangeQualifiers = [
        "wesentlich", "relevant", "signifikant", "deutlich", "eindeutig", "nennenswert", "messbar", "sicher", "weiter",
        "zwischenzeitlich", "erneut", "ein", "eine", "einer", "eines", "einen", "einem",
    ]
}
