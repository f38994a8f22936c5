import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Lexicon matching (bundled terms)")
struct LexiconMatchingTests {
    private let lexicon = Lexicon.bundled

    private func ids(_ text: String, _ language: Language) -> [String] {
        lexicon.matches(in: text, language: language).map(\.concept.id)
    }

    private func mentions(_ text: String, _ language: Language) -> [String] {
        lexicon.matches(in: text, language: language).map { "\($0.matchedText)=\($0.concept.id)" }
    }

    // MARK: - German

    @Test func germanChestReport() {
        #expect(
            mentions("Kleiner Pleuraerguss links, Unterlappenatelektase rechts. Kein Pneumothorax, keine Stauung.", .de) == [
                "Pleuraerguss=pleural_effusion", "Unterlappenatelektase=atelectasis", "Pneumothorax=pneumothorax",
            ]
        )
    }

    @Test func germanLongestMatchWins() {
        #expect(ids("Spannungspneumothorax", .de) == ["tension_pneumothorax"])
        #expect(ids("Kein Anhalt für einen Spannungspneu", .de) == ["tension_pneumothorax"])
        #expect(ids("Kompression der Nervenwurzel L5", .de) == ["nerve_root_compression"])
        #expect(ids("Nervenwurzel L5 unauffällig", .de) == ["nerve_root", "normal_finding"])
        #expect(ids("rupturiertes Bauchaortenaneurysma", .de) == ["aortic_rupture"])
        #expect(ids("Bauchaortenaneurysma", .de) == ["aortic_aneurysm"])
    }

    @Test func germanUnlistedCompoundsReadByTheirHead() {
        #expect(mentions("Mittellappenatelektase", .de) == ["Mittellappenatelektase=atelectasis"])
        #expect(ids("Oberlappenpneumonie links", .de) == ["pneumonia"])
        #expect(ids("Radiusfraktur distal", .de) == ["fracture"])
        #expect(ids("Nierenzyste", .de) == ["cyst"])
        #expect(ids("Sigmaperforation", .de) == ["bowel_perforation"])
    }

    @Test func germanListedCompoundBeatsItsHead() {
        #expect(ids("Lymphknotenmetastase", .de) == ["lymph_node_metastasis"])
        #expect(ids("Hirnblutung", .de) == ["intracranial_hemorrhage"])
        #expect(ids("Gelenkerguss", .de) == ["joint_effusion"])
        #expect(ids("Bluterguss", .de) == ["hematoma"])
    }

    @Test func germanHeadsDoNotMatchInsideOrdinaryWords() {
        #expect(ids("Perfusion regelrecht", .de) == ["vascularity", "normal_finding"])
        #expect(ids("Infusion läuft", .de).isEmpty)
        #expect(ids("in korrekter und korrekten Lage", .de).isEmpty)
        #expect(ids("nach Rücksprache mit den Abteilungen", .de).isEmpty)
        #expect(ids("im aktuellen Vergleich", .de) == ["comparison"])
        #expect(ids("lässt sich nicht sicher definieren", .de).isEmpty)
        #expect(ids("persistent und konsistent", .de).isEmpty)
        #expect(ids("Sachverhalt", .de).isEmpty)
    }

    @Test func germanFoldingOfSpeechEngineText() {
        #expect(ids("pleuraerguss", .de) == ["pleural_effusion"])
        #expect(ids("PLEURAERGUSS", .de) == ["pleural_effusion"])
        #expect(ids("Pleuraerguß", .de) == ["pleural_effusion"])
        #expect(ids("pleura-erguss", .de) == ["pleural_effusion"])
        #expect(ids("Spannungs-Pneumothorax", .de) == ["tension_pneumothorax"])
        #expect(ids("CT-Thorax", .de) == ["ct", "thorax"])
        #expect(ids("Stanford-A-Dissektion", .de) == ["aortic_dissection"])
        #expect(ids("haematothorax", .de) == ["hemothorax"])
        #expect(ids("Hämatothorax", .de) == ["hemothorax"])
        #expect(ids("Schädelkalottenfraktur", .de) == ["skull_fracture"])
        #expect(ids("schaedelkalottenfraktur", .de) == ["skull_fracture"])
    }

    @Test func germanPluralsAndIrregularForms() {
        #expect(ids("Ergüsse beidseits", .de) == ["pleural_effusion"])
        #expect(ids("Pleuraergüsse", .de) == ["pleural_effusion"])
        #expect(ids("multiple Lebermetastasen", .de) == ["multifocal", "liver_metastasis"])
        #expect(ids("Thromben", .de) == ["thrombosis"])
        #expect(ids("zwei Zysten", .de) == ["cyst"])
    }

    @Test func germanAdjectivesOfATermInflectTogether() {
        #expect(ids("Keine freie Luft.", .de) == ["free_air"])
        #expect(ids("Nachweis freier intraabdomineller Luft", .de) == ["free_air"])
        #expect(ids("im oberen äußeren Quadranten", .de) == ["breast_quadrant"])
        #expect(ids("neu aufgetretener Herd", .de) == ["new_lesion"])
        #expect(ids("vergrößerte Lymphknoten", .de) == ["lymphadenopathy"])
    }

    @Test func germanAbbreviations() {
        #expect(ids("ZVK über die V. jugularis interna", .de) == ["central_venous_catheter", "jugular_vein"])
        #expect(ids("SAB und SDH", .de) == ["subarachnoid_hemorrhage", "subdural_hematoma"])
        #expect(ids("LWS-MRT", .de) == ["spine_mri_exam"])
        #expect(ids("MRT der LWS", .de) == ["mri", "lumbar_spine"])
        #expect(ids("Z. n. Hüft-TEP", .de) == ["postoperative_status", "joint_prosthesis"])
    }

    @Test func germanExactCaseAbbreviations() {
        #expect(ids("LE beidseits", .de) == ["pulmonary_embolism"])
        #expect(ids("le", .de).isEmpty)
        #expect(ids("KM-Gabe", .de) == ["contrast_agent"])
        #expect(ids("nach KM", .de) == ["contrast_agent"])
        #expect(ids("5 km", .de).isEmpty)
        #expect(ids("MS", .de) == ["multiple_sclerosis"])
        #expect(ids("10 ms", .de).isEmpty)
    }

    @Test func germanSpineReport() {
        let text = "LWK 4/5: breitbasige Bandscheibenprotrusion mit Neuroforamenstenose und Kontakt zur Nervenwurzel, Spinalkanalstenose."
        #expect(
            ids(text, .de) == ["disc_protrusion", "neuroforaminal_stenosis", "nerve_root", "spinal_canal_stenosis"]
        )
        #expect(ids("Osteochondrose mit Modic-Veränderungen Typ I", .de) == ["osteochondrosis", "modic_changes"])
        #expect(ids("Wurzelkompression L5", .de) == ["nerve_root_compression"])
    }

    @Test func germanSexSpecificAnatomy() {
        #expect(ids("Prostatakarzinom", .de) == ["prostate_cancer"])
        #expect(ids("Prostata vergrößert", .de) == ["prostate", "enlargement"])
        #expect(ids("Uterus und Ovarien", .de) == ["uterus", "ovary"])
        #expect(ids("Samenblasen", .de) == ["seminal_vesicle"])
        #expect(ids("Hodentorsion", .de) == ["testicular_torsion"])
    }

    // MARK: - English

    @Test func englishChestReport() {
        #expect(
            mentions("Small bilateral pleural effusions. Left lower lobe atelectasis. No pneumothorax.", .en) == [
                "pleural effusions=pleural_effusion", "lower lobe=lower_lobe", "atelectasis=atelectasis", "pneumothorax=pneumothorax",
            ]
        )
    }

    @Test func englishLongestMatchAndMultiWordTerms() {
        #expect(ids("tension pneumothorax", .en) == ["tension_pneumothorax"])
        #expect(ids("pulmonary vascular congestion", .en) == ["pulmonary_congestion"])
        #expect(ids("pulmonary nodule", .en) == ["nodule"])
        #expect(ids("pulmonary artery", .en) == ["pulmonary_artery"])
        #expect(ids("disc herniation at L4-5", .en) == ["disc_herniation"])
        #expect(ids("compression of the spinal cord", .en) == ["cord_compression"])
        #expect(ids("ground-glass opacity", .en) == ["ground_glass_opacity"])
        #expect(ids("ground glass opacities", .en) == ["ground_glass_opacity"])
    }

    @Test func signsStayApartFromTheDiseasesTheySuggest() {
        #expect(ids("hyperinflation", .en) == ["hyperinflation"])
        #expect(ids("hyperexpanded", .en) == ["hyperinflation"])
        #expect(ids("Überblähung", .de) == ["hyperinflation"])
        #expect(ids("emphysema", .en) == ["emphysema"])
        #expect(ids("Lungenemphysem", .de) == ["emphysema"])
        #expect(ids("central vascular congestion", .en) == ["pulmonary_congestion"])
        #expect(ids("pulmonalvenöse Stauung", .de) == ["pulmonary_congestion"])
        #expect(ids("interstitial edema", .en) == ["pulmonary_edema"])
        #expect(ids("alveoläres Lungenödem", .de) == ["pulmonary_edema"])
        #expect(ids("patchy airspace disease", .en) == ["opacity"])
        #expect(ids("nodular infiltrate", .en) == ["infiltrate"])
        #expect(ids("changes of cystic fibrosis", .en) == ["cystic_fibrosis"])
        #expect(ids("Mukoviszidose", .de) == ["cystic_fibrosis"])
    }

    @Test func englishPlurals() {
        #expect(ids("nodules", .en) == ["nodule"])
        #expect(ids("metastases", .en) == ["metastasis"])
        #expect(ids("emboli", .en) == ["embolism"])
        #expect(ids("diverticula", .en) == ["diverticulosis"])
        #expect(ids("bullae", .en) == ["bulla"])
    }

    @Test func englishExactCaseAbbreviations() {
        #expect(ids("US of the abdomen", .en) == ["ultrasound", "abdomen"])
        #expect(ids("let us see", .en).isEmpty)
        #expect(ids("No PE.", .en) == ["pulmonary_embolism"])
        #expect(ids("pe", .en).isEmpty)
        #expect(ids("PET", .en) == ["pet_ct"])
        #expect(ids("the pet", .en).isEmpty)
        #expect(ids("MS plaques", .en) == ["multiple_sclerosis", "plaque"])
        #expect(ids("PCa", .en) == ["prostate_cancer"])
    }

    @Test func englishWordsMatchOnlyWhole() {
        #expect(ids("Perfusion normal", .en) == ["vascularity", "normal_finding"])
        #expect(ids("fusion", .en) == ["spinal_fusion"])
        #expect(ids("infusion", .en).isEmpty)
        #expect(ids("masses", .en) == ["mass"])
        #expect(ids("massive", .en) == ["severe"])
    }

    @Test func englishAdjectiveYieldsToLongerTerms() {
        #expect(ids("aortic dissection", .en) == ["aortic_dissection"])
        #expect(ids("aortic valve", .en) == ["aortic_valve"])
        #expect(ids("aortic root", .en) == ["aortic_root"])
        #expect(ids("aorta", .en) == ["aorta"])
    }

    // MARK: - Spans

    @Test func spansAndRangesPointIntoTheText() throws {
        let text = "Zustand nach Lobektomie. Größenprogrediente Lebermetastasen (Ø 2 cm) und Pleuraerguß."
        let matches = lexicon.matches(in: text, language: .de)
        #expect(matches.map(\.concept.id) == ["postoperative_status", "lung_resection", "progression", "liver_metastasis", "pleural_effusion"])
        for match in matches {
            #expect(String(text[match.range]) == match.matchedText)
            #expect(match.span.substring(of: text).map(String.init) == match.matchedText)
        }
        let effusion = try #require(matches.last)
        #expect(effusion.span == TextSpan(start: text.utf16.count - 12, end: text.utf16.count - 1))
    }

    @Test func matchesStayWithinOneLanguage() {
        #expect(ids("Pleuraerguss", .en).isEmpty)
        #expect(ids("enlarged heart", .de).isEmpty)
    }

    @Test func emptyAndPunctuationOnlyTextsHaveNoMatches() {
        #expect(ids("", .de).isEmpty)
        #expect(ids(" . , - ", .en).isEmpty)
    }
}
