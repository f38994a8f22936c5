/// A quick estimate of how many LLM tokens a text takes, for reserving rate-limit budget before a call.
///
/// It is an estimate, not a tokenizer: English and German prose runs at about four characters per token in the
/// common BPE vocabularies, so each ASCII character counts a quarter token. A two-byte UTF-8 character (umlauts,
/// `ß`, accents, Greek, Cyrillic) counts half a token, because BPE vocabularies often split it from its word; a
/// character of three or four UTF-8 bytes (CJK, symbols, emoji) counts a whole token. The result rounds up.
/// ``ProviderRateLimiter/settle(_:actualTokens:at:)`` corrects the reservation with the provider's real count.
public enum PromptTokenEstimator {
    /// The estimated token count of `text`; 0 for an empty text.
    public static func estimatedTokens(in text: some StringProtocol) -> Int {
        var quarterTokens = 0
        for byte in text.utf8 {
            switch byte {
            case 0x00..<0x80: quarterTokens += 1
            case 0xC0..<0xE0: quarterTokens += 2
            case 0xE0...: quarterTokens += 4
            default: break  // a continuation byte: its character was counted at the lead byte
            }
        }
        return (quarterTokens + 3) / 4
    }
}
