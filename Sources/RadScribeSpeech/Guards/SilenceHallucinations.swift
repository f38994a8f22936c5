import RadScribeCore

/// Phrases Whisper is known to write when it hears silence, breathing or noise: the closing lines and subtitle
/// credits of the videos it was trained on.
///
/// This is data: add a phrase as Whisper writes it. Matching folds case, punctuation and spacing (umlauts stay),
/// treats hyphens as spaces and lets any year from 1990 to 2039 stand for any other, so "Copyright WDR 2021" also
/// covers "Copyright WDR 2019". Every entry must be something a radiologist never dictates as a sentence of its own:
/// "Danke." qualifies, "kein Nachweis." does not.
enum SilenceHallucinations {
    /// Phrases Whisper writes on silence whatever the language it decodes in (mostly English video endings).
    static let anyLanguage: [String] = [
        "you",
        "Thank you.",
        "Thank you very much.",
        "Thank you so much.",
        "Thanks.",
        "Thanks for watching!",
        "Thank you for watching.",
        "Thanks for watching, and I'll see you next time.",
        "Thank you for watching, and I'll see you in the next video.",
        "Thanks for watching and don't forget to subscribe.",
        "Please subscribe.",
        "Please subscribe to my channel.",
        "Please like and subscribe.",
        "Don't forget to like and subscribe.",
        "Subscribe to my channel.",
        "I'll see you next time.",
        "See you next time.",
        "See you in the next video.",
        "Bye.",
        "Bye-bye.",
        "Goodbye.",
        "Subtitles by the Amara.org community",
        "Subtitles by Amara.org",
        "Amara.org",
        "www.mooji.org",
        "Transcription by CastingWords",
        "[BLANK_AUDIO]",
        "[Music]",
        "[Silence]",
        "(upbeat music)",
    ]

    /// Phrases Whisper writes on silence when it decodes in one language.
    static let byLanguage: [Language: [String]] = [
        .de: [
            "Vielen Dank.",
            "Vielen herzlichen Dank.",
            "Herzlichen Dank.",
            "Danke.",
            "Danke schön.",
            "Dankeschön.",
            "Danke fürs Zuschauen.",
            "Danke für's Zuschauen.",
            "Vielen Dank fürs Zuschauen.",
            "Vielen Dank für's Zuschauen.",
            "Vielen Dank für Ihre Aufmerksamkeit.",
            "Tschüss.",
            "Tschüs.",
            "Ciao.",
            "Bis zum nächsten Mal.",
            "Bis bald.",
            "Bis dann.",
            "Das war's.",
            "Das war's für heute.",
            "Abonniert den Kanal.",
            "Untertitel im Auftrag des ZDF, 2017",
            "Untertitel im Auftrag des ZDF für funk, 2017",
            "Untertitelung im Auftrag des ZDF, 2021",
            "Untertitelung des ZDF für funk, 2017",
            "Untertitelung des ZDF, 2020",
            "Untertitelung. BR 2018",
            "Untertitel der Amara.org-Community",
            "Untertitel von Stephanie Geiges",
            "Copyright WDR 2021",
            "SWR 2021",
            "[Musik]",
        ],
        .en: [],
    ]
}
