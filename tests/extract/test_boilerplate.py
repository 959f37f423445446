"""Boilerplate ranges: one made-up page per artifact class, and the article body never excluded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.boilerplate import excluded_ranges
from extract.normalize import normalize_text

BODY = [
    "【東京】経済産業省は10日、国内の生成AI開発を支援する新たな事業を始めると発表した。計算資源の確保に約300億円を充てる。",
    "同省によると、採択された企業には米エヌビディア製のGPUを優先的に割り当てる。さくらインターネットも参加する見通しだ。",
    "専門家からは、海外製の半導体への依存が強まるとの懸念も出ている。",
]
HEAD = ["経産省、生成AI開発を支援　計算資源に300億円", "2025年6月10日"]

ARTIFACTS = {
    "navigation": ["トップ｜ニュース｜経済｜国際｜テクノロジー｜ログイン"],
    "breadcrumb": ["ホーム ＞ 経済 ＞ テクノロジー"],
    "skip link": ["メインコンテンツへスキップ"],
    "share widget": ["この記事をシェア　X　Facebook　LINE　はてなブックマーク"],
    "comment widget": ["コメント0"],
    "ad": ["PR　春の新生活応援キャンペーン実施中"],
    "related articles": ["関連記事", "・ソフトバンク、米新興に出資　AI半導体で", "・トヨタ、自動運転で新会社"],
    "ranking": ["アクセスランキング", "1　日経平均が続落", "2　オープンAI、新モデルを公開", "3　春の高校野球が開幕"],
    "headline list": ["こんな記事も読まれています", "・米商務省、中国企業を規制リストに追加", "・花粉シーズンが本格化"],
    "copyright": ["Copyright (C) 2025 Example News. All rights reserved."],
    "footer links": ["会社概要｜利用規約｜プライバシーポリシー｜広告掲載"],
    "contact block": ["【本件に関するお問合せ先】", "商務情報政策局 情報産業課", "電話：03-1234-5678"],
    "references": ["参考文献", "1) 経済産業省 報道発表資料（2024年4月19日）", "2) https://www.meti.go.jp/press/2024/04/x.html"],
    "footnotes": ["―――――――――――", "¹ 経済安全保障推進法に基づく認定。", "² 共同申請の相手方を含む。"],
    "url lines": ["https://example.com/news/2025/06/10/article.html"],
    "table of contents": ["目次", "はじめに……………1", "第1章　米国……………3", "第2章　中国……………9"],
    "running header": ["AI政策研究レポート　第3号　　　　－ 12 －"],
    "page number": ["－ 13 －"],
    "byline": ["執筆 / 山田太郎"],
    "authors": ["著者紹介", "山田太郎　地経学研究所研究員。専門は国際政治学。"],
}


def page(before: list[str], after: list[str]) -> str:
    """A normalized page: head, the lines before the body, the body paragraphs, the lines after."""
    return normalize_text("\n\n".join(["\n".join(HEAD), "\n".join(before), "\n\n".join(BODY), "\n".join(after)]))


def covered(text: str, ranges: tuple[tuple[int, int], ...], needle: str) -> bool:
    """Whether every character of needle's (first) occurrence lies in an excluded range."""
    start = text.index(needle)
    return all(any(a <= i < b for a, b in ranges) for i in range(start, start + len(needle)))


def overlaps(text: str, ranges: tuple[tuple[int, int], ...], needle: str) -> bool:
    start = text.index(needle)
    return any(a < start + len(needle) and start < b for a, b in ranges)


END_MATTER = {"authors"}  # honoured only in the later part of a text


@pytest.mark.parametrize(
    ("kind", "where"),
    [(k, w) for k in sorted(ARTIFACTS) for w in ("before", "after") if w == "after" or k not in END_MATTER],
)
def test_artifact_is_excluded_and_body_kept(kind: str, where: str) -> None:
    lines = ARTIFACTS[kind]
    text = page(lines if where == "before" else [], lines if where == "after" else [])
    ranges = excluded_ranges(text)
    for line in lines:
        assert covered(text, ranges, normalize_text(line)), (kind, line)
    for para in BODY + HEAD[:1]:
        assert not overlaps(text, ranges, normalize_text(para)), (kind, para)


def test_repeated_paragraph_second_copy_excluded() -> None:
    text = normalize_text("\n\n".join(BODY + [BODY[1]]))
    ranges = excluded_ranges(text)
    second = text.rindex(BODY[1])
    assert text.index(BODY[1]) != second
    assert (second, second + len(BODY[1])) in ranges
    assert not overlaps(text, ranges, BODY[1])  # the first copy stays


def test_everything_at_once_keeps_the_body() -> None:
    before = ARTIFACTS["breadcrumb"] + ARTIFACTS["navigation"] + ARTIFACTS["share widget"]
    after = [line for kind in ("related articles", "ranking", "contact block", "references", "copyright")
             for line in ARTIFACTS[kind]]
    text = page(before, after)
    ranges = excluded_ranges(text)
    kept = "".join(text[a:b] for a, b in _complement(ranges, len(text)))
    for para in BODY:
        assert para in kept
    assert "ソフトバンク" not in kept and "日経平均" not in kept and "Copyright" not in kept
    assert all(0 <= a < b <= len(text) for a, b in ranges) and list(ranges) == sorted(ranges)


def _complement(ranges: tuple[tuple[int, int], ...], n: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for a, b in ranges:
        out.append((pos, a))
        pos = b
    out.append((pos, n))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "\n\n".join(BODY),
        "1．計算資源の支援\n大規模なモデルの学習には大量のGPUが欠かせない。そこで国が利用料を肩代わりする。",
        "注目すべきは、研究開発環境の整備とのバランスである。出典を明記した資料も多い。",
        "ランキング上位の企業は、いずれも米国のビッグテックである。",
    ],
)
def test_plain_prose_is_not_excluded(text: str) -> None:
    assert excluded_ranges(normalize_text(text)) == ()


def test_author_heading_early_in_a_text_is_not_end_matter() -> None:
    text = page(ARTIFACTS["authors"], [])
    assert not overlaps(text, excluded_ranges(text), BODY[0])


def test_empty_text() -> None:
    assert excluded_ranges("") == ()


SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
WEB_PAGES = ["news/n24_web_tsmc_us_investment.txt", "news/n25_pdf_compute_policy_report.txt",
             "seeds/000_275f1dab93fd3824.txt", "seeds/001_6c30823f9b86e183.txt"]


@pytest.mark.shared
@pytest.mark.parametrize("rel", WEB_PAGES)
def test_shared_pages_keep_prose_and_drop_lists(rel: str) -> None:
    path = SHARED / rel
    if not path.is_file():
        pytest.skip("../shared is absent")
    from extract.ingest import load_document

    doc = load_document(path)
    kept = "".join(doc.text[a:b] for a, b in doc.extractable_ranges())
    lines = doc.text.split("\n")
    prose = [s for s in lines if s.count("。") >= 2 and not s.startswith(("¹", "²", "³", "⁴"))]
    assert prose and all(s in kept for s in prose)
    tail = lines[max(i for i, s in enumerate(lines) if s in prose) + 1 :]
    listed = [s for s in tail if s.startswith(("・", "• ")) or re.match(r"^\d{1,2}(?:\.\s|　)", s)]
    assert all(s not in kept for s in listed)
    assert 0.2 < 1 - len(kept) / len(doc.text) < 0.7
