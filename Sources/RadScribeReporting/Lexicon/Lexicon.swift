import Foundation
import RadScribeCore

/// RadScribe's bilingual radiology terminology: concepts with German and English terms, built once into
/// token tries for fast longest-match lookup.
///
/// Matching works on folded tokens (case-insensitive, `ä → ae`, `ß → ss`), respects word boundaries, prefers
/// the longest term at each position ("Spannungspneumothorax" over "Pneumothorax", "pleural effusion" over
/// "effusion") and, in German, reads a hyphenated compound like its one-word spelling ("Spannungs-Pneumothorax")
/// and an unlisted compound by its known head noun ("Unterlappenatelektase").
public struct Lexicon: Sendable {
    /// The lexicon bundled with RadScribe (`Resources/Lexicon/lexicon.json`), loaded on first use.
    public static let bundled: Lexicon = {
        guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "json", subdirectory: "Lexicon") else {
            fatalError("RadScribeReporting: Resources/Lexicon/lexicon.json is missing from the bundle")
        }
        do {
            return try Lexicon(jsonData: Data(contentsOf: url))
        } catch {
            fatalError("RadScribeReporting: the bundled lexicon is broken: \(error)")
        }
    }()

    /// The version of the term set, from the file.
    public let version: String
    /// All concepts in file order.
    public let concepts: [LexiconConcept]

    private let conceptIndexByID: [String: Int]
    private let germanTerms: PhraseTrie<TermEntry>
    private let englishTerms: PhraseTrie<TermEntry>
    private let germanCompoundHeads: CompoundHeadIndex
    private let compositions: [Int64: Int32]
    private let composingDescriptors: Set<Int>

    /// Reads a lexicon in the format described at `LexiconFile`.
    ///
    /// - Throws: ``LexiconError`` when the data is not valid JSON of that format, when an id or a term is listed
    ///   twice, when a concept has no term in a language, when a `site` names no anatomy concept, or when a
    ///   `composed_of` entry is not a finding's, names no anatomy or descriptor concept, or repeats another finding's pair.
    public init(jsonData: Data) throws {
        let file: LexiconFile
        do {
            file = try JSONDecoder().decode(LexiconFile.self, from: jsonData)
        } catch let error as DecodingError {
            throw LexiconError("invalid lexicon JSON: \(Self.describe(error))")
        } catch {
            throw LexiconError("invalid lexicon JSON")
        }
        var builder = LexiconBuilder()
        try builder.add(file)
        version = file.version
        concepts = builder.concepts
        conceptIndexByID = builder.conceptIndexByID
        germanTerms = builder.germanTerms
        englishTerms = builder.englishTerms
        germanCompoundHeads = builder.germanCompoundHeads
        compositions = builder.compositions
        composingDescriptors = Set(builder.compositions.keys.map { Int($0 & 0xFFFF_FFFF) })
    }

    /// The concept with this id, if the lexicon has one.
    public func concept(_ id: String) -> LexiconConcept? {
        conceptIndexByID[id].map { concepts[$0] }
    }

    /// All concept mentions in `text`, in text order, without overlaps (longest match first).
    public func matches(in text: String, language: Language) -> [LexiconMatch] {
        let tokenized = TokenizedText(text)
        return conceptMatches(in: tokenized, range: 0..<tokenized.tokens.count, language: language).map { match in
            LexiconMatch(
                concept: concepts[match.concept],
                range: tokenized.range(of: match.tokens),
                span: tokenized.span(of: match.tokens),
                matchedText: tokenized.string(of: match.tokens)
            )
        }
    }

    // MARK: - Token-level matching

    /// A concept found in a token range.
    struct ConceptMatch: Sendable {
        /// The tokens of the mention.
        var tokens: Range<Int>
        /// The index of the concept in ``Lexicon/concepts``.
        var concept: Int
    }

    /// Whether the descriptor concept at `index` names a finding together with some anatomy (`composed_of`).
    func composes(descriptor index: Int) -> Bool {
        composingDescriptors.contains(index)
    }

    /// The finding that the anatomy concept and the descriptor concept at these indices name together, if any.
    func composedFinding(anatomy: Int, descriptor: Int) -> Int? {
        compositions[LexiconBuilder.compositionKey(anatomy: anatomy, descriptor: descriptor)].map(Int.init)
    }

    /// The concept mentions in `range` of an already tokenised text.
    func conceptMatches(in text: TokenizedText, range: Range<Int>, language: Language) -> [ConceptMatch] {
        let trie = language == .de ? germanTerms : englishTerms
        let tokens = text.tokens
        let ids = trie.tokenIDs(of: tokens, in: range)
        var matches: [ConceptMatch] = []
        var position = range.lowerBound
        while position < range.upperBound {
            let match = trie.longestMatch(
                in: tokens,
                ids: ids,
                idOffset: range.lowerBound,
                from: position,
                limit: range.upperBound,
                accept: { entry, candidate in entry.matchesSpelling(of: candidate, in: text) }
            )
            if language == .de, let joined = hyphenatedTerm(in: tokens, at: position, limit: range.upperBound),
                joined.tokens.upperBound > match?.tokens.upperBound ?? position
            {
                matches.append(joined)
                position = joined.tokens.upperBound
                continue
            }
            if let match {
                matches.append(ConceptMatch(tokens: match.tokens, concept: Int(match.value.concept)))
                position = match.tokens.upperBound
                continue
            }
            if language == .de, tokens[position].kind == .word, ids[position - range.lowerBound] < 0,
                let concept = germanCompoundHeads.concept(endingWord: tokens[position].key)
            {
                matches.append(ConceptMatch(tokens: position..<(position + 1), concept: Int(concept)))
            }
            position += 1
        }
        return matches
    }

    /// A German compound written with hyphens whose one-word spelling is a listed term: "Spannungs-Pneumothorax"
    /// reads as "Spannungspneumothorax" (the parts alone would say only "Pneumothorax").
    private func hyphenatedTerm(in tokens: [Token], at position: Int, limit: Int) -> ConceptMatch? {
        guard tokens[position].kind == .word else { return nil }
        var joined = tokens[position].key
        var end = position + 1
        var longest: ConceptMatch?
        while end + 1 < limit, tokens[end].key == "-", !tokens[end].spaceBefore, tokens[end + 1].kind == .word, !tokens[end + 1].spaceBefore {
            joined += tokens[end + 1].key
            end += 2
            if let entry = germanTerms.value(for: [joined]), entry.exactSpelling == nil {
                longest = ConceptMatch(tokens: position..<end, concept: Int(entry.concept))
            }
        }
        return longest
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "unreadable"
        }
    }
}

/// What a stored term points to.
struct TermEntry: Sendable {
    /// The concept index.
    var concept: Int32
    /// For exact-case terms: the required spelling of each non-transparent token.
    var exactSpelling: [String]?

    /// Whether the candidate tokens have the required capitalisation (always true for ordinary terms).
    func matchesSpelling(of tokens: Range<Int>, in text: TokenizedText) -> Bool {
        guard let exactSpelling else { return true }
        var part = 0
        for index in tokens where !text.tokens[index].isTransparent {
            guard part < exactSpelling.count, text.original(index) == exactSpelling[part] else { return false }
            part += 1
        }
        return part == exactSpelling.count
    }
}

/// Validates lexicon file entries and builds the tries.
private struct LexiconBuilder {
    var concepts: [LexiconConcept] = []
    var conceptIndexByID: [String: Int] = [:]
    var germanTerms = PhraseTrie<TermEntry>()
    var englishTerms = PhraseTrie<TermEntry>()
    var germanCompoundHeads = CompoundHeadIndex()
    var compositions: [Int64: Int32] = [:]

    /// The key of an anatomy-descriptor pair in ``compositions``.
    static func compositionKey(anatomy: Int, descriptor: Int) -> Int64 {
        Int64(anatomy) << 32 | Int64(descriptor)
    }

    private struct PendingVariant {
        var keys: [String]
        var concept: Int32
        var language: Language
    }

    mutating func add(_ file: LexiconFile) throws {
        guard !file.version.isEmpty else { throw LexiconError("version is empty") }
        var variants: [PendingVariant] = []
        var compoundHeads: [(String, Int32)] = []
        for entry in file.concepts {
            let index = Int32(concepts.count)
            try validate(entry)
            var examTypes: [ExamType: Double] = [:]
            for (name, weight) in entry.examTypes ?? [:] {
                guard let type = ExamType(rawValue: name) else { throw LexiconError("\(entry.id): unknown exam type \(name)") }
                guard weight.isFinite, weight > 0 else { throw LexiconError("\(entry.id): exam type weight must be positive") }
                examTypes[type] = weight
            }
            let exactCase = try exactCaseTerms(of: entry)
            for language in Language.allCases {
                let listed = language == .de ? entry.de : entry.en
                for term in listed {
                    let tokens = Tokenizer.tokens(of: term, utf8Range: 0..<term.utf8.count, utf16Start: 0).filter { !$0.isTransparent }
                    guard !tokens.isEmpty else { throw LexiconError("\(entry.id): empty \(language.rawValue) term") }
                    try insertExplicit(tokens.map(\.key), entry: TermEntry(concept: index, exactSpelling: nil), language: language, id: entry.id)
                    for variant in TermInflector.variants(of: tokens, language: language).dropFirst() {
                        variants.append(PendingVariant(keys: variant, concept: index, language: language))
                    }
                    if language == .de, entry.compoundHead ?? true, tokens.count == 1, tokens[0].startsUppercase, !tokens[0].isAllUppercase,
                        tokens[0].key.utf8.count >= CompoundHeadIndex.minimumHeadLength
                    {
                        for form in TermInflector.germanNounForms(tokens[0].key) { compoundHeads.append((form, index)) }
                    }
                }
                for term in exactCase[language] ?? [] {
                    let spelling = Tokenizer.tokens(of: term, utf8Range: 0..<term.utf8.count, utf16Start: 0).filter { !$0.isTransparent }
                    let parts = spelling.map { token in
                        String(decoding: term.utf8.dropFirst(token.utf8Start).prefix(token.utf8End - token.utf8Start), as: UTF8.self)
                    }
                    guard !parts.isEmpty else { throw LexiconError("\(entry.id): empty exact-case term") }
                    try insertExplicit(
                        spelling.map(\.key),
                        entry: TermEntry(concept: index, exactSpelling: parts),
                        language: language,
                        id: entry.id
                    )
                }
            }
            var terms: [Language: [String]] = [.de: entry.de, .en: entry.en]
            for (language, extra) in exactCase { terms[language, default: []].append(contentsOf: extra) }
            conceptIndexByID[entry.id] = concepts.count
            concepts.append(
                LexiconConcept(
                    id: entry.id,
                    category: entry.category,
                    critical: entry.critical ?? false,
                    describesChange: entry.change ?? false,
                    site: entry.site,
                    examTypes: examTypes,
                    terms: terms
                )
            )
        }
        for concept in concepts {
            guard let site = concept.site else { continue }
            guard let index = conceptIndexByID[site], concepts[index].category == .anatomy else {
                throw LexiconError("\(concept.id): site \(site) is not an anatomy concept")
            }
        }
        for (index, entry) in file.concepts.enumerated() {
            guard let composition = entry.composedOf else { continue }
            try addComposition(composition, of: index, id: entry.id)
        }
        for variant in variants {
            let entry = TermEntry(concept: variant.concept, exactSpelling: nil)
            if variant.language == .de {
                germanTerms.insert(variant.keys, value: entry)
            } else {
                englishTerms.insert(variant.keys, value: entry)
            }
        }
        for (head, concept) in compoundHeads { germanCompoundHeads.insert(head: head, concept: concept) }
    }

    private mutating func addComposition(_ composition: LexiconFile.Composition, of finding: Int, id: String) throws {
        guard concepts[finding].category == .finding else { throw LexiconError("\(id): composed_of is only for findings") }
        guard !composition.anatomy.isEmpty, !composition.descriptor.isEmpty else {
            throw LexiconError("\(id): composed_of needs an anatomy and a descriptor")
        }
        let anatomy = try composition.anatomy.map { try conceptIndex(of: $0, category: .anatomy, in: id) }
        let descriptors = try composition.descriptor.map { try conceptIndex(of: $0, category: .descriptor, in: id) }
        for part in anatomy {
            for descriptor in descriptors {
                let key = Self.compositionKey(anatomy: part, descriptor: descriptor)
                if let other = compositions[key], Int(other) != finding {
                    throw LexiconError("\(id): \(concepts[part].id) with \(concepts[descriptor].id) already composes \(concepts[Int(other)].id)")
                }
                compositions[key] = Int32(finding)
            }
        }
    }

    private func conceptIndex(of id: String, category: ConceptCategory, in owner: String) throws -> Int {
        guard let index = conceptIndexByID[id], concepts[index].category == category else {
            throw LexiconError("\(owner): composed_of names \(id), which is no \(category.rawValue) concept")
        }
        return index
    }

    private func validate(_ entry: LexiconFile.Concept) throws {
        guard !entry.id.isEmpty, entry.id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else {
            throw LexiconError("concept id \"\(entry.id)\" must be lower-case snake_case")
        }
        guard conceptIndexByID[entry.id] == nil else { throw LexiconError("duplicate concept id \(entry.id)") }
        guard !entry.de.isEmpty else { throw LexiconError("\(entry.id): no German term") }
        guard !entry.en.isEmpty else { throw LexiconError("\(entry.id): no English term") }
    }

    private func exactCaseTerms(of entry: LexiconFile.Concept) throws -> [Language: [String]] {
        var result: [Language: [String]] = [:]
        for (code, terms) in entry.exactCase ?? [:] {
            guard let language = Language(rawValue: code) else { throw LexiconError("\(entry.id): unknown language \(code)") }
            result[language] = terms
        }
        return result
    }

    private mutating func insertExplicit(_ keys: [String], entry: TermEntry, language: Language, id: String) throws {
        let existing = language == .de ? germanTerms.value(for: keys) : englishTerms.value(for: keys)
        if let existing {
            if existing.concept == entry.concept { return }
            let other = concepts.indices.contains(Int(existing.concept)) ? concepts[Int(existing.concept)].id : "another concept"
            throw LexiconError("\(id): \(language.rawValue) term \"\(keys.joined(separator: " "))\" is already a term of \(other)")
        }
        if language == .de {
            germanTerms.insert(keys, value: entry)
        } else {
            englishTerms.insert(keys, value: entry)
        }
    }
}
