"""Document metadata: dateline dates with precision, titles, the Japanese check."""

from __future__ import annotations

import pytest

from extract.docmeta import document_date, document_title, is_japanese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("見出し\n2025年10月25日\n\n本文。", ("2025-10-25", "day")),
        ("見出し\n2025/10/25\n本文。", ("2025-10-25", "day")),
        ("見出し\n2025-10-05 09:00\n本文。", ("2025-10-05", "day")),
        ("報道発表\n令和6年2月2日\n経済産業省\n\n本文。", ("2024-02-02", "day")),
        ("報道発表\n令和元年5月1日\n\n本文。", ("2019-05-01", "day")),
        ("お知らせ\n平成31年4月30日\n\n本文。", ("2019-04-30", "day")),
        ("レポート\n2024年4月\n\n本文。", ("2024-04", "month")),
        ("（政策レポート　2025年10月号より抜粋）\n本文。", ("2025-10", "month")),
        ("投稿日：2025年4月6日　カテゴリ：AI\n本文。", ("2025-04-06", "day")),
        ("年報\n2023年\n本文。", ("2023", "year")),
        ("２０２５年１０月２５日\n本文。", ("2025-10-25", "day")),
        ("見出し\n2025年2月30日\n本文。", (None, None)),
        ("見出し\n\n経済産業省は2024年4月、計算資源の整備を支援すると決めた。", (None, None)),
        ("見出し\n本文だけで日付はない。", (None, None)),
        ("", (None, None)),
    ],
)
def test_document_date(text: str, expected: tuple[str | None, str | None]) -> None:
    assert document_date(text) == expected


def test_date_only_in_first_lines() -> None:
    text = "見出し\n" + "\n".join(f"段落{i}。" for i in range(12)) + "\n2025年1月1日\n"
    assert document_date(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("米政府、H20の輸出を許可制に\n2025年4月18日\n\n本文。", "米政府、H20の輸出を許可制に"),
        ("報道発表\n令和6年2月2日\n経済産業省\n\nGENIACを始動します\n\n本文。", "GENIACを始動します"),
        ("ホーム ＞ 経済 ＞ テクノロジー\nトップ｜ニュース｜経済｜国際\n\nTSMC、米国に追加投資\n本文。", "TSMC、米国に追加投資"),
        ("Research\n\nAI主権時代の日本の戦略\n\n本文。", "AI主権時代の日本の戦略"),
        ("", None),
    ],
)
def test_document_title(text: str, expected: str | None) -> None:
    assert document_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("経済産業省は生成AIの開発を支援すると発表した。", True),
        ("NVIDIAはH20をめぐり、米政府の許可が必要になったと発表した。Commerce Department.", True),
        ("The Commerce Department announced a new AI export programme.", False),
        ("国家互联网信息办公室发布了生成式人工智能服务管理暂行办法，并于八月十五日起施行。这是中国首部专门规范生成式人工智能的法规。", False),
        ("", False),
        ("12345 !!!", False),
    ],
)
def test_is_japanese(text: str, expected: bool) -> None:
    assert is_japanese(text) is expected
