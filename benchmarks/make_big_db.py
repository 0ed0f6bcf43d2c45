"""Generate a large goalpost database for benchmarks: 10,000 targets and 200,000 observations.

Usage: python benchmarks/make_big_db.py [--db sqlite:///benchmarks/out/big.db] [--targets 10000]
                                        [--observations 200000] [--seed 7]

Plans (documents with target sentences), imported observation series per
indicator and region, assessments and revisions are written through
``Store`` methods, so the database looks like one the main job produced.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from goalpost._models import Document, Item
from goalpost.store import Store

STATUSES = ["achieved", "on_track", "needs_acceleration", "limited_progress", "off_track", "missed",
            "insufficient_data", "awaiting_data"]  # fmt: skip
TARGETS_PER_PLAN = 50


def plan_document(
    n: int, rng: random.Random, indicators: list[str], regions: list[str]
) -> tuple[Document, list[Item]]:
    """A synthetic plan: section headings and one target sentence per line, spans exact."""
    region = regions[n % len(regions)]
    year = 2010 + n % 12
    lines, items = [f"{region} S&T innovation plan no. {n} ({year}-{year + 5})", ""], []
    pos = sum(len(x) + 1 for x in lines)
    doc_id = f"plan{n:05d}"
    for k in range(TARGETS_PER_PLAN):
        if k % 10 == 0:
            heading = f"{k // 10 + 1}. Action area {k // 10 + 1}"
            lines.append(heading)
            pos += len(heading) + 1
            section = heading
        ind = rng.choice(indicators)
        value = rng.randint(100, 100000)
        deadline = year + rng.randint(1, 5)
        ev = f"more than {value} {ind.replace('_', ' ')}"
        sentence = f"By {deadline} the city will have {ev}."
        start = pos + sentence.index(ev)
        items.append(Item(doc=doc_id, kind="target", indicator=ind.replace("_", " "), comparator=">", value=value,
                          unit="count", start=start, end=start + len(ev), sentence=sentence, date=str(deadline),
                          section=section, region=region, sentence_start=pos, sentence_end=pos + len(sentence)))  # fmt: skip
        lines.append(sentence)
        pos += len(sentence) + 1
    text = "\n".join(lines) + "\n"
    doc = Document(id=doc_id, text=text, source=f"plans/{doc_id}.txt", title=f"{region} S&T plan {n} ({year})",
                   date=f"{year}-03", period=(year, year + 5), lang="en", region=region)  # fmt: skip
    return doc, items


def build(db: str, n_targets: int, n_obs: int, seed: int) -> None:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    store = Store(db)
    indicators = [f"indicator_{i:03d}" for i in range(100)]
    regions = [f"Region{r:02d}" for r in range(20)]
    store.save_catalog([{"id": i, "name_en": i.replace("_", " "), "unit": "count", "direction": "up",
                         "aliases": [(i.replace("_", " "), "en")]} for i in indicators])  # fmt: skip
    targets: list[Item] = []
    for n in range(max(1, n_targets // TARGETS_PER_PLAN)):
        doc, items = plan_document(n, rng, indicators, regions)
        links = {it.id: (it.indicator.replace(" ", "_"), "alias", 100.0) for it in items}
        store.save_document(doc, items, is_plan=True, links=links)
        targets += items
    print(f"{len(targets)} targets in {time.perf_counter() - t0:.1f}s")
    series = [(i, r) for i in indicators for r in regions]
    per_series = max(1, n_obs // len(series))
    rows = []
    for ind, region in series:
        level = rng.uniform(100, 50000)
        for m in range(per_series):
            level *= rng.uniform(0.98, 1.04)
            year, month = 2012 + m // 12, m % 12 + 1
            rows.append({"id": f"o-{ind}-{region}-{m}", "kind": "observation", "indicator_text": ind.replace("_", " "),
                         "indicator_id": ind, "value": round(level), "unit": "count", "date": f"{year}-{month:02d}",
                         "region": region, "source": "Synthetic yearbook", "import_row": m + 2})  # fmt: skip
    store.save_imported(rows, import_file="synthetic.csv")
    print(f"{len(rows)} observations in {time.perf_counter() - t0:.1f}s")
    assessments = []
    for t in targets:
        status = rng.choice(STATUSES)
        progress = rng.random()
        assessments.append({
            "target_id": t.id, "status": status, "method": "synthetic", "progress": progress, "ratio": progress,
            "baseline_value": t.value * 0.3, "baseline_period": "2012-01", "baseline_source": "Synthetic yearbook",
            "latest_value": t.value * progress, "latest_period": "2019-12", "latest_source": "Synthetic yearbook",
            "forecast_value": t.value * (progress + 0.2), "forecast_low": t.value * progress,
            "forecast_high": t.value * (progress + 0.4), "forecast_probability": 0.5,
            "explanation": f"Synthetic assessment: {status}.", "details": "{}",
        })  # fmt: skip
    by_key: dict[tuple[str, str | None], list[Item]] = {}
    for t in targets:
        by_key.setdefault((t.indicator, t.region), []).append(t)
    revisions = [{"indicator_id": k[0].replace(" ", "_"), "region": k[1], "older_id": a.id, "newer_id": b.id,
                  "kind": "raised", "detail": "synthetic"} for k, ts in by_key.items() for a, b in zip(ts, ts[1:], strict=False)][:5000]  # fmt: skip
    store.save_assessments(assessments, revisions)
    print(
        f"assessments and {len(revisions)} revisions in {time.perf_counter() - t0:.1f}s -> {store.url}"
    )
    store.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="sqlite:///benchmarks/out/big.db")
    p.add_argument("--targets", type=int, default=10_000)
    p.add_argument("--observations", type=int, default=200_000)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    if a.db.startswith("sqlite:///"):
        path = Path(a.db.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    build(a.db, a.targets, a.observations, a.seed)


if __name__ == "__main__":
    main()
