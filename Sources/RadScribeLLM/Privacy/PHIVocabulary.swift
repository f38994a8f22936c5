/// Word lists that more than one PHI detector consults, all in lower case.
enum PHIVocabulary {
    /// Units and count nouns after which a number is a measurement or a dose, not an identifier, a house number or a
    /// postcode.
    static let units: PHIWordSet = [
        "mm", "cm", "m", "km", "µm", "ml", "l", "dl", "µl", "ul", "cl", "mg", "g", "kg", "µg", "ug", "ng", "mmol", "µmol",
        "mol", "ie", "iu", "e", "u", "units", "einheiten", "hu", "he", "%", "‰", "gy", "cgy", "mgy", "sv", "msv", "bq",
        "kbq", "mbq", "gbq", "s", "sec", "sek", "min", "h", "std", "hz", "khz", "mhz", "t", "kv", "kev", "mev", "mas",
        "ms", "x", "×", "mmhg", "°",
    ]

    /// Honorific cue words that raw speech recognition output or a normaliser may capitalise; they do not make a text
    /// count as written in mixed case.
    static let caselessCues: PHIWordSet = ["herr", "herrn", "frau", "doktor", "doctor", "professor", "dr", "prof"]

    /// Words that are never a name, although a cue ("Patient", "Frau", "Zuweiser:") or a house number may come before
    /// them: function words, German nouns common in dictations and the cue words themselves.
    static let nonNames: PHIWordSet = [
        // German function words and verbs that follow "Frau", "Herr" or "Patient" in running text.
        "mit", "ohne", "und", "oder", "sowie", "bei", "von", "vom", "zu", "zur", "zum", "im", "in", "am", "an", "auf", "aus",
        "nach", "seit", "für", "über", "unter", "vor", "wegen", "der", "die", "das", "den", "dem", "des", "ein", "eine",
        "einer", "einem", "einen", "eines", "kein", "keine", "keiner", "nicht", "hat", "hatte", "ist", "war", "wird",
        "wurde", "wurden", "klagt", "berichtet", "gibt", "zeigt", "kommt", "kam", "erhielt", "erhält", "stellt", "stellte",
        "befindet", "leidet", "beschreibt", "verneint", "erscheint", "sei", "soll", "wirkt", "bitte", "jetzt", "heute",
        "gestern", "aktuell", "bereits", "erneut", "nun", "noch", "sehr", "geehrte", "geehrter", "liebe", "lieber",
        "telefonisch", "persönlich", "mündlich", "erfolgt", "erfolgte", "informiert", "verständigt", "benachrichtigt",
        "besprochen", "mitgeteilt", "aufgeklärt", "gesprochen", "telefoniert", "gefaxt", "gesendet", "geschickt",
        "angerufen", "gesehen", "vorgestellt", "überwiesen", "zugewiesen", "untersucht",
        // English function words and verbs.
        "the", "a", "an", "and", "or", "of", "with", "without", "in", "on", "at", "for", "to", "from", "by", "is", "was",
        "has", "had", "have", "who", "which", "that", "this", "presents", "presented", "reports", "reported", "complains",
        "denies", "underwent", "states", "stated", "describes", "notes", "noted", "informed", "called", "contacted",
        "today", "yesterday", "again", "currently",
        // Cue words and titles.
        "herr", "herrn", "frau", "patient", "patientin", "patienten", "pat", "name", "vorname", "nachname", "zuweiser",
        "zuweiserin", "dr", "prof", "doktor", "doctor", "professor", "kollege", "kollegin", "kollegen", "colleague", "mr",
        "mrs", "ms", "miss", "mister", "nr", "no", "id", "pid", "mrn", "tel", "fax", "telefon", "geb", "dob", "geburtsdatum",
        "adresse", "anschrift", "wohnhaft", "fallnummer", "versichertennummer", "auftragsnummer", "accession", "arzt",
        "ärztin", "oberarzt", "oberärztin", "chefarzt", "chefärztin", "assistenzarzt", "assistenzärztin", "facharzt",
        "fachärztin", "radiologe", "radiologin",
        // Nouns that follow a cue in German and English dictations.
        "befund", "befunde", "zustand", "verdacht", "mitte", "anfang", "ende", "alter", "jahre", "jahren", "jahr",
        "untersuchung", "voruntersuchung", "vorbefund", "vorbefunde", "aufnahme", "indikation", "fragestellung", "klinik",
        "klinische", "klinischer", "angaben", "anamnese", "diagnose", "therapie", "hausarzt", "hausärztin", "praxis",
        "station", "ambulanz", "abteilung", "notaufnahme", "radiologie", "chirurgie", "innere", "medizin", "neurologie",
        "kardiologie", "onkologie", "orthopädie", "urologie", "gynäkologie", "unfallchirurgie", "schmerzen", "beschwerden",
        "kontrolle", "verlaufskontrolle", "verlauf", "nachsorge", "sturz", "trauma", "unfall", "fieber", "dyspnoe",
        "husten", "staging", "tumor", "lagerung", "vorbereitung", "aufklärung", "einverständnis", "gewicht", "größe",
        "geschlecht", "daten", "position", "positioning", "information", "preparation", "consent", "weight", "height",
        "age", "sex", "gender", "identifier", "details", "data", "history", "status", "unknown", "none", "physician",
        "radiologist", "clinic", "hospital", "department", "ward", "emergency", "follow", "known", "post", "prior",
        "previous", "pain", "fall", "fever", "cough", "admitted", "scheduled", "radiology", "surgery", "oncology",
        "neurology", "cardiology", "urology", "unbekannt", "nachricht", "rückruf", "rücksprache", "übermittelt", "hause",
        "home",
    ]
}
