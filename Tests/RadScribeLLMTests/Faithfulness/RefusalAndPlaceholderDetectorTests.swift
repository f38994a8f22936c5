import Testing

@testable import RadScribeLLM

/// The scanners behind the gate checks, including the report phrasing they must let through.
@Suite("Refusal and placeholder detection")
struct RefusalAndPlaceholderDetectorTests {
    let refusals = RefusalPhraseDetector()
    let placeholders = LeftoverPlaceholderDetector()

    @Test func recognisesRefusalsAndDisclaimersInBothLanguages() {
        let refusals = [
            "I’m sorry, but I can’t assist with that request.",
            "I am unable to interpret medical images.",
            "Please consult a healthcare professional.",
            "Entschuldigung, das kann ich nicht beantworten.",
            "Leider kann ich keine Befunde formulieren.",
            "Als Sprachmodell bin ich nicht in der Lage, Diagnosen zu stellen.",
            "Bitte wenden Sie sich an Ihren Arzt.",
        ]
        for text in refusals {
            #expect(self.refusals.isRefusal(text), "\(text)")
        }
    }

    @Test func letsReportPhrasingThrough() {
        let reports = [
            "A small pneumothorax cannot be excluded.",
            "Eine Fraktur kann nicht sicher ausgeschlossen werden.",
            "No acute cardiopulmonary process. Sorrow-free lungs.",
            "Kein Anhalt für Malignität, leider eingeschränkte Beurteilbarkeit durch Bewegungsartefakte.",
        ]
        for text in reports {
            #expect(!refusals.isRefusal(text), "\(text)")
        }
    }

    @Test func recognisesPlaceholdersInAnyBracket() {
        for text in ["Patient [PERSON_1], geb. [DATE_1].", "Seen on <DATE_2>.", "ID {{PATIENT_ID}}", "Dr. [NAME] informiert", "[A[PERSON_1]"] {
            #expect(placeholders.containsPlaceholder(text), "\(text)")
        }
    }

    @Test func letsBracketedReportTextThrough() {
        for text in ["Vergleich [MRT] unauffällig", "Lesion [KM+] enhancing", "[sic]", "Werte <5 mm", "Index [1]", "[PERSON 1]", "[_X1]"] {
            #expect(!placeholders.containsPlaceholder(text), "\(text)")
        }
    }
}
