import Foundation
import RadScribeCore

/// The lexicon file format, version 1 (`Resources/Lexicon/lexicon.json`).
///
/// ```json
/// {
///   "version": "1.0.0",
///   "concepts": [
///     {
///       "id": "pleural_effusion",
///       "category": "finding",
///       "critical": false,
///       "de": ["Pleuraerguss", "Pleura-Erguss", "Erguss pleural"],
///       "en": ["pleural effusion"],
///       "exact_case": {"en": ["PE"]},
///       "exam_types": {"general": 1.0, "ct_scan": 0.5},
///       "site": "pleura",
///       "change": false,
///       "compound_head": true,
///       "composed_of": {"anatomy": ["pleura"], "descriptor": ["fluid"]}
///     }
///   ]
/// }
/// ```
///
/// - `version`: semantic version of the term set; bump it when terms change.
/// - `id`: stable snake_case id, unique; other components refer to concepts by it.
/// - `category`: one of ``ConceptCategory``.
/// - `critical` (default `false`): an asserted mention is a critical result.
/// - `de`, `en`: the terms per language, preferred term first, then synonyms, spelling variants and abbreviations.
///   Matching ignores case, folds umlauts and ß (`ä → ae`, `ß → ss`) and treats hyphens and full stops as spaces,
///   so "Pleuraerguß", "pleuraerguss" and "Pleura-Erguss" need no entry of their own; regular plurals and German adjective
///   endings are generated (see `TermInflector`), irregular forms ("Ergüsse") are listed.
/// - `exact_case` (optional): further terms per language that match only with exactly this capitalisation
///   (abbreviations that are ordinary words in lower case, such as "US").
/// - `exam_types` (optional): evidence weights per ``ExamType`` raw value for the exam classifier.
/// - `site` (optional): the id of an anatomy concept the finding implies ("Prostatakarzinom" → `prostate`).
/// - `change` (optional, default `false`): the concept describes change over time (see ``LexiconConcept/describesChange``).
/// - `compound_head` (optional, default `true`): whether the concept's German nouns may match as the head of an
///   unlisted compound ("Unterlappenatelektase" → `atelectasis`); switch it off where a head is also an
///   ordinary word ending ("Fusion" in "Perfusion").
/// - `composed_of` (optional, findings only): anatomy and descriptor concept ids that name the finding together when they
///   stand next to each other in a clause ("heart size is mildly enlarged", "Herzsilhouette verbreitert" → `cardiomegaly`
///   with `{"anatomy": ["heart", "cardiac_silhouette"], "descriptor": ["enlargement", "widening"]}`).
struct LexiconFile: Decodable {
    /// The term set's version.
    var version: String
    /// The concepts, in file order.
    var concepts: [Concept]

    /// One concept entry of the file.
    struct Concept: Decodable {
        var id: String
        var category: ConceptCategory
        var critical: Bool?
        var de: [String]
        var en: [String]
        var exactCase: [String: [String]]?
        var examTypes: [String: Double]?
        var site: String?
        var change: Bool?
        var compoundHead: Bool?
        var composedOf: Composition?

        enum CodingKeys: String, CodingKey {
            case id, category, critical, de, en, site, change
            case exactCase = "exact_case"
            case examTypes = "exam_types"
            case compoundHead = "compound_head"
            case composedOf = "composed_of"
        }
    }

    /// The anatomy and descriptor concepts that name a finding together.
    struct Composition: Decodable {
        var anatomy: [String]
        var descriptor: [String]
    }
}

/// A lexicon file that cannot be used: invalid JSON, a missing field, an unknown category or exam type,
/// a duplicate id or term, or a site that names no anatomy concept.
public struct LexiconError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the concept id where there is one.
    public let message: String

    /// Creates an error with a message.
    init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { "lexicon: \(message)" }
}
