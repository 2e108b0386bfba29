"""Score an article export against gold annotations (format: tests/data/gold, see docs).

The figures are the ones the project is held to: exact article matches, BCubed F1 over
lines, line coverage, reading order of fragmented articles, headline attachment, titles,
credits, event dates, district and city, and people and organisation F1.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path


def norm(text) -> str:
    return re.sub(r"\s+", "", text or "").replace("\u3000", "")


def _lines(ranges, nonblank) -> frozenset[int]:
    return frozenset(n for a, b in ranges or [] for n in range(int(a), int(b) + 1) if n in nonblank)


def _sequence(ranges, nonblank) -> list[int]:
    return [n for a, b in ranges or [] for n in range(int(a), int(b) + 1) if n in nonblank]


def _month_day(value) -> str | None:
    m = re.search(r"(\d{1,2})-(\d{1,2})$", str(value)) if value else None
    return f"{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else (str(value) if value else None)


def _f1(tp: float, fp: float, fn: float) -> float:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(records: list[dict], gold_dir: Path | str, sources_dir: Path | str) -> tuple[dict, list[str]]:
    """The figures of `records` on every page of `gold_dir` (its raw text in `sources_dir`)."""
    golds = [(Path(sources_dir) / p.with_suffix(".txt").name, json.loads(p.read_text(encoding="utf-8")))
             for p in sorted(Path(gold_dir).glob("*.json"))]
    return score_records(records, golds)


def score_layouts(pages: list[tuple[Path, dict]]) -> dict:
    """The structure figures (articles, headlines) of reassembly alone on these gold pages, with
    no extraction run: fast enough to score inside a loop that fits weights."""
    from ..extract.article import ranges
    from ..read.page import read_page
    from ..reassemble import reassemble

    records = []
    for path, _ in pages:
        for draft in reassemble(read_page(path)).articles:
            records.append({"source": path.name, "body_lines": ranges(draft.body),
                            "headline_lines": [r for unit in draft.headline for r in ranges(unit)]})
    return score_records(records, pages)[0]


def score_records(records: list[dict], golds: list[tuple[Path, dict]]) -> tuple[dict, list[str]]:
    """The figures of `records` on the gold pages given as (raw page path, gold)."""
    preds = defaultdict(list)
    for rec in records:
        preds[Path(str(rec.get("source", ""))).name].append(rec)
    t: dict[str, float] = defaultdict(float)
    problems: list[str] = []
    for path, gold in golds:
        source = path.name
        raw = path.read_text(encoding="utf-8").split("\n")
        nonblank = {i for i, line in enumerate(raw, 1) if line.strip()}
        g_arts = [(g, _lines(g["body_lines"], nonblank)) for g in gold["articles"]]
        p_arts = [(p, _lines(p.get("body_lines"), nonblank)) for p in preds.get(source, [])]

        covered = set()
        for p, body in p_arts:
            covered |= body | _lines(p.get("headline_lines"), nonblank)
        need = nonblank - _lines(gold.get("furniture_lines"), nonblank)
        t["lines"] += len(need)
        t["covered"] += len(need & covered)
        t["gold"] += len(g_arts)
        t["pred"] += len(p_arts)
        t["exact"] += len({b for _, b in p_arts} & {b for _, b in g_arts})

        cluster = {n: k for k, (_, body) in enumerate(p_arts) for n in body}
        sizes = defaultdict(int)
        for k in cluster.values():
            sizes[k] += 1
        for _, gbody in g_arts:
            for n in gbody:
                same = {m for m in gbody if cluster.get(m, ("solo", m)) == cluster.get(n, ("solo", n))}
                t["b3_p"] += len(same) / (sizes[cluster[n]] if n in cluster else 1)
                t["b3_r"] += len(same) / len(gbody)
                t["b3_n"] += 1

        for g, gbody in g_arts:
            label = f"{source} #{g['id']} {g['title']}"
            best = max(p_arts, key=lambda pa: len(gbody & pa[1]), default=None)
            if best is None or not gbody & best[1]:
                problems.append(f"MISSED   {label}")
                continue
            p, pbody = best
            if pbody != gbody:
                problems.append(f"BOUNDARY {label}: gold {min(gbody)}..{max(gbody)} ({len(gbody)} lines), "
                                f"pred {min(pbody)}..{max(pbody)} ({len(pbody)} lines)")
            if len(g["body_lines"]) > 1:
                t["fragmented"] += 1
                ok = _sequence(p.get("body_lines"), nonblank) == _sequence(g["body_lines"], nonblank)
                t["order_ok"] += ok
                if not ok:
                    problems.append(f"ORDER    {label}: gold {g['body_lines']}, pred {p.get('body_lines')}")
            ghead = _lines(g.get("headline_lines"), nonblank)
            if ghead:
                t["headed"] += 1
                t["head_ok"] += _lines(p.get("headline_lines"), nonblank) == ghead
                if _lines(p.get("headline_lines"), nonblank) != ghead:
                    problems.append(f"HEADLINE {label}: gold {g['headline_lines']} pred {p.get('headline_lines')}")
                head_text = "".join(norm(raw[n - 1]) for n in sorted(ghead))
                title = norm(p.get("title"))
                accepted = {norm(g["title"])} | {norm(x) for x in g.get("title_alternatives") or []}
                strict = title in accepted
                lenient = strict or (bool(title) and norm(g["title"]) in title and title in head_text)
                t["title_strict"] += strict
                t["title_lenient"] += lenient
                if not lenient:
                    problems.append(f"TITLE    {label}: pred {title!r}")
            for role in ("reporters", "correspondents", "photographers"):
                ok = {norm(x) for x in g.get(role) or []} == {norm(x) for x in p.get(role) or []}
                t[role] += ok
                if not ok:
                    problems.append(f"CREDIT   {label}: {role} gold {g.get(role)} pred {p.get(role)}")
            gd, pd = _month_day(g.get("event_date")), _month_day(p.get("event_date"))
            t["date"] += gd == pd
            if gd != pd:
                problems.append(f"DATE     {label}: gold {gd} pred {pd}")
            t["district"] += norm(p.get("district")) == norm(gold["district"])
            t["city"] += norm(p.get("city")) == norm(gold["city"])
            for kind, key in (("per", "persons"), ("org", "organizations")):
                gs, ps = {norm(x) for x in g.get(key) or []}, {norm(x) for x in p.get(key) or []}
                t[f"{kind}_tp"] += len(gs & ps)
                t[f"{kind}_fp"] += len(ps - gs)
                t[f"{kind}_fn"] += len(gs - ps)
                if gs != ps:
                    problems.append(f"{kind.upper():8} {label}: missing {sorted(gs - ps)} extra {sorted(ps - gs)}")

    n = t["gold"] or 1
    bp, br = t["b3_p"] / (t["b3_n"] or 1), t["b3_r"] / (t["b3_n"] or 1)

    def ratio(num: str, den: str) -> float:
        return t[num] / t[den] if t[den] else 1.0

    figures = {
        "pages": len(golds), "gold_articles": int(t["gold"]), "pred_articles": int(t["pred"]),
        "exact_recall": t["exact"] / n, "exact_precision": t["exact"] / (t["pred"] or 1),
        "bcubed_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
        "line_coverage": t["covered"] / (t["lines"] or 1),
        "reading_order": ratio("order_ok", "fragmented"),
        "headline_exact": ratio("head_ok", "headed"),
        "title_strict": ratio("title_strict", "headed"), "title_lenient": ratio("title_lenient", "headed"),
        "reporters": t["reporters"] / n, "correspondents": t["correspondents"] / n,
        "photographers": t["photographers"] / n, "event_date": t["date"] / n,
        "district": t["district"] / n, "city": t["city"] / n,
        "persons_f1": _f1(t["per_tp"], t["per_fp"], t["per_fn"]),
        "organizations_f1": _f1(t["org_tp"], t["org_fp"], t["org_fn"]),
        "organizations_precision": t["org_tp"] / ((t["org_tp"] + t["org_fp"]) or 1),
    }
    return figures, problems


def format_figures(figures: dict) -> str:
    return "\n".join(f"{k:18} {v:.3f}" if isinstance(v, float) else f"{k:18} {v}" for k, v in figures.items())
