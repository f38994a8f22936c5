/// Recognises an LLM answer that refuses, apologises or disclaims instead of reporting, in German and English.
///
/// Matches whole words, case-insensitively, anywhere in the text ("I'm sorry, I can't…", "As an AI language model…",
/// "I cannot provide medical advice", "Als KI…", "Es tut mir leid…", "Ich kann keine medizinische Beratung…").
/// Apostrophes split words, so "can't" and "can’t" are both "can t". Only phrases in the first person or addressed to
/// a reader are listed: report language such as "cannot be excluded" or "kann nicht ausgeschlossen werden" is no refusal.
struct RefusalPhraseDetector: Sendable {
    private static let phrases = [
        // English
        "i m sorry", "i am sorry", "sorry but", "i apologize", "i apologise", "i can t help", "i cannot help", "i can t assist",
        "i cannot assist", "i can t provide", "i cannot provide", "i can t create", "i cannot create", "i can t generate",
        "i cannot generate", "i can t fulfill", "i cannot fulfill", "i can t comply", "i cannot comply", "i won t be able",
        "i am unable to", "i m unable to", "i am not able to", "i m not able to", "as an ai", "as a language model",
        "as a large language model", "medical advice", "consult a healthcare", "consult a qualified", "consult a doctor",
        "consult your doctor", "consult a medical",
        // German
        "es tut mir leid", "leider kann ich", "ich kann keine", "ich kann nicht", "ich kann ihnen", "ich bin nicht in der lage",
        "ich darf keine", "ich bin eine ki", "ich bin ein ki", "als ki", "als sprachmodell", "als ein sprachmodell",
        "als künstliche intelligenz", "medizinische beratung", "medizinischen rat", "ärztlichen rat", "ärztliche beratung",
        "wenden sie sich an", "entschuldigung",
    ]

    /// The phrases as folded bytes with a closing space, bucketed by their first byte.
    private static let phrasesByFirstByte: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases {
            let bytes = Array((phrase + " ").utf8)
            buckets[Int(bytes[0])].append(bytes)
        }
        return buckets
    }()

    /// Whether `text` contains a refusal or disclaimer phrase.
    func isRefusal(_ text: String) -> Bool {
        let words = Self.foldedWords(of: text)
        for start in words.indices where start == 0 || words[start - 1] == 0x20 {
            for phrase in Self.phrasesByFirstByte[Int(words[start])] where words.count - start >= phrase.count {
                if words[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
            }
        }
        return false
    }

    /// The words of `text` as UTF-8, lower-cased, each followed by one space: maximal runs of ASCII letters and digits
    /// and Latin letters ("ärztlichen"); everything else (apostrophes included) separates words.
    private static func foldedWords(of text: String) -> [UInt8] {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count + 1)
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x30...0x39, 0x61...0x7A:
                words.append(UInt8(value))
            case 0x41...0x5A:
                words.append(UInt8(value + 0x20))
            case 0xC0...0x17F where value != 0xD7 && value != 0xF7:
                let lowered = value <= 0xDE ? value + 0x20 : value
                words.append(UInt8(0xC0 | (lowered >> 6)))
                words.append(UInt8(0x80 | (lowered & 0x3F)))
            default:
                if inWord { words.append(0x20) }
                inWord = false
                continue
            }
            inWord = true
        }
        if inWord { words.append(0x20) }
        return words
    }
}
