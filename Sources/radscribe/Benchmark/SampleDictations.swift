/// Typical dictations of 1–2 KB, written for the benchmark: speech-engine style (lower case, spelled numbers, spoken
/// headers and punctuation) and typed style, German and English, of different exam types.
enum SampleDictations {
    /// A sample and the language it is in.
    struct Sample {
        var name: String
        var language: String
        var text: String
    }

    static let all: [Sample] = [
        Sample(
            name: "spine-mri-de-spoken",
            language: "de",
            text: """
                mrt der lendenwirbelsäule nativ klinische angaben seit drei wochen lumboischialgie links mit ausstrahlung in das \
                linke bein fragestellung bandscheibenvorfall punkt technik sagittale t1 und t2 gewichtete sequenzen sowie \
                transversale t2 sequenzen von l drei bis s eins punkt keine voraufnahmen zum vergleich punkt befund regelrechte \
                lordose der lendenwirbelsäule punkt keine wirbelkörperfraktur punkt osteochondrose l vier fünf und l fünf s eins \
                mit modic typ zwei veränderungen punkt in höhe l vier fünf mediolinks betonter bandscheibenvorfall mit einer \
                ausdehnung von sieben millimeter nach kaudal komma dadurch kompression der rezessal verlaufenden nervenwurzel l \
                fünf links punkt mäßige spinalkanalstenose in dieser höhe punkt neuroforamen l vier fünf links hochgradig \
                eingeengt komma rechts frei punkt in höhe l fünf s eins breitbasige bandscheibenprotrusion ohne neurokompression \
                punkt kein anhalt für eine spondylodiszitis punkt conus medullaris in normaler höhe bei l eins punkt neuer absatz \
                beurteilung mediolinks betonter bandscheibenvorfall l vier fünf mit kompression der nervenwurzel l fünf links \
                und mäßiger spinalkanalstenose punkt hochgradige neuroforamenstenose l vier fünf links punkt osteochondrose l \
                vier fünf und l fünf s eins punkt empfehlung klinische korrelation komma gegebenenfalls vorstellung in der \
                wirbelsäulenchirurgie punkt
                """
        ),
        Sample(
            name: "ct-chest-abdomen-en-typed",
            language: "en",
            text: """
                CT CHEST, ABDOMEN AND PELVIS WITH CONTRAST

                CLINICAL HISTORY: 67-year-old man with weight loss and right upper quadrant pain. Rule out malignancy.

                TECHNIQUE: Helical CT of the chest, abdomen and pelvis in the portal venous phase after intravenous contrast. \
                Comparison: CT abdomen from 03/2024.

                FINDINGS: No pulmonary embolism in the visualized central pulmonary arteries. Small right pleural effusion. No \
                pneumothorax. A 9 mm solid nodule in the right lower lobe, previously 6 mm. No mediastinal lymphadenopathy. \
                The liver is enlarged at 19 cm with two hypodense lesions in segment VII measuring 2.4 x 2.1 cm and 1.8 cm, \
                suspicious for metastases. The gallbladder contains multiple stones without wall thickening. The pancreas, \
                spleen and adrenal glands are unremarkable. The left kidney has a simple cortical cyst of 3.5 cm. No \
                hydronephrosis. No free air. No free fluid. The abdominal aorta is of normal caliber. Degenerative changes of \
                the lumbar spine without suspicious osseous lesion.

                IMPRESSION: 1. Two hepatic lesions in segment VII, suspicious for metastases; MRI of the liver is recommended. \
                2. Growing right lower lobe nodule, now 9 mm. 3. Small right pleural effusion. 4. Cholecystolithiasis without \
                signs of cholecystitis.

                RECOMMENDATION: Tumor board discussion and tissue sampling of the liver lesion.
                """
        ),
        Sample(
            name: "mammography-de-typed",
            language: "de",
            text: """
                Mammographie beidseits in zwei Ebenen.

                Klinische Angaben: Tastbefund rechts oben außen seit zwei Monaten. Familiäre Belastung (Mutter Mammakarzinom).

                Technik: Digitale Mammographie beidseits cc und mlo, ergänzende Sonographie der rechten Mamma. Voraufnahmen \
                vom 05/2023 liegen vor.

                Befund: Heterogen dichtes Drüsengewebe, ACR Typ C. Rechts oben außen bei 10 Uhr, 4 cm von der Mamille \
                entfernt, unscharf begrenzter Herdbefund mit 14 x 11 mm und gruppierten pleomorphen Mikroverkalkungen, \
                in den Voraufnahmen nicht abgrenzbar. Sonographisch korrespondierend echoarme, nicht parallel orientierte \
                Läsion mit 13 mm und dorsaler Schallauslöschung. Axillär rechts ein Lymphknoten mit verdickter Rinde von 4 mm. \
                Links kein suspekter Herdbefund, keine suspekten Mikroverkalkungen, keine Architekturstörung. Axillär links \
                unauffällige Lymphknoten. Haut und Mamillen beidseits unauffällig.

                Beurteilung: Rechts oben außen suspekter Herdbefund mit pleomorphen Mikroverkalkungen, BI-RADS 5 rechts. \
                Links unauffälliger Befund, BI-RADS 1 links. Suspekter Lymphknoten axillär rechts.

                Empfehlung: Sonographisch gesteuerte Stanzbiopsie rechts sowie des axillären Lymphknotens, Vorstellung \
                in der interdisziplinären Tumorkonferenz.
                """
        ),
        Sample(
            name: "oncology-followup-en-spoken",
            language: "en",
            text: """
                ct chest abdomen pelvis restaging clinical information metastatic colorectal cancer on chemotherapy restaging \
                after four cycles period comparison ct from three months ago period findings target lesion one liver segment \
                eight now twenty two millimeters previously thirty one millimeters period target lesion two liver segment four \
                now fifteen millimeters previously twenty millimeters period target lesion three left lower lobe nodule now \
                eight millimeters previously twelve millimeters period sum of target lesions forty five millimeters compared \
                to sixty three millimeters at baseline period no new liver lesions period no new pulmonary nodules period \
                non target lesions the retroperitoneal lymph nodes are stable period no ascites period no pleural effusion \
                period no bone metastases period the primary tumor site at the sigmoid colon shows postoperative changes \
                without local recurrence period new paragraph impression partial response with a decrease of the sum of \
                target lesions by twenty nine percent period no new lesions period stable non target lesions period \
                recommendation continue current therapy and restaging ct in three months period
                """
        ),
    ]
}
