import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Bundled lexicon")
struct BundledLexiconTests {
    private let lexicon = Lexicon.bundled

    @Test func loadsWithVersionAndAtLeastFourHundredConcepts() {
        #expect(!lexicon.version.isEmpty)
        #expect(lexicon.version.split(separator: ".").count == 3)
        #expect(lexicon.concepts.count >= 400)
    }

    @Test func everyCategoryHasConcepts() {
        for category in ConceptCategory.allCases {
            #expect(lexicon.concepts.contains { $0.category == category }, "no \(category) concept")
        }
    }

    @Test(arguments: [
        "pneumothorax", "tension_pneumothorax", "pulmonary_embolism", "intracranial_hemorrhage", "subarachnoid_hemorrhage",
        "subdural_hematoma", "epidural_hematoma", "free_air", "aortic_dissection", "aortic_rupture", "cord_compression",
        "cauda_equina_syndrome", "bowel_ischemia", "bowel_perforation", "testicular_torsion", "ovarian_torsion", "ectopic_pregnancy",
        "acute_infarct", "brain_herniation", "mesenteric_ischemia",
    ])
    func criticalFindingExistsAndIsCritical(id: String) throws {
        let concept = try #require(lexicon.concept(id))
        #expect(concept.category == .finding)
        #expect(concept.critical)
    }

    @Test(arguments: [
        "prostate", "testis", "seminal_vesicle", "uterus", "ovary", "cervix_uteri", "endometrium", "kidney", "liver", "spleen", "thyroid",
        "gallbladder", "pancreas", "adrenal_gland", "lymph_node", "aorta", "breast", "lung", "brain", "heart", "spinal_canal",
        "neural_foramen", "intervertebral_disc",
    ])
    func requiredAnatomyExists(id: String) throws {
        let concept = try #require(lexicon.concept(id))
        #expect(concept.category == .anatomy)
        #expect(!concept.critical)
    }

    @Test(arguments: [
        "atelectasis", "cardiomegaly", "pleural_effusion", "infiltrate", "mass", "nodule", "pneumonia", "consolidation",
        "pulmonary_edema", "emphysema", "fibrosis", "pleural_thickening", "hernia", "hiatal_hernia", "disc_herniation",
        "disc_protrusion", "disc_extrusion", "disc_bulge", "spinal_canal_stenosis", "neuroforaminal_stenosis", "spondylolisthesis",
        "osteochondrosis", "modic_changes", "nerve_root_compression",
    ])
    func requiredFindingExistsAndIsNotCritical(id: String) throws {
        let concept = try #require(lexicon.concept(id))
        #expect(concept.category == .finding)
        #expect(!concept.critical)
    }

    @Test func modalitiesOfBothLanguagesExist() {
        let expected: [(String, String, String)] = [
            ("ct", "Computertomographie", "computed tomography"), ("mri", "MRT", "MRI"), ("ultrasound", "Sonographie", "ultrasound"),
            ("mammography", "Mammographie", "mammography"), ("xray", "Röntgen", "X-ray"), ("pet_ct", "PET-CT", "PET-CT"),
            ("scintigraphy", "Szintigraphie", "scintigraphy"), ("dsa", "DSA", "DSA"),
        ]
        for (id, german, english) in expected {
            #expect(lexicon.concept(id)?.category == .modality, "\(id)")
            #expect(lexicon.matches(in: german, language: .de).map(\.concept.id) == [id], "\(german)")
            #expect(lexicon.matches(in: english, language: .en).map(\.concept.id) == [id], "\(english)")
        }
    }

    /// The loader rejects a concept without a term in either language (see `LexiconValidationTests`); here every preferred
    /// term is a real term (not the id fallback) that matches its own concept and nothing else.
    @Test func everyConceptHasGermanAndEnglishTermsThatMatchIt() {
        for concept in lexicon.concepts {
            #expect(concept.preferredTerm(in: .de) != concept.id, "\(concept.id) has no German term")
            for language in Language.allCases {
                let term = concept.preferredTerm(in: language)
                #expect(!term.contains("_"), "\(concept.id) has no \(language.rawValue) term")
                let matches = lexicon.matches(in: term, language: language)
                #expect(matches.map(\.concept.id) == [concept.id], "\(language.rawValue) \"\(term)\" of \(concept.id)")
            }
        }
    }

    @Test func sitesNameAnatomyConcepts() {
        let sited = lexicon.concepts.filter { $0.site != nil }
        #expect(sited.count > 100)
        for concept in sited {
            #expect(lexicon.concept(concept.site ?? "")?.category == .anatomy, "\(concept.id)")
        }
        #expect(lexicon.concept("prostate_cancer")?.site == "prostate")
        #expect(lexicon.concept("ovarian_torsion")?.site == "ovary")
        #expect(lexicon.concept("testicular_torsion")?.site == "testis")
    }

    @Test func examTypeWeightsPointToTheRightExams() throws {
        let weights: [(String, ExamType)] = [
            ("bi_rads", .mammography), ("microcalcifications", .mammography), ("disc_herniation", .spineMRI),
            ("neuroforaminal_stenosis", .spineMRI), ("ct", .ctScan), ("hounsfield_units", .ctScan), ("hypoechoic", .ultrasound),
            ("doppler", .ultrasound), ("recist", .oncology), ("target_lesion", .oncology), ("ejection_fraction", .cardiac),
            ("agatston_score", .cardiac), ("resection_margin", .pathology), ("tumor_grade", .pathology), ("chest_xray", .general),
        ]
        for (id, examType) in weights {
            let concept = try #require(lexicon.concept(id))
            let strongest = concept.examTypes.max { $0.value < $1.value }?.key
            #expect(strongest == examType, "\(id)")
        }
        #expect(lexicon.concepts.filter { !$0.examTypes.isEmpty }.count > 400)
    }

    @Test func organsWithAnEnlargementWordComposeTheirFinding() throws {
        let pairs: [(String, String, String)] = [
            ("heart", "enlargement", "cardiomegaly"), ("cardiac_silhouette", "widening", "cardiomegaly"),
            ("mediastinum", "widening", "mediastinal_widening"), ("liver", "enlargement", "hepatomegaly"),
            ("spleen", "enlargement", "splenomegaly"), ("lymph_node", "enlargement", "lymphadenopathy"),
            ("aorta", "dilatation", "aortic_dilatation"),
        ]
        func index(_ id: String) throws -> Int { try #require(lexicon.concepts.firstIndex { $0.id == id }) }
        for (anatomy, descriptor, finding) in pairs {
            let composed = lexicon.composedFinding(anatomy: try index(anatomy), descriptor: try index(descriptor))
            #expect(composed.map { lexicon.concepts[$0].id } == finding, "\(anatomy) + \(descriptor)")
        }
        #expect(lexicon.composedFinding(anatomy: try index("mediastinum"), descriptor: try index("enlargement")) == nil)
    }

    @Test func changeConceptsAreMarked() {
        for id in ["progression", "regression", "stable_disease", "new_lesion"] {
            #expect(lexicon.concept(id)?.describesChange == true, "\(id)")
        }
        #expect(lexicon.concept("metastasis")?.describesChange == false)
    }
}
