import RadScribeCore

/// One stretch of the normalised text and the stretch of the original it came from.
struct OutputPiece {
    var source: Range<Int>
    var output: Range<Int>
    /// The rule that produced the stretch, or `nil` when it is copied unchanged.
    var rule: NormalizationRule?
    var role: PieceRole
}

/// What a piece is, as far as spacing, capitalisation and editing commands care.
enum PieceRole: Equatable {
    /// Words, numbers and other marks; `token` is the source token of a copied word or number.
    case content(token: Int?)
    /// Horizontal whitespace.
    case space
    /// Whitespace with line breaks; `spoken` when a "new line"/"new paragraph" command wrote it.
    case lineBreak(count: Int, spoken: Bool)
    /// Closing punctuation: `.`, `,`, `:`, `;`, `?`, `!`, `)`.
    case punctuation(mark: UInt16, spoken: Bool)
    /// An opening parenthesis.
    case opening(spoken: Bool)
    /// A spoken hyphen or slash, written without spaces.
    case joiner
    /// A navigation command: empty, or the blank line of "next section".
    case command
    /// Text removed by an editing command, together with the command.
    case removal

    /// Whether the piece writes something visible: a word, number or mark.
    var isWritten: Bool {
        switch self {
        case .content, .punctuation, .opening, .joiner: true
        case .space, .lineBreak, .command, .removal: false
        }
    }

    /// Whether the piece is whitespace or a removal, which "scratch that" looks past.
    var isBlank: Bool {
        switch self {
        case .space, .lineBreak, .removal: true
        case .content, .punctuation, .opening, .joiner, .command: false
        }
    }

    /// Whether an editing command ("scratch that") stops at this piece: a clause mark, a line break or a command.
    var isClauseBoundary: Bool {
        switch self {
        case .punctuation(let mark, _): Self.isClauseMark(mark)
        case .lineBreak, .command: true
        default: false
        }
    }

    /// Whether `mark` ends a clause for "scratch that": `.` `,` `:` `;` `?` `!`.
    static func isClauseMark(_ mark: UInt16) -> Bool {
        switch mark {
        case 0x2E, 0x2C, 0x3A, 0x3B, 0x3F, 0x21: true
        default: false
        }
    }
}

/// The normalised text under construction: UTF-16 output plus the pieces that trace it back to the original.
///
/// Pieces are appended in source order and cover the original without gaps; editing commands remove pieces
/// from the end again, so the pieces that remain always describe the output exactly.
struct NormalizationOutput {
    private let source: [UInt16]
    private(set) var units: [UInt16] = []
    private(set) var pieces: [OutputPiece] = []
    private(set) var commands: [DictationCommand] = []

    init(source: [UInt16]) {
        self.source = source
        units.reserveCapacity(source.count + 16)
        pieces.reserveCapacity(source.count / 3 + 1)
    }

    /// Copies `range` of the original unchanged.
    mutating func copy(_ range: Range<Int>, role: PieceRole) {
        let start = units.count
        source.withUnsafeBufferPointer { units.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        pieces.append(OutputPiece(source: range, output: start..<units.count, rule: nil, role: role))
    }

    /// Writes `text` in place of `range` of the original, or copies the range when `text` is what it already says.
    mutating func replace(_ range: Range<Int>, with text: some Collection<UInt16>, rule: NormalizationRule, role: PieceRole) {
        if source[range].elementsEqual(text) {
            copy(range, role: role)
            return
        }
        let start = units.count
        units.append(contentsOf: text)
        pieces.append(OutputPiece(source: range, output: start..<units.count, rule: rule, role: role))
    }

    /// Records a navigation command for the caller.
    mutating func record(_ command: DictationCommand) {
        commands.append(command)
    }

    /// Removes copied spaces at the end of the output and returns where they started in the original.
    mutating func removeTrailingSpaces() -> Int? {
        guard let last = pieces.last, last.role == .space, last.rule == nil else { return nil }
        pieces.removeLast()
        units.removeSubrange(last.output)
        return last.source.lowerBound
    }

    /// Extends the source of the last piece, which must be an edit, up to `end`: the edit swallows the whitespace after it.
    mutating func extendLastEdit(to end: Int) {
        pieces[pieces.count - 1].source = pieces[pieces.count - 1].source.lowerBound..<end
    }

    /// Whether the output is empty or ends with whitespace.
    var isEmptyOrEndsWithWhitespace: Bool {
        guard let last = units.last else { return true }
        return UTF16Class.isWhitespace(last)
    }

    /// Whether the last thing before any trailing spaces is a command or a removal, so the word before it in the
    /// original is no context for what follows.
    var followsCommand: Bool {
        for piece in pieces.reversed() where piece.role != .space {
            return piece.role == .removal || piece.role == .command
        }
        return false
    }

    /// Whether something has been written on the current line, so that a mark can attach to it.
    var hasContentOnCurrentLine: Bool {
        for piece in pieces.reversed() {
            switch piece.role {
            case .space, .removal: continue
            case .lineBreak, .command: return false
            case .content, .punctuation, .opening, .joiner: return true
            }
        }
        return false
    }

    // MARK: - Editing commands

    /// Removes the preceding phrase and the command at `command` ("scratch that").
    ///
    /// The phrase reaches back to the last clause boundary: a `.` `,` `:` `;` `?` `!`, a line break or a navigation
    /// command. When only whitespace (or earlier removals) follows that boundary, a closing clause mark is taken
    /// with the phrase and the search goes one boundary further back, so "Kein Erguss. scratch that" removes
    /// "Kein Erguss." and a second "scratch that" removes the clause before it.
    mutating func removePreviousPhrase(command: Range<Int>) {
        var first = pieces.count
        while first > 0, pieces[first - 1].role.isBlank { first -= 1 }
        if first > 0, case .punctuation(let mark, _) = pieces[first - 1].role, PieceRole.isClauseMark(mark) { first -= 1 }
        while first > 0, !pieces[first - 1].role.isClauseBoundary { first -= 1 }
        removePieces(from: first, through: command, rule: .scratchThat)
    }

    /// Removes the preceding word and the command at `command` ("delete last word").
    ///
    /// The word is the last whitespace-delimited stretch with its punctuation ("Fraktur." goes as a whole), together
    /// with the spaces before it; a line break right before the command is removed instead of a word.
    mutating func removeLastWord(command: Range<Int>) {
        var first = pieces.count
        while first > 0, pieces[first - 1].role == .space || pieces[first - 1].role == .removal { first -= 1 }
        if first > 0, case .lineBreak = pieces[first - 1].role {
            first -= 1
        } else {
            while first > 0, pieces[first - 1].role.isWritten { first -= 1 }
            while first > 0, pieces[first - 1].role == .space { first -= 1 }
        }
        removePieces(from: first, through: command, rule: .deleteLastWord)
    }

    private mutating func removePieces(from first: Int, through command: Range<Int>, rule: NormalizationRule) {
        let sourceStart = first < pieces.count ? pieces[first].source.lowerBound : command.lowerBound
        let outputStart = first < pieces.count ? pieces[first].output.lowerBound : units.count
        units.removeSubrange(outputStart...)
        pieces.removeSubrange(first...)
        pieces.append(OutputPiece(source: sourceStart..<command.upperBound, output: outputStart..<outputStart, rule: rule, role: .removal))
    }

    // MARK: - Capitalisation

    /// Whether a word written now starts a sentence.
    ///
    /// Sentences start at the very beginning, at a paragraph start (a blank line), after a line break written by a
    /// "new line" command, after a navigation command, after ":" followed by a line break, and after ".", "?" or "!"
    /// followed by whitespace. A period that was in the original does not end a sentence when it follows a number
    /// ("3. Rippe", a German ordinal) or an abbreviation (`isAbbreviation`: "ca.", "z. B.", "e.g."); a spoken
    /// "Punkt"/"period" always does.
    /// - Parameter isAbbreviation: Whether the source token before a copied period is an abbreviation or a number.
    func startsSentence(isAbbreviation: (Int) -> Bool) -> Bool {
        var lineBreaks = 0
        var spokenLineBreak = false
        var sawSpace = false
        var position = pieces.count - 1
        while position >= 0 {
            switch pieces[position].role {
            case .removal, .opening:
                break
            case .space:
                sawSpace = true
            case .lineBreak(let count, let spoken):
                lineBreaks += count
                spokenLineBreak = spokenLineBreak || spoken
            case .command:
                return true
            case .content, .joiner:
                return lineBreaks >= 2 || spokenLineBreak
            case .punctuation(let mark, let spoken):
                if lineBreaks >= 2 || spokenLineBreak { return true }
                if mark == 0x3A { return lineBreaks > 0 }
                guard mark == 0x2E || mark == 0x3F || mark == 0x21, lineBreaks > 0 || sawSpace else { return false }
                guard mark == 0x2E, !spoken, position > 0 else { return true }
                if case .content(let token?) = pieces[position - 1].role, isAbbreviation(token) { return false }
                return true
            }
            position -= 1
        }
        return true
    }

    // MARK: - Result

    /// The normalised text with its edits (one per piece that a rule produced) and commands.
    func makeResult() -> NormalizedDictation {
        var edits: [NormalizationEdit] = []
        for piece in pieces {
            guard let rule = piece.rule else { continue }
            edits.append(
                NormalizationEdit(
                    rule: rule.name,
                    source: TextSpan(start: piece.source.lowerBound, end: piece.source.upperBound),
                    output: TextSpan(start: piece.output.lowerBound, end: piece.output.upperBound),
                    sourceText: UTF16Transcoding.string(from: source[piece.source]),
                    outputText: UTF16Transcoding.string(from: units[piece.output])
                )
            )
        }
        return NormalizedDictation(text: UTF16Transcoding.string(from: units[...]), edits: edits, commands: commands)
    }
}
