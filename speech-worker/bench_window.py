"""Benchmark of the encoder window (`full` vs `adaptive`) on synthesised radiology dictation. Run by hand:

    speech-worker/.venv/bin/python speech-worker/bench_window.py [--repeat N] [--cpu-threads N] [--json OUT.json]

Synthesises 25 English and 25 German dictation sentences (2 to 14 s) with espeak-ng (`-s 130`) and decodes each with
the worker's own decoding path (`worker.Engine.decode`: VAD on, language given, condition_on_previous_text off) in
both encoder windows, with beam 5 and beam 1, with and without word timestamps. It prints per language and setting
the median decode time, the word error rate against the spoken text (lower-cased, punctuation removed, numbers
spelled as espeak speaks them) and on how many clips the adaptive window made fewer / more errors than the full one.
The two windows run back to back on each clip, so background load hits both alike. It also reports how often
language detection (language omitted) finds the right language, and how often a key word survives when the same
sentence follows pauses of different lengths. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

import numpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_store  # noqa: E402
import worker  # noqa: E402

ENGLISH = [
    "There is a small left pleural effusion.",
    "No pneumothorax.",
    "The heart size is normal. The mediastinum is not widened.",
    "A nodule of eight millimetres is seen in the right upper lobe.",
    "No evidence of free intraperitoneal air.",
    "The liver is enlarged, measuring nineteen centimetres in the midclavicular line.",
    "There is a fracture of the distal left radius with dorsal angulation.",
    "The kidneys are normal in size without hydronephrosis.",
    "Consolidation in the right lower lobe, consistent with pneumonia.",
    "No acute intracranial haemorrhage. No midline shift.",
    "The gallbladder contains multiple stones. The common bile duct is not dilated.",
    "Degenerative changes of the lumbar spine at L4 L5.",
    "The aorta is normal in calibre. No aneurysm.",
    "A hypodense lesion of twelve millimetres in segment seven of the liver, most likely a cyst.",
    "Bilateral pleural effusions, larger on the right than on the left.",
    "The endotracheal tube terminates four centimetres above the carina.",
    "No suspicious lymph nodes in the axilla.",
    "Small hiatal hernia. Otherwise unremarkable examination.",
    "Compared with the previous study, the effusion has decreased.",
    "There is no fracture and no dislocation of the right shoulder.",
    # Longer utterances (10 to 15 s), as the endpointer cuts them when the radiologist dictates without pausing.
    "The lungs are clear. There is no focal consolidation, no pleural effusion and no pneumothorax. "
    "The cardiomediastinal silhouette is within normal limits.",
    "In the right lower lobe there is a spiculated mass of twenty four millimetres, "
    "suspicious for malignancy, with enlarged hilar lymph nodes on the right side.",
    "The appendix is dilated to eleven millimetres with periappendiceal fat stranding, consistent with acute "
    "appendicitis. There is no abscess and no free fluid.",
    "Comparison is made with the prior examination from last year. The left sided effusion has resolved, "
    "the small nodule in the left upper lobe is unchanged.",
    "Magnetic resonance imaging of the left knee shows a tear of the posterior horn of the medial meniscus "
    "and a joint effusion, the cruciate ligaments are intact.",
]

GERMAN = [
    "Kein Nachweis eines Pneumothorax.",
    "Kleiner Pleuraerguss links.",
    "Das Herz ist normal groß. Das Mediastinum ist nicht verbreitert.",
    "Rundherd von acht Millimetern im rechten Oberlappen.",
    "Kein Nachweis freier Luft.",
    "Die Leber ist vergrößert und misst neunzehn Zentimeter.",
    "Fraktur des distalen Radius links mit Abkippung nach dorsal.",
    "Beide Nieren sind normal groß, kein Harnstau.",
    "Infiltrat im rechten Unterlappen, vereinbar mit einer Pneumonie.",
    "Keine intrakranielle Blutung. Keine Mittellinienverlagerung.",
    "Multiple Steine in der Gallenblase. Der Gallengang ist nicht erweitert.",
    "Degenerative Veränderungen der Lendenwirbelsäule.",
    "Die Aorta ist normal weit. Kein Aneurysma.",
    "Hypodense Läsion von zwölf Millimetern im Lebersegment sieben, am ehesten eine Zyste.",
    "Beidseitige Pleuraergüsse, rechts mehr als links.",
    "Die Spitze des Tubus liegt vier Zentimeter oberhalb der Carina.",
    "Keine suspekten Lymphknoten in der Axilla.",
    "Kleine Hiatushernie. Ansonsten unauffällige Untersuchung.",
    "Im Vergleich zur Voruntersuchung ist der Erguss rückläufig.",
    "Keine Fraktur und keine Luxation der rechten Schulter.",
    "Die Lunge ist beidseits frei belüftet. Kein Infiltrat, kein Pleuraerguss und kein Pneumothorax. "
    "Herz und Mediastinum sind regelrecht konfiguriert.",
    "Im rechten Unterlappen zeigt sich eine spikulierte Raumforderung von vierundzwanzig Millimetern, "
    "suspekt auf Malignität, mit vergrößerten Hiluslymphknoten rechts.",
    "Die Appendix ist auf elf Millimeter erweitert mit Imbibierung des umgebenden Fettgewebes, vereinbar mit "
    "einer akuten Appendizitis. Kein Abszess, keine freie Flüssigkeit.",
    "Im Vergleich zur Voruntersuchung vom letzten Jahr ist der Erguss links vollständig rückläufig, "
    "der kleine Rundherd im linken Oberlappen ist unverändert.",
    "Die Magnetresonanztomographie des linken Kniegelenks zeigt einen Riss des Hinterhorns des Innenmeniskus "
    "und einen Gelenkerguss, die Kreuzbänder sind intakt.",
]

# One sentence behind pauses of different lengths: the VAD cuts the pause, but what is left shifts the frames.
PAUSED = "There is no pneumothorax and no pleural effusion."
PAUSES = [(before, after) for before in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0) for after in (0.0, 1.0)]

VOICES = {"en": "en-us", "de": "de"}
# Whisper writes numbers as digits; the references spell them, so digits are mapped back before scoring.
NUMBERS = {
    "en": {"4": "four", "7": "seven", "8": "eight", "11": "eleven", "12": "twelve", "19": "nineteen",
           "24": "twenty four"},
    "de": {"4": "vier", "7": "sieben", "8": "acht", "11": "elf", "12": "zwölf", "19": "neunzehn",
           "24": "vierundzwanzig"},
}


UNITS = {"en": {"mm": "millimetres", "cm": "centimetres"}, "de": {"mm": "millimetern", "cm": "zentimeter"}}
# British and American spellings are the same word to a radiologist.
SPELLING = {"millimeters": "millimetres", "centimeters": "centimetres", "caliber": "calibre",
            "hemorrhage": "haemorrhage", "millimeter": "millimetern"}


def normalise(text: str, language: str) -> list[str]:
    """Lower-case words without punctuation; digits (also "12mm") spelled as in the references."""
    words = []
    for raw in text.lower().replace("-", " ").split():
        word = "".join(c for c in raw if unicodedata.category(c)[0] in "LN")
        unit = word[-2:] if word[-2:] in UNITS[language] and word[:-2].isdigit() else None
        if unit:
            word = word[:-2]
        words.extend(NUMBERS[language].get(word, UNITS[language].get(word, word)).split())
        if unit:
            words.append(UNITS[language][unit])
    return [SPELLING.get(word, word) for word in words if word]


def error_counts(reference: list[str], hypothesis: list[str]) -> tuple[int, int, int]:
    """(substitutions, deletions, insertions) of a minimum edit-distance alignment, word by word."""
    previous = [(j, 0, 0, j) for j in range(len(hypothesis) + 1)]  # (total, subs, dels, ins)
    for i, ref in enumerate(reference, 1):
        current = [(i, 0, i, 0)]
        for j, hyp in enumerate(hypothesis, 1):
            total, subs, dels, ins = previous[j - 1]
            diagonal = (total + (ref != hyp), subs + (ref != hyp), dels, ins)
            total, subs, dels, ins = previous[j]
            deletion = (total + 1, subs, dels + 1, ins)
            total, subs, dels, ins = current[j - 1]
            insertion = (total + 1, subs, dels, ins + 1)
            current.append(min(diagonal, deletion, insertion))
        previous = current
    return previous[-1][1:]


def synthesise(directory: str, language: str, index: int, text: str):
    from faster_whisper import decode_audio

    path = os.path.join(directory, f"{language}-{index:02d}.wav")
    subprocess.run(["espeak-ng", "-v", VOICES[language], "-s", "130", "-w", path, text], check=True)
    return decode_audio(path, sampling_rate=worker.SAMPLE_RATE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", default=None)
    parser.add_argument("--cpu-threads", type=int, default=0, help="as the worker's option (0: one per core)")
    parser.add_argument("--repeat", type=int, default=1, help="decodes per clip and setting (the fastest counts)")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--report", metavar="JSON", help="only print the report of an earlier run's --json file")
    args = parser.parse_args()
    if args.report:
        with open(args.report) as source:
            print(report(json.load(source)))
        return 0

    model_dir = model_store.resolve_model_dir(args.model_dir)
    engines = {}
    for window in worker.ENCODER_WINDOWS:
        engine = worker.Engine(model_dir, "cpu", "int8", beam_size=5, partial_beam_size=1, vad_filter=True,
                               cpu_threads=args.cpu_threads, encoder_window=window, warmup=True, replicas=1)
        engine.load()
        if not engine.ready:
            print(f"could not load the model: {engine.load_error}", file=sys.stderr)
            return 1
        engines[window] = engine

    settings = [(beam, words) for beam in (5, 1) for words in (False, True)]
    rows = []
    with tempfile.TemporaryDirectory() as directory:
        clips = [(language, index, text, synthesise(directory, language, index, text))
                 for language, sentences in (("en", ENGLISH), ("de", GERMAN))
                 for index, text in enumerate(sentences)]
        for number, (language, index, text, audio) in enumerate(clips):
            for beam, words in settings:
                # Alternate which window goes first so that neither always runs on a warmer cache.
                order = worker.ENCODER_WINDOWS if number % 2 == 0 else tuple(reversed(worker.ENCODER_WINDOWS))
                for window in order:
                    engine = engines[window]
                    seconds = []
                    for _ in range(args.repeat):
                        started = time.perf_counter()
                        segments, _ = engine.decode(audio, language, None, 0.0, want_words=words, beam_size=beam)
                        seconds.append(time.perf_counter() - started)
                    rows.append({"language": language, "clip": index, "duration": len(audio) / worker.SAMPLE_RATE,
                                 "window": window, "beam": beam, "words": words, "seconds": min(seconds),
                                 "reference": text, "hypothesis": "".join(segment.text for segment in segments)})
            for window in worker.ENCODER_WINDOWS:
                engine = engines[window]
                _, info = engine.decode(audio, None, None, 0.0, want_words=False, beam_size=5)
                rows.append({"language": language, "clip": index, "window": window, "detected": info.language})
            print(f"{number + 1}/{len(clips)} clips", file=sys.stderr, flush=True)
        sentence = synthesise(directory, "en", len(ENGLISH), PAUSED)
        for before, after in PAUSES:
            audio = numpy.concatenate([numpy.zeros(int(before * worker.SAMPLE_RATE), numpy.float32), sentence,
                                       numpy.zeros(int(after * worker.SAMPLE_RATE), numpy.float32)])
            for window in worker.ENCODER_WINDOWS:
                engine = engines[window]
                segments, _ = engine.decode(audio, "en", None, 0.0, want_words=False, beam_size=5)
                rows.append({"window": window, "pause": [before, after],
                             "paused_text": "".join(segment.text for segment in segments)})

    run = {"cpus": os.cpu_count(), "load_average": os.getloadavg()[1], "rows": rows}
    if args.json:
        with open(args.json, "w") as out:
            json.dump(run, out, ensure_ascii=False, indent=1)
    print(report(run))
    return 0


def report(run: dict) -> str:
    rows = run["rows"]
    decodes = [row for row in rows if "seconds" in row]
    for row in decodes:
        reference = normalise(row["reference"], row["language"])
        row["counts"] = error_counts(reference, normalise(row["hypothesis"], row["language"]))
        row["reference_words"] = len(reference)
    durations = sorted({(row["language"], row["clip"]): row["duration"] for row in decodes}.values())
    lines = [f"{len(durations)} clips, {min(durations):.1f}-{max(durations):.1f} s "
             f"(median {statistics.median(durations):.1f} s), {run['cpus']} CPUs, "
             f"load average {run['load_average']:.1f} (5 min) at the end",
             "",
             "| language | beam | word timestamps | window | median decode (s) | WER | substitutions / deletions / "
             "insertions | clips better / worse than full |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for language in ("en", "de"):
        for beam in (5, 1):
            for words in (False, True):
                by_window = {window: [row for row in decodes if row["language"] == language and row["beam"] == beam
                                      and row["words"] == words and row["window"] == window]
                             for window in worker.ENCODER_WINDOWS}
                full_errors = {row["clip"]: sum(row["counts"]) for row in by_window["full"]}
                for window, selected in by_window.items():
                    counts = [sum(row["counts"][kind] for row in selected) for kind in range(3)]
                    reference = sum(row["reference_words"] for row in selected)
                    better = sum(sum(row["counts"]) < full_errors[row["clip"]] for row in selected)
                    worse = sum(sum(row["counts"]) > full_errors[row["clip"]] for row in selected)
                    lines.append(f"| {language} | {beam} | {'yes' if words else 'no'} | {window} | "
                                 f"{statistics.median(row['seconds'] for row in selected):.2f} | "
                                 f"{100 * sum(counts) / reference:.1f} % | {' / '.join(map(str, counts))} | "
                                 f"{'-' if window == 'full' else f'{better} / {worse}'} |")
    lines.append("")
    for window in worker.ENCODER_WINDOWS:
        detections = [row for row in rows if row.get("window") == window and "detected" in row]
        right = sum(row["detected"] == row["language"] for row in detections)
        lines.append(f"language detection, {window} window: {right}/{len(detections)} right")
    for window in worker.ENCODER_WINDOWS:
        paused = [row["paused_text"].lower() for row in rows if row.get("window") == window and "pause" in row]
        lines.append(f"{PAUSED!r} behind {len(paused)} different pauses, {window} window: 'pneumothorax' "
                     f"{sum('pneumothorax' in text for text in paused)}, 'effusion' "
                     f"{sum('effusion' in text for text in paused)} times right")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
