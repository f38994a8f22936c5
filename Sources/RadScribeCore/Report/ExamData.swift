/// The type-specific structured data that the specialised agents extract.
///
/// Each agent fills its own field; an ensemble run fills several. Fields of agents that did not run are `nil`; an agent
/// that ran but found nothing leaves an empty value, so the field itself records which agent produced what. ``agents``
/// lists the agents in the order they ran, and ``measurements`` merges the measurements all of them used, each once,
/// with the agents that used it.
public struct ExamData: Sendable, Codable, Hashable {
    /// The agents that ran, in rank order.
    public var agents: [ExamType]
    /// Measurements the agents used, in text order, each listed once with every agent that used it.
    public var measurements: [ExamMeasurement]
    /// From the mammography agent.
    public var mammography: MammographyData?
    /// From the spine MRI agent.
    public var spine: SpineData?
    /// From the CT agent.
    public var ct: CTData?
    /// From the ultrasound agent.
    public var ultrasound: UltrasoundData?
    /// From the oncology agent.
    public var oncology: OncologyData?
    /// From the cardiac agent.
    public var cardiac: CardiacData?
    /// From the pathology agent.
    public var pathology: PathologyData?
    /// From the general agent.
    public var general: GeneralData?

    /// Creates exam data; by default empty, as when no agent ran.
    public init(
        agents: [ExamType] = [],
        measurements: [ExamMeasurement] = [],
        mammography: MammographyData? = nil,
        spine: SpineData? = nil,
        ct: CTData? = nil,
        ultrasound: UltrasoundData? = nil,
        oncology: OncologyData? = nil,
        cardiac: CardiacData? = nil,
        pathology: PathologyData? = nil,
        general: GeneralData? = nil
    ) {
        self.agents = agents
        self.measurements = measurements
        self.mammography = mammography
        self.spine = spine
        self.ct = ct
        self.ultrasound = ultrasound
        self.oncology = oncology
        self.cardiac = cardiac
        self.pathology = pathology
        self.general = general
    }
}

// MARK: - Shared

/// A piece of the report text that an extracted value rests on.
public struct TextEvidence: Sendable, Codable, Hashable {
    /// The words as they appear.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates evidence.
    public init(text: String, span: TextSpan) {
        self.text = text
        self.span = span
    }
}

/// A measurement that one or more agents used.
public struct ExamMeasurement: Sendable, Codable, Hashable {
    /// The measurement.
    public var measurement: Measurement
    /// What it measures (an organ id such as `liver`, or `lesion`), when known.
    public var subject: String?
    /// The agents that used it, in the order they ran.
    public var agents: [ExamType]

    /// Creates an exam measurement.
    public init(measurement: Measurement, subject: String?, agents: [ExamType]) {
        self.measurement = measurement
        self.subject = subject
        self.agents = agents
    }
}

// MARK: - Mammography

/// A BI-RADS assessment category (ACR BI-RADS Atlas, 5th edition).
public enum BiRadsCategory: String, Sendable, Codable, Hashable, CaseIterable {
    /// 0: incomplete, needs additional imaging.
    case incomplete = "0"
    /// 1: negative.
    case negative = "1"
    /// 2: benign.
    case benign = "2"
    /// 3: probably benign.
    case probablyBenign = "3"
    /// 4: suspicious.
    case suspicious = "4"
    /// 4a: low suspicion for malignancy.
    case lowSuspicion = "4a"
    /// 4b: moderate suspicion for malignancy.
    case moderateSuspicion = "4b"
    /// 4c: high suspicion for malignancy.
    case highSuspicion = "4c"
    /// 5: highly suggestive of malignancy.
    case highlySuggestive = "5"
    /// 6: known biopsy-proven malignancy.
    case knownMalignancy = "6"
}

/// A BI-RADS category as dictated, for one side or for the exam.
public struct BiRadsAssessment: Sendable, Codable, Hashable {
    /// The breast it refers to; `nil` when the report gives one category for the exam.
    public var side: Laterality?
    /// The category.
    public var category: BiRadsCategory
    /// The dictated words ("BI-RADS 4a").
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates an assessment.
    public init(side: Laterality?, category: BiRadsCategory, text: String, span: TextSpan) {
        self.side = side
        self.category = category
        self.text = text
        self.span = span
    }
}

/// ACR breast composition category a–d.
public enum BreastDensity: String, Sendable, Codable, Hashable, CaseIterable {
    /// a: almost entirely fatty.
    case a
    /// b: scattered areas of fibroglandular density.
    case b
    /// c: heterogeneously dense.
    case c
    /// d: extremely dense.
    case d
}

/// The breast density as dictated.
public struct BreastDensityAssessment: Sendable, Codable, Hashable {
    /// The ACR category.
    public var category: BreastDensity
    /// The dictated words ("ACR Typ C", "heterogeneously dense").
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a density assessment.
    public init(category: BreastDensity, text: String, span: TextSpan) {
        self.category = category
        self.text = text
        self.span = span
    }
}

/// A breast quadrant or region.
public enum BreastQuadrant: String, Sendable, Codable, Hashable, CaseIterable {
    /// Oberer äußerer Quadrant, upper outer quadrant.
    case upperOuter = "upper_outer"
    /// Oberer innerer Quadrant, upper inner quadrant.
    case upperInner = "upper_inner"
    /// Unterer äußerer Quadrant, lower outer quadrant.
    case lowerOuter = "lower_outer"
    /// Unterer innerer Quadrant, lower inner quadrant.
    case lowerInner = "lower_inner"
    /// Retroareolar / central.
    case central
    /// Axillary tail (Recessus axillaris).
    case axillaryTail = "axillary_tail"
}

/// A breast lesion with its location and size.
public struct BreastLesion: Sendable, Codable, Hashable {
    /// The breast.
    public var side: Laterality?
    /// The quadrant or region.
    public var quadrant: BreastQuadrant?
    /// The clock-face position, 1–12.
    public var clockPosition: Int?
    /// The lesion size.
    public var size: Measurement?
    /// The distance from the nipple.
    public var distanceFromNipple: Measurement?
    /// The sentence that describes the lesion.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates a breast lesion.
    public init(
        side: Laterality?,
        quadrant: BreastQuadrant?,
        clockPosition: Int?,
        size: Measurement?,
        distanceFromNipple: Measurement?,
        text: String,
        span: TextSpan
    ) {
        self.side = side
        self.quadrant = quadrant
        self.clockPosition = clockPosition
        self.size = size
        self.distanceFromNipple = distanceFromNipple
        self.text = text
        self.span = span
    }
}

/// What the mammography agent extracts.
public struct MammographyData: Sendable, Codable, Hashable {
    /// BI-RADS categories, per side where the report gives sides, in text order.
    public var assessments: [BiRadsAssessment]
    /// The breast density.
    public var density: BreastDensityAssessment?
    /// Lesions, in text order.
    public var lesions: [BreastLesion]

    /// Creates mammography data.
    public init(assessments: [BiRadsAssessment] = [], density: BreastDensityAssessment? = nil, lesions: [BreastLesion] = []) {
        self.assessments = assessments
        self.density = density
        self.lesions = lesions
    }
}

// MARK: - Spine

/// The kind of a disc finding, from least to most displaced.
public enum DiscFindingKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Vorwölbung, bulging.
    case bulging
    /// Protrusion.
    case protrusion
    /// Extrusion.
    case extrusion
    /// Bandscheibenvorfall, Prolaps, herniation (type not specified further).
    case herniation
    /// Sequester, sequestration.
    case sequestration
}

/// Where a disc finding points.
public enum DiscPosition: String, Sendable, Codable, Hashable, CaseIterable {
    /// Median, central.
    case central
    /// Paramedian, mediolateral.
    case paramedian
    /// Foraminal.
    case foraminal
    /// Extraforaminal, lateral.
    case extraforaminal
    /// Breitbasig, broad-based.
    case broadBased = "broad_based"
    /// Zirkulär, circumferential.
    case circumferential
}

/// A stenosis grade as dictated.
public enum StenosisGrade: String, Sendable, Codable, Hashable, CaseIterable {
    /// Leicht, gering, mild.
    case mild
    /// Leicht- bis mittelgradig, mild to moderate.
    case mildToModerate = "mild_to_moderate"
    /// Mäßig, mittelgradig, moderate.
    case moderate
    /// Mittel- bis hochgradig, moderate to severe.
    case moderateToSevere = "moderate_to_severe"
    /// Hochgradig, severe.
    case severe
}

/// The classic qualifier of a spinal canal stenosis.
public enum StenosisQualifier: String, Sendable, Codable, Hashable, CaseIterable {
    /// Relative stenosis.
    case relative
    /// Absolute stenosis.
    case absolute
}

/// A disc finding at one level.
public struct DiscFinding: Sendable, Codable, Hashable {
    /// What it is.
    public var kind: DiscFindingKind
    /// Its side.
    public var side: Laterality?
    /// Where it points.
    public var position: DiscPosition?
    /// The words that name it ("Bandscheibenvorfall").
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a disc finding.
    public init(kind: DiscFindingKind, side: Laterality?, position: DiscPosition?, text: String, span: TextSpan) {
        self.kind = kind
        self.side = side
        self.position = position
        self.text = text
        self.span = span
    }
}

/// A spinal canal or neuroforaminal stenosis at one level.
public struct StenosisFinding: Sendable, Codable, Hashable {
    /// Its grade.
    public var grade: StenosisGrade?
    /// Absolute or relative.
    public var qualifier: StenosisQualifier?
    /// Its side (for neuroforamina).
    public var side: Laterality?
    /// The words that name it ("Neuroforamenstenose").
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a stenosis finding.
    public init(grade: StenosisGrade?, qualifier: StenosisQualifier?, side: Laterality?, text: String, span: TextSpan) {
        self.grade = grade
        self.qualifier = qualifier
        self.side = side
        self.text = text
        self.span = span
    }
}

/// What the report says about one spinal level.
public struct SpineLevelFindings: Sendable, Codable, Hashable {
    /// The level in canonical form: a segment such as `L4/5`, `L5/S1`, `C7/T1`, or a vertebra such as `T12`;
    /// `nil` for findings dictated without a level.
    public var level: String?
    /// Disc findings.
    public var discs: [DiscFinding]
    /// The spinal canal stenosis.
    public var spinalCanalStenosis: StenosisFinding?
    /// Neuroforaminal stenoses, one per side.
    public var neuroforaminalStenoses: [StenosisFinding]

    /// Creates the findings of one level.
    public init(
        level: String?,
        discs: [DiscFinding] = [],
        spinalCanalStenosis: StenosisFinding? = nil,
        neuroforaminalStenoses: [StenosisFinding] = []
    ) {
        self.level = level
        self.discs = discs
        self.spinalCanalStenosis = spinalCanalStenosis
        self.neuroforaminalStenoses = neuroforaminalStenoses
    }
}

/// What the spine MRI agent extracts.
public struct SpineData: Sendable, Codable, Hashable {
    /// Levels with present (not negated) pathology, cranial to caudal; findings without a level come last.
    public var levels: [SpineLevelFindings]

    /// Creates spine data.
    public init(levels: [SpineLevelFindings] = []) {
        self.levels = levels
    }
}

// MARK: - CT

/// A contrast phase.
public enum ContrastPhase: String, Sendable, Codable, Hashable, CaseIterable {
    /// Nativ, non-contrast.
    case nonContrast = "non_contrast"
    /// Arteriell, arterial.
    case arterial
    /// Portalvenös, portal venous.
    case portalVenous = "portal_venous"
    /// Venös, venous.
    case venous
    /// Spätphase, delayed.
    case delayed
    /// Contrast given, phase not named.
    case contrastEnhanced = "contrast_enhanced"
}

/// A contrast phase as dictated.
public struct ContrastPhaseMention: Sendable, Codable, Hashable {
    /// The phase.
    public var phase: ContrastPhase
    /// The dictated words.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a phase mention.
    public init(phase: ContrastPhase, text: String, span: TextSpan) {
        self.phase = phase
        self.text = text
        self.span = span
    }
}

/// A finding sentence about an organ.
public struct OrganFinding: Sendable, Codable, Hashable {
    /// The organ id (`liver`, `lung`, `lymph_node`, …).
    public var organ: String
    /// Whether the sentence asserts or hedges a finding.
    public var assertion: Assertion
    /// The sentence.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates an organ finding.
    public init(organ: String, assertion: Assertion, text: String, span: TextSpan) {
        self.organ = organ
        self.assertion = assertion
        self.text = text
        self.span = span
    }
}

/// What the CT agent extracts; its measurements are in ``ExamData/measurements``.
public struct CTData: Sendable, Codable, Hashable {
    /// The contrast phases, each once, in text order.
    public var contrastPhases: [ContrastPhaseMention]
    /// Present or possible findings by organ, in text order.
    public var organFindings: [OrganFinding]

    /// Creates CT data.
    public init(contrastPhases: [ContrastPhaseMention] = [], organFindings: [OrganFinding] = []) {
        self.contrastPhases = contrastPhases
        self.organFindings = organFindings
    }
}

// MARK: - Ultrasound

/// Echogenicity relative to the surrounding tissue.
public enum Echogenicity: String, Sendable, Codable, Hashable, CaseIterable {
    /// Echofrei, anechoic.
    case anechoic
    /// Echoarm, hypoechoic.
    case hypoechoic
    /// Isoechogen, isoechoic.
    case isoechoic
    /// Echoreich, hyperechoic.
    case hyperechoic
}

/// An ultrasound finding: organ, echogenicity and size.
public struct UltrasoundFinding: Sendable, Codable, Hashable {
    /// The organ id.
    public var organ: String?
    /// The echogenicity.
    public var echogenicity: Echogenicity?
    /// The size.
    public var size: Measurement?
    /// The sentence.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates an ultrasound finding.
    public init(organ: String?, echogenicity: Echogenicity?, size: Measurement?, text: String, span: TextSpan) {
        self.organ = organ
        self.echogenicity = echogenicity
        self.size = size
        self.text = text
        self.span = span
    }
}

/// What the ultrasound agent extracts.
public struct UltrasoundData: Sendable, Codable, Hashable {
    /// Findings with an echogenicity or a size, in text order.
    public var findings: [UltrasoundFinding]

    /// Creates ultrasound data.
    public init(findings: [UltrasoundFinding] = []) {
        self.findings = findings
    }
}

// MARK: - Oncology

/// A measured target lesion.
public struct TargetLesion: Sendable, Codable, Hashable {
    /// Where it is (organ id), when named.
    public var location: String?
    /// Whether it is a lymph node (measured in its short axis).
    public var isLymphNode: Bool
    /// The diameter that counts: the longest diameter, the short axis for lymph nodes, in millimetres.
    public var diameterMillimeters: Double
    /// The same diameter at the prior exam, in millimetres.
    public var priorDiameterMillimeters: Double?
    /// The current measurement.
    public var measurement: Measurement
    /// The prior value as dictated ("zuvor 2,1 cm").
    public var prior: TextEvidence?
    /// The sentence.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates a target lesion.
    public init(
        location: String?,
        isLymphNode: Bool,
        diameterMillimeters: Double,
        priorDiameterMillimeters: Double?,
        measurement: Measurement,
        prior: TextEvidence?,
        text: String,
        span: TextSpan
    ) {
        self.location = location
        self.isLymphNode = isLymphNode
        self.diameterMillimeters = diameterMillimeters
        self.priorDiameterMillimeters = priorDiameterMillimeters
        self.measurement = measurement
        self.prior = prior
        self.text = text
        self.span = span
    }
}

/// A response word of the report.
public enum ResponseTerm: String, Sendable, Codable, Hashable, CaseIterable {
    /// Progredient, progression.
    case progression
    /// Regredient, regression.
    case regression
    /// Stabil, stable, unverändert.
    case stable
    /// Partielle Remission, partial response.
    case partialResponse = "partial_response"
    /// Komplette Remission, complete response.
    case completeResponse = "complete_response"
}

/// A response word as dictated.
public struct ResponseStatement: Sendable, Codable, Hashable {
    /// What it says.
    public var term: ResponseTerm
    /// The dictated words.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a response statement.
    public init(term: ResponseTerm, text: String, span: TextSpan) {
        self.term = term
        self.text = text
        self.span = span
    }
}

/// A RECIST 1.1-like overall response.
public enum RecistCategory: String, Sendable, Codable, Hashable, CaseIterable {
    /// All target lesions gone (sum 0).
    case completeResponse = "complete_response"
    /// Sum at least 30 % below the prior sum.
    case partialResponse = "partial_response"
    /// Neither partial response nor progression.
    case stableDisease = "stable_disease"
    /// Sum at least 20 % and 5 mm above the prior sum, or new lesions.
    case progressiveDisease = "progressive_disease"
}

/// What the oncology agent extracts.
public struct OncologyData: Sendable, Codable, Hashable {
    /// Target lesions: at most five, at most two per organ, in text order.
    public var targetLesions: [TargetLesion]
    /// The sum of the target lesions' diameters, in millimetres.
    public var sumOfDiametersMillimeters: Double?
    /// The prior sum, when every target lesion has a prior diameter.
    public var priorSumOfDiametersMillimeters: Double?
    /// Response words, in text order.
    public var responseStatements: [ResponseStatement]
    /// Sentences that report new lesions.
    public var newLesions: [TextEvidence]
    /// The category derived from the sums (and new lesions): `nil` when there is nothing to compare.
    public var recistCategory: RecistCategory?

    /// Creates oncology data.
    public init(
        targetLesions: [TargetLesion] = [],
        sumOfDiametersMillimeters: Double? = nil,
        priorSumOfDiametersMillimeters: Double? = nil,
        responseStatements: [ResponseStatement] = [],
        newLesions: [TextEvidence] = [],
        recistCategory: RecistCategory? = nil
    ) {
        self.targetLesions = targetLesions
        self.sumOfDiametersMillimeters = sumOfDiametersMillimeters
        self.priorSumOfDiametersMillimeters = priorSumOfDiametersMillimeters
        self.responseStatements = responseStatements
        self.newLesions = newLesions
        self.recistCategory = recistCategory
    }
}

// MARK: - Cardiac

/// The left-ventricular ejection fraction.
public struct EjectionFraction: Sendable, Codable, Hashable {
    /// The value in percent (the lower bound of a dictated range).
    public var percent: Double
    /// The upper bound of a dictated range ("55–60 %").
    public var upperPercent: Double?
    /// The dictated words.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates an ejection fraction.
    public init(percent: Double, upperPercent: Double?, text: String, span: TextSpan) {
        self.percent = percent
        self.upperPercent = upperPercent
        self.text = text
        self.span = span
    }
}

/// The coronary calcium score after Agatston.
public struct AgatstonScore: Sendable, Codable, Hashable {
    /// The score.
    public var value: Double
    /// The dictated words.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a score.
    public init(value: Double, text: String, span: TextSpan) {
        self.value = value
        self.text = text
        self.span = span
    }
}

/// Regional wall motion.
public enum WallMotion: String, Sendable, Codable, Hashable, CaseIterable {
    /// Normal wall motion.
    case normokinetic
    /// Reduced wall motion.
    case hypokinetic
    /// No wall motion.
    case akinetic
    /// Paradoxical (outward systolic) wall motion.
    case dyskinetic
}

/// A wall motion finding.
public struct WallMotionFinding: Sendable, Codable, Hashable {
    /// The motion.
    public var motion: WallMotion
    /// The segment in English AHA terms ("basal inferior", "apical", "global"), when named.
    public var segment: String?
    /// The dictated words.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a wall motion finding.
    public init(motion: WallMotion, segment: String?, text: String, span: TextSpan) {
        self.motion = motion
        self.segment = segment
        self.text = text
        self.span = span
    }
}

/// What the cardiac agent extracts.
public struct CardiacData: Sendable, Codable, Hashable {
    /// The LV ejection fraction.
    public var lvef: EjectionFraction?
    /// The Agatston score.
    public var agatstonScore: AgatstonScore?
    /// Wall motion findings, in text order.
    public var wallMotion: [WallMotionFinding]

    /// Creates cardiac data.
    public init(lvef: EjectionFraction? = nil, agatstonScore: AgatstonScore? = nil, wallMotion: [WallMotionFinding] = []) {
        self.lvef = lvef
        self.agatstonScore = agatstonScore
        self.wallMotion = wallMotion
    }
}

// MARK: - Pathology

/// The histological grade.
public enum TumorGrade: String, Sendable, Codable, Hashable, CaseIterable {
    /// Well differentiated.
    case g1 = "G1"
    /// Moderately differentiated.
    case g2 = "G2"
    /// Poorly differentiated.
    case g3 = "G3"
    /// Undifferentiated.
    case g4 = "G4"
    /// Cannot be assessed.
    case gx = "GX"
}

/// A grade as dictated.
public struct TumorGrading: Sendable, Codable, Hashable {
    /// The grade.
    public var grade: TumorGrade
    /// The dictated words ("G2", "mäßig differenziert").
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a grading.
    public init(grade: TumorGrade, text: String, span: TextSpan) {
        self.grade = grade
        self.text = text
        self.span = span
    }
}

/// The resection margin status (R classification).
public enum ResectionMargin: String, Sendable, Codable, Hashable, CaseIterable {
    /// No residual tumour; margins free.
    case r0 = "R0"
    /// Microscopic residual tumour; margin involved.
    case r1 = "R1"
    /// Macroscopic residual tumour.
    case r2 = "R2"
    /// Cannot be assessed.
    case rx = "RX"
}

/// A margin status as dictated.
public struct MarginAssessment: Sendable, Codable, Hashable {
    /// The status.
    public var status: ResectionMargin
    /// The dictated words ("R0", "Resektionsrand frei", "margins negative").
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a margin assessment.
    public init(status: ResectionMargin, text: String, span: TextSpan) {
        self.status = status
        self.text = text
        self.span = span
    }
}

/// A TNM classification as dictated ("pT2 pN1a M0").
public struct TNMClassification: Sendable, Codable, Hashable {
    /// The T component with its prefixes ("pT2", "ypT1c").
    public var tumor: String?
    /// The N component ("pN1a").
    public var nodes: String?
    /// The M component ("M0", "cM0").
    public var metastasis: String?
    /// The dictated words.
    public var text: String
    /// Their span in the normalised report text.
    public var span: TextSpan

    /// Creates a TNM classification.
    public init(tumor: String?, nodes: String?, metastasis: String?, text: String, span: TextSpan) {
        self.tumor = tumor
        self.nodes = nodes
        self.metastasis = metastasis
        self.text = text
        self.span = span
    }
}

/// What the pathology agent extracts.
public struct PathologyData: Sendable, Codable, Hashable {
    /// The specimen (the sentence or "Präparat:" section that names it).
    public var specimen: TextEvidence?
    /// The grade.
    public var grading: TumorGrading?
    /// The margin status.
    public var margin: MarginAssessment?
    /// The TNM classification.
    public var tnm: TNMClassification?

    /// Creates pathology data.
    public init(specimen: TextEvidence? = nil, grading: TumorGrading? = nil, margin: MarginAssessment? = nil, tnm: TNMClassification? = nil) {
        self.specimen = specimen
        self.grading = grading
        self.margin = margin
        self.tnm = tnm
    }
}

// MARK: - General

/// A key finding: a present or possible finding sentence.
public struct KeyFinding: Sendable, Codable, Hashable {
    /// Present or possible.
    public var assertion: Assertion
    /// The sentence.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates a key finding.
    public init(assertion: Assertion, text: String, span: TextSpan) {
        self.assertion = assertion
        self.text = text
        self.span = span
    }
}

/// The first mention of an organ.
public struct OrganMention: Sendable, Codable, Hashable {
    /// The organ id.
    public var organ: String
    /// The dictated word.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates an organ mention.
    public init(organ: String, text: String, span: TextSpan) {
        self.organ = organ
        self.text = text
        self.span = span
    }
}

/// What the general (fallback) agent extracts.
public struct GeneralData: Sendable, Codable, Hashable {
    /// Present or possible findings, from the impression when it has any, else from the findings; at most ten.
    public var keyFindings: [KeyFinding]
    /// Organs mentioned, each once, in text order.
    public var organs: [OrganMention]

    /// Creates general data.
    public init(keyFindings: [KeyFinding] = [], organs: [OrganMention] = []) {
        self.keyFindings = keyFindings
        self.organs = organs
    }
}
