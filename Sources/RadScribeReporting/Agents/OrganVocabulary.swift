/// Organ and region words (German and English) mapped to a stable English id such as `liver` or `lymph_node`.
///
/// German organ names start many compounds ("Leberzyste", "Nierenstein"), so most entries also match as a compound
/// prefix (`leber+`) or head (`*lymphknoten`).
enum OrganVocabulary {
    /// The organ table.
    static let table = PhraseTable<String>(
        entries: [
            (
                "lung",
                [
                    "lunge*", "lungen+", "lung", "lungs", "pulmonal*", "pulmonary", "pulmo", "oberlappen*", "unterlappen*", "mittellappen*",
                    "lingula", "upper lobe", "lower lobe", "middle lobe",
                ]
            ),
            ("pleura", ["pleura*", "pleura+", "pleural"]),
            ("heart", ["herz", "herzens", "herz+", "heart", "cardiac", "kardial*", "myokard*", "myocardial", "myocardium", "perikard*"]),
            ("mediastinum", ["mediastinum", "mediastinal*", "mediastinums"]),
            ("liver", ["leber", "leber+", "hepar", "hepatisch*", "liver", "hepatic"]),
            ("gallbladder", ["gallenblase", "gallenblasen+", "gallbladder", "gall bladder"]),
            ("bile_duct", ["gallenwege", "gallengang*", "choledochus", "bile duct", "bile ducts", "biliary"]),
            ("pancreas", ["pankreas", "pankreas+", "pancreas", "pancreatic"]),
            ("spleen", ["milz", "milz+", "spleen", "splenic", "lien"]),
            ("kidney", ["niere*", "nieren+", "kidney", "kidneys", "renal"]),
            ("adrenal", ["nebenniere*", "nebennieren+", "adrenal", "adrenals", "adrenal gland"]),
            ("bladder", ["harnblase*", "harnblasen+", "urinary bladder", "bladder"]),
            ("prostate", ["prostata", "prostata+", "prostate"]),
            ("uterus", ["uterus", "uterus+", "gebärmutter", "uterine"]),
            ("ovary", ["ovar*", "ovarien", "ovary", "ovaries", "adnexe*", "adnexa"]),
            (
                "bowel",
                [
                    "darm", "darm+", "dünndarm*", "dickdarm*", "kolon", "colon", "sigma", "rektum", "rectum", "bowel", "ileum", "jejunum",
                    "duodenum", "appendix",
                ]
            ),
            ("stomach", ["magen", "magen+", "stomach", "gastric"]),
            ("esophagus", ["ösophagus", "esophagus", "oesophagus"]),
            ("aorta", ["aorta", "aorten+", "aortal*", "aortic"]),
            (
                "lymph_node",
                [
                    "lymphknoten", "lymphknoten+", "*lymphknoten", "lymph node", "lymph nodes", "nodal", "lymphadenopathie",
                    "lymphadenopathy",
                ]
            ),
            ("bone", ["knochen", "knochen+", "ossär*", "skelett*", "osseous", "bone", "bones", "skeletal"]),
            ("vertebra", ["wirbelkörper*", "vertebra", "vertebrae", "vertebral", "wirbelsäule", "spine"]),
            ("brain", ["gehirn", "hirn", "hirn+", "brain", "cerebral", "zerebral*", "cerebellum", "kleinhirn"]),
            ("thyroid", ["schilddrüse*", "schilddrüsen+", "thyroid"]),
            ("breast", ["mamma", "mammae", "brust", "breast", "breasts"]),
            ("soft_tissue", ["weichteil*", "soft tissue", "soft tissues"]),
            ("diaphragm", ["zwerchfell*", "diaphragm", "hemidiaphragm", "hemidiaphragms"]),
            ("peritoneum", ["peritoneum", "peritoneal", "bauchfell"]),
        ].flatMap { organ, words in words.map { ($0, organ) } }
    )
}
