"""Inline SVG charts for the self-contained report (no scripts, no network)."""

from __future__ import annotations

from html import escape
from typing import Any


def period_to_year(period: str | None) -> float | None:
    """Chart position of a period: the year label sits at the end of that year.

    >>> period_to_year("2021"), period_to_year("2021-06")
    (2021.0, 2020.5)
    """
    from goalpost.assess._periods import try_period_end

    end = try_period_end(period)
    return None if end is None else end - 1


def target_chart(
    observations: list[dict[str, Any]], target: dict[str, Any], width: int = 360, height: int = 150
) -> str:
    """A small line chart: observations as a line with points, the target as a marker at its deadline."""
    pts = sorted(
        (y, o["value"]) for o in observations if (y := period_to_year(o.get("date"))) is not None
    )
    ty = period_to_year(target.get("date"))
    tv = target.get("value")
    xs = [p[0] for p in pts] + ([ty] if ty is not None else [])
    ys = [p[1] for p in pts] + ([tv] if tv is not None else [])
    if target.get("value_max") is not None:
        ys.append(target["value_max"])
    if not xs or not ys:
        return '<p class="nochart">No data to chart.</p>'
    pad_l, pad_r, pad_t, pad_b = 48, 12, 10, 22
    x0, x1 = min(xs) - 0.5, max(xs) + 0.5
    y0, y1 = min(0.0, min(ys)), max(ys) * 1.1 or 1.0

    def sx(x: float) -> float:
        return pad_l + (x - x0) / (x1 - x0) * (width - pad_l - pad_r)

    def sy(y: float) -> float:
        return height - pad_b - (y - y0) / ((y1 - y0) or 1) * (height - pad_t - pad_b)

    from goalpost._render import format_number

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="observations and target">',
        f'<line x1="{pad_l}" y1="{height - pad_b}" x2="{width - pad_r}" y2="{height - pad_b}" stroke="#999"/>',
        f'<line x1="{pad_l}" y1="{pad_t}" x2="{pad_l}" y2="{height - pad_b}" stroke="#999"/>',
        f'<text x="{pad_l - 4}" y="{sy(y1) + 4:.1f}" text-anchor="end" font-size="9">{escape(format_number(y1))}</text>',
        f'<text x="{pad_l - 4}" y="{sy(y0):.1f}" text-anchor="end" font-size="9">{escape(format_number(y0))}</text>',
    ]
    for yr in range(int(x0 + 0.5), int(x1) + 1):
        parts.append(
            f'<text x="{sx(yr):.1f}" y="{height - 6}" text-anchor="middle" font-size="9">{yr}</text>'
        )
    if len(pts) > 1:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{sx(x):.1f},{sy(y):.1f}" for i, (x, y) in enumerate(pts)
        )
        parts.append(f'<path d="{path}" fill="none" stroke="#2563eb" stroke-width="2"/>')
    for x, y in pts:
        parts.append(
            f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="#2563eb"><title>{x:.0f}: {escape(format_number(y))}</title></circle>'
        )
    if ty is not None and tv is not None:
        if pts:
            bx, by = pts[0]
            parts.append(
                f'<line x1="{sx(bx):.1f}" y1="{sy(by):.1f}" x2="{sx(ty):.1f}" y2="{sy(tv):.1f}" stroke="#16a34a" stroke-dasharray="4 3"/>'
            )
        parts.append(
            f'<rect x="{sx(ty) - 4:.1f}" y="{sy(tv) - 4:.1f}" width="8" height="8" fill="#16a34a"><title>target {escape(format_number(tv))} by {escape(str(target.get("date")))}</title></rect>'
        )
    parts.append("</svg>")
    return "".join(parts)
