"""Page labels in English and Chinese, and choosing the reader's language.

The language comes from ``?lang=`` (remembered in a cookie), else the
browser's ``Accept-Language``, else English.

>>> pick_language("zh", None, None)
'zh'
>>> pick_language(None, None, "zh-CN,zh;q=0.9,en;q=0.8")
'zh'
>>> translate("zh", "scoreboard")
'目标记分板'
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")

LABELS: dict[str, dict[str, str]] = {
    "app": {"en": "goalpost", "zh": "goalpost"},
    "scoreboard": {"en": "Scoreboard", "zh": "目标记分板"},
    "documents": {"en": "Documents", "zh": "文件"},
    "indicators": {"en": "Indicators", "zh": "指标"},
    "revisions": {"en": "Revisions", "zh": "目标修订"},
    "search": {"en": "Search", "zh": "搜索"},
    "import": {"en": "Import", "zh": "导入"},
    "login": {"en": "Log in", "zh": "登录"},
    "logout": {"en": "Log out", "zh": "退出"},
    "logged_in_as": {"en": "Signed in as", "zh": "当前用户"},
    "region": {"en": "Region", "zh": "地区"},
    "plan": {"en": "Plan", "zh": "规划"},
    "status": {"en": "Status", "zh": "状态"},
    "indicator": {"en": "Indicator", "zh": "指标"},
    "deadline": {"en": "Deadline", "zh": "期限"},
    "deadline_year": {"en": "Deadline year", "zh": "期限年份"},
    "text": {"en": "Text", "zh": "文本"},
    "sort": {"en": "Sort", "zh": "排序"},
    "filter": {"en": "Filter", "zh": "筛选"},
    "clear": {"en": "Clear", "zh": "清除"},
    "all": {"en": "All", "zh": "全部"},
    "target": {"en": "Target", "zh": "目标"},
    "targets": {"en": "Targets", "zh": "目标"},
    "observation": {"en": "Observation", "zh": "统计值"},
    "observations": {"en": "Observations", "zh": "统计值"},
    "baseline": {"en": "Baseline", "zh": "基线"},
    "latest": {"en": "Latest", "zh": "最新值"},
    "progress": {"en": "Progress", "zh": "进度"},
    "forecast": {"en": "Forecast", "zh": "预测"},
    "forecast_band": {"en": "Forecast range", "zh": "预测区间"},
    "required_path": {"en": "Required trajectory", "zh": "所需路径"},
    "revision_markers": {"en": "Revisions", "zh": "修订"},
    "explanation": {"en": "Why this status", "zh": "状态说明"},
    "source_sentence": {"en": "Source sentence", "zh": "原文句子"},
    "open_in_document": {"en": "Open in the document", "zh": "在文件中查看"},
    "history": {"en": "Revision history across plans", "zh": "跨规划的修订历史"},
    "reviews": {"en": "Reviews and corrections", "zh": "审核与更正"},
    "review": {"en": "Review", "zh": "审核"},
    "accept": {"en": "Accept", "zh": "确认"},
    "correct": {"en": "Correct", "zh": "更正"},
    "reject": {"en": "Reject", "zh": "驳回"},
    "note": {"en": "Note", "zh": "备注"},
    "save": {"en": "Save", "zh": "保存"},
    "value": {"en": "Value", "zh": "数值"},
    "unit": {"en": "Unit", "zh": "单位"},
    "date": {"en": "Date", "zh": "日期"},
    "period": {"en": "Period", "zh": "期间"},
    "language": {"en": "Language", "zh": "语言"},
    "title": {"en": "Title", "zh": "标题"},
    "outline": {"en": "Outline", "zh": "目录"},
    "source": {"en": "Source", "zh": "来源"},
    "no_results": {"en": "Nothing matches.", "zh": "没有匹配的结果。"},
    "results": {"en": "results", "zh": "条结果"},
    "page": {"en": "Page", "zh": "页"},
    "previous": {"en": "Previous", "zh": "上一页"},
    "next": {"en": "Next", "zh": "下一页"},
    "chart": {"en": "Chart", "zh": "图表"},
    "corrected": {"en": "corrected", "zh": "已更正"},
    "token": {"en": "API token", "zh": "API 令牌"},
    "login_help": {
        "en": "Paste a token made with `goalpost token create NAME` (or $GOALPOST_TOKEN).",
        "zh": "粘贴由 `goalpost token create NAME` 生成的令牌（或 $GOALPOST_TOKEN）。",
    },
    "login_to_review": {"en": "Log in to review this item.", "zh": "登录后可审核此项。"},
    "upload_documents": {"en": "Upload documents", "zh": "上传文件"},
    "upload_statistics": {"en": "Upload statistics (CSV/XLSX)", "zh": "上传统计数据（CSV/XLSX）"},
    "upload": {"en": "Upload", "zh": "上传"},
    "uploading": {"en": "Uploading…", "zh": "正在上传…"},
    "row_errors": {"en": "Row errors", "zh": "行错误"},
    "file": {"en": "File", "zh": "文件"},
    "import_results": {"en": "Import results", "zh": "导入结果"},
    "merge_into": {"en": "Merge this indicator into", "zh": "将此指标合并到"},
    "link_phrase": {"en": "Link a phrase to this indicator", "zh": "将短语关联到此指标"},
    "phrase": {"en": "Phrase", "zh": "短语"},
    "kind": {"en": "Kind", "zh": "类型"},
    "comparator": {"en": "Comparator", "zh": "比较符"},
    "section": {"en": "Plan action", "zh": "规划行动"},
    "who": {"en": "Who", "zh": "操作人"},
    "when": {"en": "When", "zh": "时间"},
    "before": {"en": "Before", "zh": "修改前"},
    "after": {"en": "After", "zh": "修改后"},
    "action": {"en": "Action", "zh": "操作"},
    "matching_sentences": {"en": "Matching sentences", "zh": "匹配的句子"},
    "not_found": {"en": "Not found", "zh": "未找到"},
    "error": {"en": "Error", "zh": "错误"},
    "items": {"en": "Extracted items", "zh": "抽取的条目"},
    "year": {"en": "Year", "zh": "年份"},
    "status.achieved": {"en": "achieved", "zh": "已实现"},
    "status.on_track": {"en": "on track", "zh": "进展顺利"},
    "status.needs_acceleration": {"en": "needs acceleration", "zh": "需加快"},
    "status.limited_progress": {"en": "limited progress", "zh": "进展有限"},
    "status.deteriorating": {"en": "deteriorating", "zh": "恶化"},
    "status.missed": {"en": "missed", "zh": "未实现"},
    "status.off_track": {"en": "off track", "zh": "偏离轨道"},
    "status.insufficient_data": {"en": "insufficient data", "zh": "数据不足"},
    "status.awaiting_data": {"en": "awaiting data", "zh": "等待数据"},
    "status.not_assessed": {"en": "not assessed", "zh": "未评估"},
    "sort.plan": {"en": "Plan order", "zh": "按规划"},
    "sort.deadline": {"en": "Deadline", "zh": "按期限"},
    "sort.status": {"en": "Status", "zh": "按状态"},
    "sort.progress": {"en": "Progress (lowest first)", "zh": "按进度（低到高）"},
    "sort.-progress": {"en": "Progress (highest first)", "zh": "按进度（高到低）"},
    "sort.indicator": {"en": "Indicator", "zh": "按指标"},
}

# Status words with a symbol each, so a chip reads the same without colour.
STATUS_SYMBOL = {
    "achieved": "✔",
    "on_track": "▲",
    "needs_acceleration": "◆",
    "limited_progress": "▼",
    "deteriorating": "✖",
    "missed": "✖",
    "off_track": "✖",
    "insufficient_data": "?",
    "awaiting_data": "…",
    "not_assessed": "–",
}


def translate(lang: str, key: str) -> str:
    """The label ``key`` in ``lang`` (English, else the key itself, when missing)."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]


def pick_language(query: str | None, cookie: str | None, accept: str | None) -> str:
    """The page language from the query, the remembered choice, or the browser."""
    for choice in (query, cookie):
        if choice in LANGUAGES:
            return choice
    best, best_q = "en", -1.0
    for part in (accept or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES and q > best_q:
            best, best_q = primary, q
    return best
