"""Chinese progress reports and policy terms: completion rates, baselines against targets,
visitor counts, rates of a one-off reward."""

from __future__ import annotations

import pytest

from goalpost.extract import extract_text


def _items(
    text: str, title: str = "关于“十四五”规划主要目标中期进展情况的通报", date: str = "2024-07-30"
):
    return extract_text(text, date=date, title=title, lang="zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 目前: as of the report; 完成率: how far a target has got
        (
            "新能源装机规模规划目标为2025年达到1.35亿千瓦以上，目前目标完成率为83%。",
            [("target", 1.35e8, "2025"), ("observation", 83.0, "2024-07-30")],
        ),
        # a baseline's year is no deadline; a past year of its own clause is a report
        (
            "非化石能源消费比重基线值（2020年）为14.3%，规划目标为18%，2023年达到16.9%。",
            [
                ("observation", 14.3, "2020"),
                ("target", 18.0, "2025"),
                ("observation", 16.9, "2023"),
            ],
        ),
    ],
)
def test_progress_against_a_plans_targets(text: str, expected: list) -> None:
    assert [(i.kind, i.value, i.date) for i in _items(text)] == expected


def test_visitor_counts_without_a_measure_word_are_counts() -> None:
    (item,) = _items("訪港旅客人次達4,450萬。", title="財政預算案", date="2025-02-26")
    assert (item.value, item.unit) == (44500000.0, "count")


def test_a_reward_as_a_share_of_capital_is_a_policy_rate() -> None:
    items = _items(
        "对新引进的游艇企业，按其实缴注册资本的5%给予一次性奖励。",
        title="若干措施",
        date="2024-05-01",
    )
    assert items == []
