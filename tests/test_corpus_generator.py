"""The benchmark corpus generator: deterministic, varied, and read by goalpost like real pages."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from goalpost._ingest import iter_files, process_file

REPO = Path(__file__).resolve().parents[1]


def load() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPO / "benchmarks" / "make_corpus.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mod  # why: dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


gen = load()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    gen.generate_corpus(out, 150, seed=0)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_same_seed_writes_identical_bytes(tmp_path: Path, corpus: Path) -> None:
    gen.generate_corpus(tmp_path, 150, seed=0)
    assert tree(tmp_path) == tree(corpus)


def test_smaller_corpus_is_a_prefix_of_a_larger_one(tmp_path: Path, corpus: Path) -> None:
    gen.generate_corpus(tmp_path, 40, seed=0)
    small = {k: v for k, v in tree(tmp_path).items() if k != "corpus.json"}
    assert small.items() <= tree(corpus).items()


@pytest.mark.parametrize("i", [0, 1, 99, 99_999])
def test_other_seed_other_documents(i: int) -> None:
    assert gen.render_document(i, seed=0)[1] != gen.render_document(i, seed=1)[1]


def test_manifest_counts_files_and_bytes(corpus: Path) -> None:
    manifest = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    files = [p for p in corpus.rglob("*") if p.is_file() and p.name != "corpus.json"]
    assert manifest["files"] == len(files) == 150
    assert manifest["bytes"] == sum(p.stat().st_size for p in files)
    assert len(iter_files([corpus])) == 150  # the manifest is not taken for a document


@pytest.mark.parametrize(
    "feature, values",
    [
        ("lang", {"en", "zh"}),
        ("kind", {"plan", "report", "mixed"}),
        ("format", {".txt", ".md", ".html"}),
        ("city", {"guangzhou", "shenzhen", "wuhan"}),
    ],
)
def test_corpus_varies(feature: str, values: set[str], corpus: Path) -> None:
    seen: Counter[str] = Counter()
    for p in iter_files([corpus]):
        lang = p.relative_to(corpus).parts[0]
        _, city, kind, _year = p.stem.split("_", 3)
        seen.update({"lang": [lang], "kind": [kind], "format": [p.suffix], "city": [city]}[feature])
    assert values <= set(seen)


def test_shards_keep_folders_small() -> None:
    paths = [gen.render_document(i, seed=3)[0] for i in (0, 999, 1000, 99_999)]
    assert [p.split("/")[1] for p in paths] == ["000", "000", "001", "099"]


@pytest.fixture(scope="module")
def extracted(corpus: Path) -> list[tuple[Path, Any]]:
    return [(p, process_file(p)) for p in iter_files([corpus])[::3]]


def test_goalpost_reads_every_document_in_its_language(
    extracted: list[tuple[Path, Any]], corpus: Path
) -> None:
    for path, processed in extracted:
        assert processed.document.lang == path.relative_to(corpus).parts[0], path
        assert processed.document.date is not None, path


@pytest.mark.parametrize("kind, expected", [("plan", "target"), ("report", "observation")])
def test_documents_hold_what_their_kind_promises(
    kind: str, expected: str, extracted: list[tuple[Path, Any]]
) -> None:
    docs = [p for path, p in extracted if f"_{kind}_" in path.name]
    with_kind = [p for p in docs if any(i.kind == expected for i in p.items)]
    assert docs and len(with_kind) >= 0.8 * len(docs)
