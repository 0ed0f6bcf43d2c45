"""Write N realistic S&T plan and report documents, in English and Chinese, from a seed.

Every document comes from templates of this module (no customer text): a
plan full of targets ("By the end of 2023, the city will have over 12,400
hi-tech enterprises"), a statistical bulletin or news report full of
observations ("截至2021年底，全市共有科技企业孵化器286家"), or a mix, wrapped in
the debris real pages carry (menus, "Update: ... Source: ..." lines, share
buttons, copyright footers, phone numbers, document numbers). Phrasing,
numbers (12,400 / 1.24万 / 3.5 billion yuan / 120亿元), dates, cities, formats
(.txt, .md, .html) and lengths vary.

Document ``i`` depends only on ``(seed, i)``, so the corpus of 1,000 is the
first 1,000 files of the corpus of 100,000, and two runs write identical
bytes. Files go to ``OUT/{en,zh}/{i // 1000:03d}/``; ``OUT/corpus.json``
records what was written.

Usage::

    python benchmarks/make_corpus.py /tmp/corpus --n 1000 --seed 0

>>> path, text = render_document(7, seed=0)
>>> path == render_document(7, seed=0)[0] and text == render_document(7, seed=0)[1]
True
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# (English name, Chinese name, web site) of cities that plan S&T innovation.
CITIES = [
    ("Guangzhou", "广州", "gz.gov.cn"), ("Shenzhen", "深圳", "sz.gov.cn"),
    ("Hangzhou", "杭州", "hangzhou.gov.cn"), ("Nanjing", "南京", "nanjing.gov.cn"),
    ("Wuhan", "武汉", "wuhan.gov.cn"), ("Chengdu", "成都", "chengdu.gov.cn"),
    ("Xi'an", "西安", "xa.gov.cn"), ("Hefei", "合肥", "hefei.gov.cn"),
    ("Suzhou", "苏州", "suzhou.gov.cn"), ("Dongguan", "东莞", "dg.gov.cn"),
    ("Foshan", "佛山", "foshan.gov.cn"), ("Zhuhai", "珠海", "zhuhai.gov.cn"),
    ("Changsha", "长沙", "changsha.gov.cn"), ("Zhengzhou", "郑州", "zhengzhou.gov.cn"),
    ("Qingdao", "青岛", "qingdao.gov.cn"), ("Ningbo", "宁波", "ningbo.gov.cn"),
    ("Xiamen", "厦门", "xm.gov.cn"), ("Jinan", "济南", "jinan.gov.cn"),
    ("Fuzhou", "福州", "fuzhou.gov.cn"), ("Kunming", "昆明", "km.gov.cn"),
    ("Shenyang", "沈阳", "shenyang.gov.cn"), ("Dalian", "大连", "dl.gov.cn"),
    ("Wuxi", "无锡", "wuxi.gov.cn"), ("Changzhou", "常州", "changzhou.gov.cn"),
]  # fmt: skip


@dataclass(frozen=True)
class Indicator:
    """An indicator as plans write it: names, unit kind and a plausible scale."""

    en: tuple[str, ...]
    zh: tuple[str, ...]
    unit: str  # count | % | money
    low: float
    high: float
    zh_measure: str = "家"


INDICATORS = [
    Indicator(("hi-tech enterprises", "high-tech enterprises", "hi-tech companies", "national high-tech enterprises"),
              ("高新技术企业", "国家高新技术企业"), "count", 800, 20000),
    Indicator(("technology business incubators", "incubators", "S&T business incubators"),
              ("科技企业孵化器", "孵化器"), "count", 40, 600),
    Indicator(("maker spaces", "makerspaces", "crowd innovation spaces"), ("众创空间",), "count", 30, 500, "个"),
    Indicator(("new R&D institutions", "new-type R&D institutions"), ("新型研发机构",), "count", 10, 120),
    Indicator(("key laboratories", "provincial key laboratories"), ("省级重点实验室", "重点实验室"), "count", 10, 300, "个"),
    Indicator(("technology-based SMEs", "tech SMEs"), ("科技型中小企业",), "count", 1000, 30000),
    Indicator(("PCT international patent applications", "PCT applications"), ("PCT国际专利申请量",), "count", 200, 9000, "件"),
    Indicator(("invention patents per 10,000 people", "invention patents owned per 10,000 people"),
              ("每万人发明专利拥有量",), "count", 8, 120, "件"),
    Indicator(("R&D expenditure", "total R&D fund", "R&D spending"), ("研发经费支出", "全社会研发经费支出"), "money", 50, 2000),
    Indicator(("technology contract turnover", "turnover of technology contracts"), ("技术合同成交额",), "money", 50, 2500),
    Indicator(("output value of high-tech products", "high-tech product output"), ("高新技术产品产值",), "money", 500, 12000),
    Indicator(("venture capital investment", "VC investment"), ("创业投资金额",), "money", 20, 900),
    Indicator(("R&D expenditure as a share of GDP", "R&D intensity"), ("研发经费投入强度", "全社会研发经费支出占地区生产总值比重"),
              "%", 1.5, 4.5),
    Indicator(("contribution of S&T progress", "contribution rate of S&T progress"), ("科技进步贡献率",), "%", 50, 70),
    Indicator(("share of high-tech manufacturing in industrial value added",), ("高技术制造业增加值占规模以上工业增加值比重",), "%", 10, 45),
]  # fmt: skip

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip
ZH_NUMERALS = "一二三四五六七八九十"


# ---------------------------------------------------------------- numbers
def en_count(r: random.Random, v: float) -> str:
    n = int(v)
    if n >= 10000 and r.random() < 0.3:
        return f"{n / 1000:.1f} thousand".replace(".0 ", " ")
    return f"{n:,}" if r.random() < 0.8 else str(n)


def en_money(r: random.Random, v: float) -> str:
    # v is in units of 100 million yuan (亿元), as Chinese statistics publish it
    if v >= 10000 and r.random() < 0.5:
        return f"{v / 10000:.2f} trillion yuan"
    style = r.random()
    billions = v / 10
    if style < 0.4:
        return f"{billions:,.1f} billion yuan"
    if style < 0.7:
        return f"RMB {billions:,.1f} billion"
    if style < 0.85:
        return f"CNY {billions:,.2f} billion"
    return f"{v * 100:,.0f} million yuan"


def zh_count(r: random.Random, v: float) -> str:
    n = int(v)
    if n >= 10000 and r.random() < 0.6:
        return f"{n / 10000:.2f}".rstrip("0").rstrip(".") + "万"
    return f"{n:,}" if r.random() < 0.2 else str(n)


def zh_money(r: random.Random, v: float) -> str:
    if v >= 10000 and r.random() < 0.6:
        return f"{v / 10000:.2f}".rstrip("0").rstrip(".") + "万亿元"
    return f"{v:.1f}".rstrip("0").rstrip(".") + "亿元"


def value_text(r: random.Random, ind: Indicator, v: float, lang: str) -> str:
    if ind.unit == "%":
        return f"{v:.1f}%" if lang == "en" or r.random() < 0.8 else f"{v:.1f}％"
    if ind.unit == "money":
        return en_money(r, v) if lang == "en" else zh_money(r, v)
    if lang == "en":
        return en_count(r, v)
    return zh_count(r, v) + ind.zh_measure


def draw(r: random.Random, ind: Indicator) -> float:
    v = r.uniform(ind.low, ind.high)
    return round(v, 1) if ind.unit == "%" else float(int(v))


# ---------------------------------------------------------------- English sentences
def en_target(r: random.Random, city: str, y: int) -> str:
    ind = r.choice(INDICATORS)
    name, v = r.choice(ind.en), draw(r, ind)
    x = value_text(r, ind, v, "en")
    by = r.choice(
        [f"By {y}", f"By the end of {y}", f"By {r.choice(EN_MONTHS)} {y}", f"Before the end of {y}"]
    )
    if ind.unit == "%":
        forms = [
            f"{by}, {name} will reach {x}.",
            f"{by}, the city's {name} will rise to about {x}.",
            f"The city aims to raise {name} to more than {x} by {y}.",
            f"{by}, {name} will be no less than {x}, and {r.choice(ind.en)} will keep rising.",
        ]
    else:
        a = value_text(r, ind, v * 0.9, "en")
        forms = [
            f"{by}, {city} will have over {x} {name}.",
            f"{by}, the number of {name} in the city will exceed {x}.",
            f"{by}, {name} will reach {x}, an increase of {r.randint(10, 80)}% over {y - 3}.",
            f"The city strives to have more than {x} {name} by {y}.",
            f"{by}, the city will cultivate between {a} and {x} {name}.",
            f"{by}, {name} will total approximately {x}.",
        ]
        if ind.unit == "money":
            forms.append(
                f"{name.capitalize()} will grow by {r.randint(8, 20)}% annually on average until {y}."
            )
    return r.choice(forms)


def en_observation(r: random.Random, city: str, y: int) -> str:
    ind = r.choice(INDICATORS)
    name, v = r.choice(ind.en), draw(r, ind)
    x = value_text(r, ind, v, "en")
    month = r.choice(EN_MONTHS)
    if ind.unit == "count":
        forms = [
            f"By {month} {y}, {city} had {x} {name}.",
            f"As of the end of {y}, there were {x} {name} in the city, up {r.randint(3, 40)}% year on year.",
            f"{city} is now home to {x} {name}, according to figures released in {month} {y}.",
            f"In {y}, the number of {name} in {city} reached {x}, {r.choice(['ranking', 'placing'])} {r.choice(['first', 'second', 'third'])} in the province.",
        ]
    elif ind.unit == "money":
        forms = [
            f"In {y}, {city}'s {name} reached {x}, up {r.uniform(2, 30):.1f}% year on year.",
            f"The city's {name} stood at {x} in {y}.",
            f"{name.capitalize()} totalled {x} in the first {r.randint(2, 11)} months of {y}.",
        ]
    else:
        forms = [
            f"In {y}, {name} reached {x}, {r.uniform(0.1, 0.6):.2f} percentage points higher than the previous year.",
            f"By the end of {y}, {city}'s {name} was {x}.",
        ]
    return r.choice(forms)


EN_FILLER = [
    "The city will improve the policy environment for innovation and deepen the reform of the S&T management system.",
    "Efforts will be made to attract leading talents and their teams from home and abroad.",
    "Universities, research institutes and enterprises will be encouraged to jointly build innovation platforms.",
    "The government will increase fiscal support and guide social capital into S&T innovation.",
    "Intellectual property protection will be strengthened and the transfer of research results accelerated.",
    "A number of major S&T infrastructure projects will be planned and built in the science city.",
    "The pilot zone will explore new mechanisms for cross-border flows of research funds and talents.",
    "Enterprises are encouraged to set up R&D centres overseas and take part in international standard setting.",
    "For details, call the service hotline 12345 or visit the service hall at No. {n} Fuqian Road.",
    "The measures take effect on the date of issue and are valid for {k} years.",
    "Room {n}, Building {k}, the municipal science and technology bureau will handle applications.",
]
EN_SECTIONS = [
    "Overall Goal", "Main Targets", "Major Tasks", "Key Actions", "Strengthening Basic Research",
    "Cultivating Innovative Enterprises", "Building Innovation Platforms", "Attracting Talents",
    "Developing Sci-tech Finance", "Opening up and Cooperation", "Safeguard Measures",
]  # fmt: skip
EN_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def en_document(r: random.Random, city: str, site: str, kind: str, year: int) -> tuple[str, str]:
    y0, y1 = year, year + r.choice([2, 3, 5])
    if kind == "plan":
        title = r.choice([
            f"Three-year Action Plan of {city} for S&T Innovation ({y0}-{y1})",
            f"Implementation Plan of {city} on Building a National Innovation City ({y0}-{y1})",
            f"{city} Work Plan for Developing High-tech Industries ({y0}-{y1})",
        ])  # fmt: skip
    else:
        title = r.choice([
            f"{city}'s innovation ecosystem gaining momentum",
            f"Statistical Bulletin on Science and Technology of {city} in {year}",
            f"{city} releases S&T progress report for {year}",
            f"Innovation drives {city}'s high-quality development",
        ])  # fmt: skip
    month, day = r.randint(1, 12), r.randint(1, 28)
    head = r.choice([
        f"Home > News > Science & Technology\n\n{title}\n\nUpdate: {year}-{month:02d}-{day:02d}     Source: {site}",
        f"Home   |   About {city}   |   Directory   |   Contact Us   |   Help Center\nGovernment  |   Residents  |   Visitors  |   Business\n{title}\nUpdate: {year}-{month:02d}-{day:02d}     Source: {site}",
        f"{title}\n\n{EN_MONTHS[month - 1]} {day}, {year}  |  {site}",
    ])  # fmt: skip
    paras = [head]
    if kind == "plan":
        paras.append(
            f"On {EN_MONTHS[month - 1]} {day}, {year}, {city} promulgated the {title}, aiming to make the city a leading hub of S&T innovation by {y1}."
        )
    for k, sec in enumerate(r.sample(EN_SECTIONS, r.randint(3, 6))):
        paras.append(r.choice([f"{EN_ROMAN[k]}. {sec}", sec, f"({k + 1}) {sec}"]))
        for _ in range(r.randint(1, 4)):
            sents = []
            for _ in range(r.randint(2, 5)):
                roll = r.random()
                if kind == "plan" and roll < 0.45 or kind == "mixed" and roll < 0.25:
                    sents.append(en_target(r, city, r.randint(y0 + 1, y1)))
                elif kind != "plan" and roll < 0.55 or roll < 0.15:
                    sents.append(en_observation(r, city, r.randint(year - 3, year)))
                else:
                    sents.append(
                        r.choice(EN_FILLER).format(n=r.randint(2, 2999), k=r.randint(2, 9))
                    )
            paras.append(" ".join(sents))
    paras.append(r.choice([
        f"Copyright © {year} {site}. All Rights Reserved.",
        f"Share to: WeChat | Weibo | Print | Close\nCopyright © {site} | ICP No. {r.randint(10000000, 99999999)} | Tel: 020-{r.randint(10000000, 99999999)}",
        f"Editor: {r.choice(['Li Hua', 'Zhang Wei', 'Chen Jing', 'Wang Fang'])}",
    ]))  # fmt: skip
    return title, "\n\n".join(paras) + "\n"


# ---------------------------------------------------------------- Chinese sentences
def zh_target(r: random.Random, y: int) -> str:
    ind = r.choice(INDICATORS)
    name, v = r.choice(ind.zh), draw(r, ind)
    x = value_text(r, ind, v, "zh")
    by = r.choice([f"到{y}年", f"到{y}年底", f"至{y}年末", f"力争到{y}年"])
    forms = [
        f"{by}，全市{name}达到{x}",
        f"{by}，{name}超过{x}",
        f"{by}，{name}突破{x}",
        f"{by}，{name}力争达到{x}以上",
    ]
    if ind.unit == "%":
        forms += [f"{by}，{name}提高到{x}左右"]
    if ind.unit == "money":
        forms += [f"{by}，{name}年均增长{r.randint(8, 20)}%以上"]
    return r.choice(forms) + r.choice(
        ["。", "；", "。", "，" + r.choice(["创新能力显著增强", "创新生态更加完善"]) + "。"]
    )


def zh_observation(r: random.Random, y: int) -> str:
    ind = r.choice(INDICATORS)
    name, v = r.choice(ind.zh), draw(r, ind)
    x = value_text(r, ind, v, "zh")
    forms = [
        f"截至{y}年底，全市共有{name}{x}",
        f"{y}年，全市{name}达{x}，同比增长{r.uniform(2, 35):.1f}%",
        f"{y}年{r.randint(1, 12)}月末，{name}累计达到{x}",
        f"{y}年全市{name}为{x}，居全省第{r.choice(ZH_NUMERALS[:3])}位",
    ]
    return r.choice(forms) + "。"


ZH_FILLER = [
    "深化科技体制机制改革，营造良好创新生态。",
    "加大财政科技投入力度，引导社会资本投向科技创新。",
    "支持高校、科研院所与企业共建创新平台，促进科技成果转移转化。",
    "加强知识产权保护，完善科技金融服务体系。",
    "大力引进海内外高层次人才及其团队，优化人才发展环境。",
    "推动粤港澳大湾区科技创新合作，积极融入全球创新网络。",
    "各区、各有关部门要高度重视，结合实际抓好贯彻落实。",
    "本方案自印发之日起施行，有效期{k}年。",
    "咨询电话：020-{n}，地址：市府路{k}号。",
]
ZH_SECTIONS = ["总体目标", "主要目标", "重点任务", "强化基础研究", "培育创新型企业", "建设创新平台",
               "集聚创新人才", "发展科技金融", "深化开放合作", "保障措施"]  # fmt: skip


def zh_document(r: random.Random, city: str, kind: str, year: int) -> tuple[str, str]:
    y0, y1 = year, year + r.choice([2, 3, 5])
    if kind == "plan":
        title = r.choice([
            f"{city}市科技创新三年行动计划（{y0}—{y1}年）",
            f"{city}市建设国家创新型城市实施方案（{y0}—{y1}年）",
            f"关于加快{city}市高新技术产业发展的实施意见（{y0}—{y1}年）",
        ])  # fmt: skip
    else:
        title = r.choice([
            f"{city}市{year}年科技创新发展统计公报",
            f"{year}年{city}市科技创新工作情况通报",
            f"{city}市创新生态持续优化 科技创新能力稳步提升",
        ])  # fmt: skip
    month, day = r.randint(1, 12), r.randint(1, 28)
    head = r.choice([
        f"首页 > 政务公开 > 规划计划\n{title}\n发布时间：{year}-{month:02d}-{day:02d}  来源：{city}市科学技术局\n【字体：大 中 小】 打印本页 关闭窗口",
        f"{title}\n{year}年{month}月{day}日  来源：{city}日报",
        f"当前位置：首页 > 新闻中心 > 科技动态\n\n{title}\n\n发布日期：{year}年{month}月{day}日",
    ])  # fmt: skip
    paras = [head]
    if kind == "plan":
        paras.append("为深入实施创新驱动发展战略，加快建设科技创新强市，结合我市实际，制定本方案。")
    for k, sec in enumerate(r.sample(ZH_SECTIONS, r.randint(3, 6))):
        paras.append(f"{ZH_NUMERALS[k]}、{sec}")
        for j in range(r.randint(1, 4)):
            sents = []
            for _ in range(r.randint(2, 5)):
                roll = r.random()
                if kind == "plan" and roll < 0.45 or kind == "mixed" and roll < 0.25:
                    sents.append(zh_target(r, r.randint(y0 + 1, y1)))
                elif kind != "plan" and roll < 0.55 or roll < 0.15:
                    sents.append(zh_observation(r, r.randint(year - 3, year)))
                else:
                    sents.append(
                        r.choice(ZH_FILLER).format(
                            n=r.randint(10000000, 99999999), k=r.randint(2, 9)
                        )
                    )
            prefix = f"（{ZH_NUMERALS[j]}）" if r.random() < 0.5 else ""
            paras.append(prefix + "".join(sents))
    paras.append(r.choice([
        f"版权所有：{city}市人民政府办公厅  备案号：ICP备{r.randint(10000000, 99999999)}号",
        f"分享到：微信 微博  【打印】【关闭】\n主办单位：{city}市科学技术局  联系电话：020-{r.randint(10000000, 99999999)}",
        f"（责任编辑：{r.choice(['李华', '张伟', '陈静', '王芳'])}）",
    ]))  # fmt: skip
    return title, "\n".join(paras) + "\n"


# ---------------------------------------------------------------- formats
def as_markdown(title: str, text: str) -> str:
    lines = text.split("\n")
    return "\n".join(f"# {x}" if x == title else x for x in lines)


def as_html(title: str, text: str, lang: str) -> str:
    body = "\n".join(
        f"<h1>{x}</h1>" if x == title else f"<p>{x}</p>" for x in text.split("\n") if x.strip()
    )
    nav = "<nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/about'>About</a></nav>"
    return (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>"
            f"<script>var _hmt = _hmt || [];</script></head>\n<body>{nav}\n<article>\n{body}\n</article>"
            f"\n<footer>Copyright</footer></body></html>\n")  # fmt: skip


RENDER: dict[str, Callable[[str, str, str], str]] = {
    ".txt": lambda title, text, lang: text,
    ".md": lambda title, text, lang: as_markdown(title, text),
    ".html": as_html,
}


def render_document(i: int, seed: int = 0, zh_share: float = 0.4) -> tuple[str, str]:
    """Relative path and content of document ``i`` of the corpus ``seed``.

    >>> render_document(0, seed=1)[0].split("/")[:2]
    ['en', '000']
    """
    r = random.Random(f"goalpost-corpus:{seed}:{i}")
    lang = "zh" if r.random() < zh_share else "en"
    city_en, city_zh, site = r.choice(CITIES)
    kind = r.choices(["plan", "report", "mixed"], weights=[4, 4, 2])[0]
    year = r.randint(2012, 2025)
    if lang == "en":
        title, text = en_document(r, city_en, site, kind, year)
    else:
        title, text = zh_document(r, city_zh, kind, year)
    ext = r.choices([".txt", ".md", ".html"], weights=[8, 1, 1])[0]
    slug = city_en.lower().replace("'", "")
    path = f"{lang}/{i // 1000:03d}/{i:06d}_{slug}_{kind}_{year}{ext}"
    return path, RENDER[ext](title, text, lang)


def generate_corpus(out: str | Path, n: int, seed: int = 0, zh_share: float = 0.4) -> dict:
    """Write documents ``0..n-1`` under ``out``; returns (and writes) the manifest.

    Files already there with the right content are left alone, so growing a
    corpus from 1,000 to 100,000 only writes the new ones.
    """
    out = Path(out)
    files, size = 0, 0
    for i in range(n):
        rel, text = render_document(i, seed, zh_share)
        data = text.encode("utf-8")
        p = out / rel
        if not (p.exists() and p.stat().st_size == len(data) and p.read_bytes() == data):
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        files += 1
        size += len(data)
    manifest = {"n": n, "seed": seed, "zh_share": zh_share, "files": files, "bytes": size}
    (out / "corpus.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="folder to write into")
    ap.add_argument("--n", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--zh-share", type=float, default=0.4, help="share of Chinese documents")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    m = generate_corpus(args.out, args.n, args.seed, args.zh_share)
    dt = time.perf_counter() - t0
    print(f"wrote {m['files']:,} documents, {m['bytes'] / 2**20:.1f} MiB, to {args.out} "
          f"in {dt:.1f} s (seed {args.seed})")  # fmt: skip


if __name__ == "__main__":
    main()
