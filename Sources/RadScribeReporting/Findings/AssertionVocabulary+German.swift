extension AssertionVocabulary {
    /// German cues, written for radiology reports.
    static let germanGroups: [(AssertionTrigger, [String])] = [
        (
            .pseudo,
            [
                "nicht nur", "nicht ausschließlich", "nicht zuletzt", "kein Zweifel", "keine Zweifel", "ohne Zweifel", "zweifellos",
                "sonst unauffällig", "ansonsten unauffällig", "im Übrigen unauffällig",
            ]
        ),
        (
            .negatedChange,
            combinations(
                of: ["kein", "keine", "keiner", "keinen", "ohne"],
                with: [
                    "Befundänderung", "wesentliche Befundänderung", "relevante Befundänderung", "signifikante Befundänderung",
                    "Änderung", "wesentliche Änderung", "relevante Änderung", "Veränderung", "wesentliche Veränderung",
                    "relevante Veränderung", "Größenänderung", "wesentliche Größenänderung", "Größenzunahme",
                    "wesentliche Größenzunahme", "Größenprogredienz", "Progredienz", "Befundprogredienz", "Zunahme",
                    "wesentliche Zunahme", "Befundverschlechterung", "Verschlechterung", "Dynamik",
                ]
            )
        ),
        (
            .uncertaintyAround,
            germanAdjective("fraglich") + germanAdjective("möglich") + germanAdjective("wahrscheinlich")
                + germanAdjective("vermutlich") + germanAdjective("unwahrscheinlich") + germanAdjective("denkbar") + [
                    "nicht sicher", "nicht eindeutig", "nicht mit Sicherheit", "nicht ganz sicher", "nicht unwahrscheinlich",
                    "möglicherweise", "versus", "vs", "nicht auszuschließen", "nicht sicher auszuschließen",
                    "nicht ganz auszuschließen", "nicht völlig auszuschließen", "nicht ausgeschlossen", "nicht sicher ausgeschlossen",
                    "nicht ausschließen", "nicht sicher ausschließen",
                ]
        ),
        (
            .uncertaintyBefore,
            [
                "V. a.", "Verdacht auf", "Verdacht", "dringender Verdacht auf", "verdächtig auf", "suspekt auf", "am ehesten", "a. e.",
                "DD", "Differentialdiagnose", "Differenzialdiagnose", "differentialdiagnostisch", "differenzialdiagnostisch",
                "vereinbar mit", "passend zu", "hinweisend auf", "Ausschluss", "zum Ausschluss", "Frage nach",
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
                "ohne Zeichen", "ohne Zeichen einer", "ohne Zeichen eines", "frei von",
            ]
        ),
        (.negationAround, ["nicht mehr"]),
        (
            .negationAfter,
            [
                "ausgeschlossen", "sicher ausgeschlossen", "nicht nachweisbar", "nicht mehr nachweisbar", "nicht abgrenzbar",
                "nicht mehr abgrenzbar", "nicht darstellbar", "nicht mehr darstellbar", "nicht erkennbar", "nicht sichtbar",
                "nicht vorhanden", "nicht mehr vorhanden", "nicht nachzuweisen", "nicht abzugrenzen", "nicht zu erkennen",
                "nicht feststellbar", "nicht nachweisen", "nicht abgrenzen", "nicht darstellen", "fehlt", "fehlen",
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
        (.listConjunction, ["oder", "und", "noch", "bzw."]),
        (AssertionTrigger(effect: .comma, direction: []), [","]),
    ]
}
