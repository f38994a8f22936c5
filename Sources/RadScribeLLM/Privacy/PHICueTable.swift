/// Phrases that announce PHI ("geb.", "Pat.-Nr.", "referring physician"), matched token by token, longest first.
///
/// Each phrase is tokenised like the dictation, so "Pat.-Nr." matches the tokens `Pat . - Nr .` and nothing else;
/// list spelling variants ("Pat. Nr.") as phrases of their own.
struct PHICueTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var keys: [String]
        var value: Value
    }

    private let entries: [String: [Entry]]
    private let firstKeys: PHIWordSet
    private let matchesCase: Bool

    /// Creates a table of `phrases`, compared in lower case unless `matchesCase` is set.
    init(_ phrases: [(String, Value)], matchesCase: Bool = false) {
        var entries: [String: [Entry]] = [:]
        for (phrase, value) in phrases {
            let tokens = PHITokenizedText(phrase).tokens
            let keys = tokens.map { matchesCase ? $0.text : $0.key }
            guard let first = keys.first else { continue }
            entries[first, default: []].append(Entry(keys: keys, value: value))
        }
        self.entries = entries.mapValues { $0.sorted { $0.keys.count > $1.keys.count } }
        self.firstKeys = PHIWordSet(entries.keys)
        self.matchesCase = matchesCase
    }

    /// Creates a table of `phrases` that all mean the same.
    init(_ phrases: [String], value: Value, matchesCase: Bool = false) {
        self.init(phrases.map { ($0, value) }, matchesCase: matchesCase)
    }

    /// The longest phrase that starts at token `index`: its value and the index of the first token after it.
    func match(at index: Int, in text: PHITokenizedText) -> (value: Value, end: Int)? {
        guard index < text.count, firstKeys.contains(key(text[index])), let candidates = entries[key(text[index])] else { return nil }
        for entry in candidates where index + entry.keys.count <= text.count {
            let matches = entry.keys.indices.allSatisfy { offset in key(text[index + offset]) == entry.keys[offset] }
            if matches { return (entry.value, index + entry.keys.count) }
        }
        return nil
    }

    private func key(_ token: PHIToken) -> String {
        matchesCase ? token.text : token.key
    }
}
