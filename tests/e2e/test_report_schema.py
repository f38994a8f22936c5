"""The StructuredReport JSON matches docs/schema/structured-report-1.0.schema.json, and its spans point at what they claim.

Every dictation below is structured twice, by `radscribe structure - --format json` and by
`POST /api/v1/reports/structure` on a live server; each result must validate against the published schema, and every
span must lie inside the text it refers to and cover exactly the words the object quotes. Spans are UTF-16 code-unit
offsets, so they are compared on the UTF-16 encoding of the text, never on Python's code-point indices.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from conftest import run_radscribe, start_server

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "docs" / "schema" / "structured-report-1.0.schema.json"
FORMAT_DOC_PATH = ROOT / "docs" / "report-format.md"
SOURCES = ROOT / "Sources"
SEVERITY_RANK = {"info": 0, "warning": 1, "critical": 2}


# MARK: - Dictations


@dataclass(frozen=True)
class Dictation:
    """A dictation to structure: `language` as the caller sends it, `context` only the HTTP API can carry."""

    id: str
    text: str
    language: str = "auto"
    context: dict | None = None


DICTATIONS = [
    Dictation(
        "mammography-de-typed",
        "Klinische Angaben: Tastbefund rechts, Fragestellung Malignom?\n"
        "Technik: Digitale Mammographie beidseits in zwei Ebenen.\n"
        "Befund: Brustdrüsengewebe heterogen dicht, ACR Typ C. Rechts oben außen bei 10 Uhr ein unscharf begrenzter "
        "Herdbefund von 1,4 x 1,1 cm, 4 cm von der Mamille entfernt. Links kein Herdbefund, keine suspekten Mikroverkalkungen.\n"
        "Beurteilung: Suspekter Herdbefund rechts, BI-RADS 4b rechts, BI-RADS 1 links.\n"
        "Empfehlung: Sonographisch gesteuerte Stanzbiopsie rechts.",
        "de",
        {"patient_sex": "female", "patient_age": 58, "modality": "MG", "body_part": "Mamma"},
    ),
    Dictation(
        "mammography-en-speech",
        "findings colon the breasts are heterogeneously dense period there is a twelve millimeter oval mass in the left "
        "breast upper outer quadrant at two o'clock period no suspicious calcifications period "
        "impression colon probably benign mass left breast comma bi rads three period",
        "en",
        {"patient_sex": "female"},
    ),
    Dictation(
        "spine-de-speech",
        "mrt der lws nativ punkt neue zeile befund doppelpunkt lwk vier fünf breitbasige bandscheibenprotrusion mit mäßiger "
        "spinalkanalstenose punkt neuroforamenstenose links hochgradig komma rechts mäßig punkt l fünf s eins "
        "bandscheibenvorfall paramedian links mit kontakt zur wurzel s eins links punkt neue zeile beurteilung doppelpunkt "
        "bandscheibenvorfall l fünf s eins links punkt relative spinalkanalstenose l vier fünf punkt",
        "de",
    ),
    Dictation(
        "spine-en-typed",
        "MRI LUMBAR SPINE WITHOUT CONTRAST\n"
        "FINDINGS: At L4-L5 there is a broad-based disc bulge with moderate spinal canal stenosis and severe left neural "
        "foraminal stenosis. L5-S1: small central disc protrusion without stenosis. No disc herniation at L3-L4. "
        "Conus terminates at T12/L1.\n"
        "IMPRESSION: Moderate spinal canal stenosis at L4-L5 with severe left foraminal stenosis.",
        "en",
        {"modality": "MR", "body_part": "LSPINE"},
    ),
    Dictation(
        "ct-de-contrast-implausible",
        "CT Abdomen und Becken nach i.v. Kontrastmittelgabe in portalvenöser Phase.\n"
        "Befund: Leber normal groß, in Segment VII hypodense Läsion von 2,3 x 1,8 cm. Niere links mit Zyste von 45 cm. "
        "Keine freie Flüssigkeit. Keine pathologisch vergrößerten Lymphknoten.\n"
        "Beurteilung: Unklare Leberläsion Segment VII, DD Metastase. Nierenzyste links.",
        "de",
    ),
    Dictation(
        "ct-en-critical-arterial",
        "TECHNIQUE: CT pulmonary angiography in arterial phase after intravenous contrast.\n"
        "FINDINGS: Filling defects in the right lower lobe segmental pulmonary arteries. RV/LV ratio 1.2. "
        "No pneumothorax. Small right pleural effusion measuring 15 mm.\n"
        "IMPRESSION: Acute pulmonary embolism on the right. Findings communicated to the referring physician.",
        "en",
        {"modality": "CT", "clinical_question": "Pulmonary embolism?"},
    ),
    Dictation(
        "ultrasound-de-echogenicity",
        "Sonographie Abdomen.\n"
        "Befund: Leber 16 cm in der MCL, homogen. In Segment IV echoreiche Läsion von 8 mm, am ehesten Hämangiom. "
        "Niere rechts mit echofreier Zyste von 2,1 cm. Gallenblase ohne Konkremente. Milz 11 cm.\n"
        "Beurteilung: Leberhämangiom. Einfache Nierenzyste rechts.",
        "de",
        {"modality": "US"},
    ),
    Dictation(
        "ultrasound-en-speech",
        "ultrasound of the thyroid period the right lobe contains a hypoechoic nodule measuring one point two by "
        "zero point eight centimeters period the left lobe is unremarkable period new paragraph impression colon "
        "hypoechoic nodule right thyroid lobe comma fine needle aspiration recommended period",
        "en",
    ),
    Dictation(
        "oncology-de-target-lesions",
        "Verlaufskontrolle unter Chemotherapie, Voruntersuchung vom 12.03.\n"
        "Befund: Lebermetastase Segment VII 15 mm (zuvor 2,5 cm). Lymphknoten paraaortal 15 x 10 mm, zuvor 20 x 14 mm. "
        "Pulmonaler Rundherd rechts 9 mm (zuvor 13 mm). Neue Metastase in Segment II von 6 mm.\n"
        "Beurteilung: Partielle Remission der bekannten Läsionen, jedoch neue Lebermetastase. Progress.",
        "de",
    ),
    Dictation(
        "oncology-en-target-lesions",
        "COMPARISON: CT of 2024-03-02.\n"
        "FINDINGS: Target lesion 1: liver segment VIII metastasis 32 mm (previously 25 mm). "
        "Target lesion 2: left adrenal mass 21 mm (previously 20 mm). Mediastinal lymph node short axis 12 mm, previously 10 mm.\n"
        "IMPRESSION: Progression of hepatic metastatic disease. Stable adrenal lesion.",
        "en",
    ),
    Dictation(
        "cardiac-de-lvef-agatston",
        "Kardio-MRT und Kalk-Score.\n"
        "Befund: Linksventrikuläre Ejektionsfraktion 45 %. Hypokinesie der basalen Hinterwand. "
        "Agatston-Score 120. Kein Perikarderguss.\n"
        "Beurteilung: Leicht eingeschränkte LV-Funktion mit regionaler Wandbewegungsstörung inferior.",
        "de",
    ),
    Dictation(
        "cardiac-en-range",
        "Cardiac CT. Agatston score 412. LVEF 55-60%. Apical akinesis. No pericardial effusion.",
        "en",
        {"patient_sex": "male", "patient_age": 67},
    ),
    Dictation(
        "pathology-de-grade-margins",
        "Präparat: Hemikolektomie rechts. Länge 25 cm.\n"
        "Mikroskopie: Mäßig differenziertes Adenokarzinom. Resektionsränder tumorfrei.\n"
        "Diagnose: Adenokarzinom, G2, pT3 pN1a (1/18) L0 V0 Pn0 R0, cM0.",
        "de",
    ),
    Dictation(
        "pathology-en-grade-margins",
        "SPECIMEN: Left breast, lumpectomy.\n"
        "MICROSCOPIC: Invasive ductal carcinoma, poorly differentiated, grade 3. Margins negative, closest margin 3 mm.\n"
        "DIAGNOSIS: Invasive ductal carcinoma, pT1c pN0 M0, R0.",
        "en",
    ),
    Dictation(
        "chest-xray-de-plain",
        "Röntgen Thorax p.a. stehend.\n"
        "Befund: Kein Pneumothorax. Kein Pleuraerguss. Herz normal groß. Keine Infiltrate.\n"
        "Beurteilung: Altersentsprechender Befund.",
        "de",
    ),
    Dictation(
        "chest-xray-en-critical-auto",
        "CHEST X-RAY\nHistory: Sudden shortness of breath.\n"
        "Findings: Large right-sided pneumothorax with mediastinal shift to the left. Left lung clear.\n"
        "Impression: Tension pneumothorax on the right.",
    ),
    Dictation(
        "laterality-conflict-de",
        "Fragestellung: Pneumonie rechts?\n"
        "Befund: Infiltrat im linken Unterlappen. Kein Pleuraerguss.\n"
        "Beurteilung: Pneumonie links.",
        "de",
        {"clinical_question": "Pneumonie rechts?"},
    ),
    Dictation(
        "laterality-conflict-en-clause",
        "FINDINGS: The left kidney shows a right-sided cyst measuring 2.1 cm. The right kidney is normal.\n"
        "IMPRESSION: Simple renal cyst.",
        "en",
    ),
    Dictation(
        "negation-conflict-en-no-impression",
        "Findings: No pleural effusion. Mild cardiomegaly.\nImpression: Right pleural effusion.",
        "en",
    ),
    Dictation(
        "missing-impression-de-speech",
        "befund doppelpunkt leber homogen punkt keine freie flüssigkeit punkt milz nicht vergrößert streiche das "
        "milz normal groß punkt",
        "de",
    ),
    Dictation(
        "sex-anatomy-de-male",
        "Befund: Uterus unauffällig. Prostata nicht vergrößert. Harnblase gut gefüllt.\nBeurteilung: Unauffälliger Befund.",
        "de",
        {"patient_sex": "male"},
    ),
    Dictation(
        "sex-anatomy-en-female",
        "Findings: The prostate is enlarged, measuring 5.2 cm. The bladder is normal.\nImpression: Prostatomegaly.",
        "en",
        {"patient_sex": "female", "patient_age": 71},
    ),
    Dictation(
        "unknown-headers-de",
        "Vergleich: Voraufnahme vom 01.02.\nAnmerkung: Patient unruhig, Bewegungsartefakte.\n"
        "Befund: Kein Nachweis einer intrakraniellen Blutung. V. a. alten Infarkt links parietal.\n"
        "Zusatz: Befund telefonisch übermittelt.\nBeurteilung: Keine akute Blutung.",
        "de",
    ),
    Dictation(
        "unknown-headers-en",
        "Untitled opening remark before any header.\nADDENDUM: Prior study not available.\n"
        "FINDINGS: Possible consolidation in the left lower lobe. Heart size normal.\n"
        "NOTES: Patient could not hold breath.\nIMPRESSION: Possible left lower lobe pneumonia.",
        "en",
    ),
    Dictation(
        "non-bmp-and-crlf",
        "Klinische Angaben: Sturz 😟, Schmerzen rechts.\r\nBefund: Fraktur der 6. Rippe rechts, Dislokation Ø 4 mm. "
        "Kein Pneumothorax.\r\nBeurteilung: Rippenfraktur rechts ≥ 1.",
        "de",
    ),
    Dictation("measurements-only-auto", "L4/5 12 mm. 3,5 x 2 cm. 40 ml."),
]


# MARK: - Helpers


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """One server for the whole module: structuring is stateless, so the dictations can share it."""
    running = start_server(tmp_path_factory.mktemp("schema-server"))
    yield running
    running.stop()


def structure_with_cli(dictation: Dictation) -> dict:
    """The report `radscribe structure` prints (the CLI takes no context)."""
    result = run_radscribe(
        "structure", "-", "--format", "json", "--language", dictation.language, input_bytes=dictation.text.encode("utf-8")
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return json.loads(result.stdout)


def structure_with_api(server, dictation: Dictation, with_context: bool = True) -> dict:
    """The report `POST /api/v1/reports/structure` returns."""
    payload = {"text": dictation.text, "language": dictation.language}
    if with_context and dictation.context:
        payload["context"] = dictation.context
    status, headers, body = server.post_json("/api/v1/reports/structure", payload)
    assert status == 200, body.decode(errors="replace")
    assert headers.get("Content-Type", "").startswith("application/json")
    return json.loads(body)


def schema_errors(validator: jsonschema.Draft202012Validator, report: dict) -> list[str]:
    """Every schema violation as `/json/path: message`, sorted."""
    return sorted(f"/{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(report))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, span: dict) -> str:
    """`text[start:end]` in UTF-16 code units; raises UnicodeDecodeError when the span splits a surrogate pair."""
    units = text.encode("utf-16-le")
    return units[2 * span["start"] : 2 * span["end"]].decode("utf-16-le")


def is_span(node) -> bool:
    return isinstance(node, dict) and set(node) == {"start", "end"}


def iter_spans(node, path=()):
    """Yields `(path, span, owner)` for every TextSpan in the report; `owner` is the object holding it (None in a list)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if is_span(value):
                yield (*path, key), value, node
            else:
                yield from iter_spans(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if is_span(value):
                yield (*path, index), value, None
            else:
                yield from iter_spans(value, (*path, index))


def quoted_text(key, owner: dict | None) -> str | None:
    """The text field that must equal the span's text, by the schema's conventions; None when the span quotes nothing."""
    if owner is None:
        return None  # warning evidence: bare spans
    if key == "header_span":
        return owner.get("header")
    if key == "source":
        return owner.get("source_text")
    if key == "output":
        return owner.get("output_text")
    if key == "span":
        return owner["matched_text"] if "matched_text" in owner else owner.get("text")
    return None


def span_errors(report: dict) -> list[str]:
    """Spans outside their text, reversed, splitting a surrogate pair, or not covering the words their object quotes."""
    errors = []
    for path, span, owner in iter_spans(report):
        where = "/" + "/".join(map(str, path))
        refers_to_original = len(path) == 3 and path[0] == "normalization" and path[2] == "source"
        base_name = "original_text" if refers_to_original else "text"
        base = report[base_name]
        if not 0 <= span["start"] <= span["end"] <= utf16_length(base):
            errors.append(f"{where}: {span} outside {base_name} (UTF-16 length {utf16_length(base)})")
            continue
        try:
            covered = utf16_slice(base, span)
        except UnicodeDecodeError:
            errors.append(f"{where}: {span} splits a surrogate pair of {base_name}")
            continue
        expected = quoted_text(path[-1], owner)
        if expected is not None and covered != expected:
            errors.append(f"{where}: {base_name}[{span['start']}:{span['end']}] is {covered!r}, the object says {expected!r}")
    return errors


def invariant_errors(report: dict) -> list[str]:
    """Cross-field rules of the format that JSON Schema cannot express (documented in docs/report-format.md)."""
    errors = []
    classification = report["classification"]
    scores = classification["scores"]
    if classification["agents"] and classification["agents"][0] != classification["exam_type"]:
        errors.append("classification: the first agent is not the exam type")
    if scores:
        if scores[0]["exam_type"] != classification["exam_type"] or scores[0]["score"] != classification["confidence"]:
            errors.append("classification: exam_type/confidence are not the top score")
        if [score["score"] for score in scores] != sorted((score["score"] for score in scores), reverse=True):
            errors.append("classification: scores are not ranked best first")
    severities = [SEVERITY_RANK[warning["severity"]] for warning in report["warnings"]]
    if severities != sorted(severities, reverse=True):
        errors.append("warnings: not most severe first")
    section_starts = [section.get("header_span", section["span"])["start"] for section in report["sections"]]
    if section_starts != sorted(section_starts):
        errors.append("sections: not in the order dictated")
    for path, measurement in iter_measurements(report):
        if "millimeters" in measurement and len(measurement["millimeters"]) != len(measurement["values"]):
            errors.append(f"/{'/'.join(map(str, path))}: millimeters and values differ in length")
    for index, finding in enumerate(report["findings"]):
        if not any(
            section["kind"] == finding["section"]
            and section["span"]["start"] <= finding["span"]["start"]
            and finding["span"]["end"] <= section["span"]["end"]
            for section in report["sections"]
        ):
            errors.append(f"/findings/{index}: not inside a section of kind {finding['section']!r}")
    return errors


def iter_measurements(node, path=()):
    """Yields `(path, measurement)` for every Measurement object (one with `values` and `unit`)."""
    if isinstance(node, dict):
        if "values" in node and "unit" in node:
            yield path, node
        for key, value in node.items():
            yield from iter_measurements(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_measurements(value, (*path, index))


def assert_valid_report(validator, report: dict, dictation: Dictation):
    assert schema_errors(validator, report) == [], f"{dictation.id}: report does not match the schema"
    assert span_errors(report) == [], f"{dictation.id}: spans do not match their text"
    assert invariant_errors(report) == [], f"{dictation.id}: cross-field rules broken"
    assert report["original_text"] == dictation.text


# MARK: - The schema itself


def test_schema_is_a_valid_draft_2020_12_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("structured-report-1.0.json")
    assert schema["properties"]["schema_version"]["const"] == "1.0"


def test_every_object_in_the_schema_is_closed(schema):
    def objects(node, path="#"):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield path, node
            for key, value in node.items():
                yield from objects(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from objects(value, f"{path}/{index}")

    open_objects = [path for path, node in objects(schema) if node.get("additionalProperties") is not False]
    assert open_objects == []
    for path, node in objects(schema):
        assert set(node["required"]) <= set(node["properties"]), path


def swift_types(*files: Path) -> dict:
    """`{name: ("struct", {snake_key: optional}) | ("enum", [raw values])}` for the public Codable types of `files`."""
    types = {}
    for file in files:
        source = file.read_text(encoding="utf-8")
        for match in re.finditer(r"^public (struct|enum) (\w+)[^{\n]*Codable[^{\n]*\{(.*?)^\}", source, re.S | re.M):
            kind, name, body = match.groups()
            if kind == "struct":
                properties = {
                    re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", prop.group(1)).lower(): prop.group(2).strip().endswith("?")
                    for prop in re.finditer(r"^    public var (\w+): ([^{\n]+)$", body, re.M)
                }
                types[name] = ("struct", properties)
            else:
                cases = re.finditer(r'^    case (\w+)(?: = "([^"]*)")?$', body, re.M)
                types[name] = ("enum", [case.group(2) if case.group(2) is not None else case.group(1) for case in cases])
    return types


@pytest.mark.skipif(not SOURCES.is_dir(), reason="Swift sources not available")
def test_schema_matches_the_swift_types(schema):
    """Every Core report type has a `$defs` entry with the same keys, the same required keys and the same enum values."""
    not_in_report = {"ReportContext", "PatientSex", "LanguageSelection"}
    # Transcript types (Core/Transcript) belong to the dictation protocol, not to the StructuredReport schema.
    core = sorted(path for path in (SOURCES / "RadScribeCore").rglob("*.swift") if path.parent.name != "Transcript")
    lexicon = SOURCES / "RadScribeReporting" / "Lexicon" / "LexiconConcept.swift"
    types = {name: value for name, value in swift_types(*core, lexicon).items() if name not in not_in_report}
    definitions = {**schema["$defs"], "StructuredReport": schema}
    assert "StructuredReport" in types and "TextSpan" in types
    for name, (kind, members) in types.items():
        assert name in definitions, f"no $defs entry for {name}"
        definition = definitions[name]
        if kind == "struct":
            assert set(definition["properties"]) == set(members), name
            assert sorted(definition["required"]) == sorted(key for key, optional in members.items() if not optional), name
        else:
            assert definition["enum"] == members, name
    rules = (SOURCES / "RadScribeReporting" / "Normalization" / "NormalizationRule.swift").read_text(encoding="utf-8")
    assert schema["$defs"]["NormalizationRule"]["enum"] == re.findall(r'case \.\w+: "([^"]+)"', rules)


def documented_json() -> list[dict]:
    """The ```json blocks of docs/report-format.md."""
    document = FORMAT_DOC_PATH.read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r"^```json\n(.*?)^```", document, re.S | re.M)]


def test_the_documented_examples_match_the_schema(schema, validator):
    blocks = documented_json()
    reports = [block for block in blocks if "schema_version" in block]
    warnings = [block for block in blocks if "code" in block]
    assert len(reports) == 1 and warnings
    assert schema_errors(validator, reports[0]) == []
    assert span_errors(reports[0]) == []
    assert invariant_errors(reports[0]) == []
    warning_validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/ReportWarning"})
    for warning in warnings:
        assert schema_errors(warning_validator, warning) == []


# MARK: - Reports from the CLI and the API


@pytest.mark.parametrize("dictation", DICTATIONS, ids=lambda dictation: dictation.id)
def test_cli_report_matches_the_schema(validator, dictation):
    assert_valid_report(validator, structure_with_cli(dictation), dictation)


@pytest.mark.parametrize("dictation", DICTATIONS, ids=lambda dictation: dictation.id)
def test_api_report_matches_the_schema(validator, live_server, dictation):
    assert_valid_report(validator, structure_with_api(live_server, dictation), dictation)


@pytest.mark.parametrize("dictation", DICTATIONS, ids=lambda dictation: dictation.id)
def test_cli_and_api_give_the_same_report_without_context(live_server, dictation):
    assert structure_with_api(live_server, dictation, with_context=False) == structure_with_cli(dictation)


# MARK: - The schema catches drift


def drifted(report: dict, change) -> dict:
    copy = json.loads(json.dumps(report))
    change(copy)
    return copy


DRIFTS = {
    "unknown top-level key": lambda report: report.update(generated_at="2026-01-01"),
    "missing required key": lambda report: report.pop("provenance"),
    "null instead of omitted": lambda report: report["sections"][0].update(header=None),
    "unknown enum value": lambda report: report["classification"].update(exam_type="x_ray"),
    "camelCase key": lambda report: report.update(schemaVersion=report.pop("schema_version")),
    "other schema version": lambda report: report.update(schema_version="2.0"),
    "negative span": lambda report: report["sections"][0]["span"].update(start=-1),
    "extra span key": lambda report: report["sections"][0]["span"].update(length=3),
    "agent field without agent": lambda report: report["exam_data"].update(cardiac={"wall_motion": []}),
    "header without header_span": lambda report: report["sections"][0].update(header="Befund:"),
}


@pytest.mark.parametrize("change", DRIFTS.values(), ids=DRIFTS.keys())
def test_the_schema_rejects_drift(validator, change):
    report = structure_with_cli(Dictation("drift", "Befund: Kein Erguss.", "de"))
    report["sections"][0].pop("header", None)
    report["sections"][0].pop("header_span", None)
    report["exam_data"]["agents"] = [agent for agent in report["exam_data"]["agents"] if agent != "cardiac"]
    report["exam_data"].pop("cardiac", None)
    assert schema_errors(validator, report) == []
    assert schema_errors(validator, drifted(report, change)) != []
