"""Normalization: width, spaces, footnote markers, broken lines; idempotent and total (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalize import normalize_text

LONG = "これはPDFから抽出した報告書の長い一文で、途中の"
LONGER = "これはPDFから抽出した報告書の長い一文で、ページの幅に合わせて行の途中で切れてしまった"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # PDF stray spaces inside Japanese words
        ("経済 産業省は発表した。", "経済産業省は発表した。"),
        ("ラピ ダスとさくら インターネット", "ラピダスとさくらインターネット"),
        ("生成 AI の 規制 、 そして", "生成AIの規制、そして"),
        # Japanese–Latin boundary rule, Latin words keep their space, time of day keeps its space
        ("Microsoft Azure を 使う", "Microsoft Azureを使う"),
        ("2024 年 4 月 10 日に 15 億ドル", "2024年4月10日に15億ドル"),
        ("2025年3月7日 11:05", "2025年3月7日 11:05"),
        # footnote markers
        ("助成すると決めた¹。", "助成すると決めた。"),
        ("公表している(第2版)34。次に", "公表している(第2版)。次に"),
        ("「未踏ターゲット事業40」がある。", "「未踏ターゲット事業」がある。"),
        ("資金を拠出している11。", "資金を拠出している。"),
        ("権利を守る¹⁸、そして", "権利を守る、そして"),
        ("法[3]に基づく", "法に基づく"),
        # real numbers survive
        ("2025年に15億ドルを投じる。", "2025年に15億ドルを投じる。"),
        ("H100とG42とGPT-4。", "H100とG42とGPT-4。"),
        ("補助率は3分の1。", "補助率は3分の1。"),
        ("「資料2」と第3号。", "「資料2」と第3号。"),
        ("10²⁵ FLOPと100m²", "10²⁵ FLOPと100m²"),
        ("「フェーズ2」へ", "「フェーズ2」へ"),
        # a footnote's own label at the line start is kept
        ("¹ 経済安全保障推進法第9条に基づく認定。", "¹ 経済安全保障推進法第9条に基づく認定。"),
        # width folding
        ("ＡＩ向けＧＰＵを１００基、２５％", "AI向けGPUを100基、25%"),
        ("ｴﾇﾋﾞﾃﾞｨｱの｢H20｣｡", "エヌビディアの「H20」。"),
        ("（注）「括弧」、句読点。！？", "（注）「括弧」、句読点。！？"),
        ("見出し　全角スペース", "見出し　全角スペース"),
        # newlines and control characters
        ("一行目。\r\n二行目。\r三行目。", "一行目。\n二行目。\n三行目。"),
        ("制御\x00文字\u200bと\x07ベル", "制御文字とベル"),
        ("段落一。\n\n\n\n段落二。", "段落一。\n\n段落二。"),
        # broken lines are joined, paragraphs and headings are not
        ("見出し\n" + LONG + "\n文である。", "見出し\n" + LONG + "文である。"),
        ("見出し\n\n" + LONGER + "\n\nものが続いている。", "見出し\n\n" + LONGER + "ものが続いている。"),
        ("見出し\n\n" + LONG + "\n\n短い行。", "見出し\n\n" + LONG + "\n\n短い行。"),
        ("見出し\n" + LONG + "\n1．次の見出し", "見出し\n" + LONG + "\n1．次の見出し"),
        ("見出し\n" + LONG + "\n・箇条書き", "見出し\n" + LONG + "\n・箇条書き"),
        ("見出し\n" + LONG + "\n　字下げした新しい段落。", "見出し\n" + LONG + "\n　字下げした新しい段落。"),
        ("見出し\nThis long English line of a PDF page is broken\nin the middle.",
         "見出し\nThis long English line of a PDF page is broken in the middle."),
        ("米政府、H20の対中輸出を許可制に\n2025年4月18日\n\n本文。", "米政府、H20の対中輸出を許可制に\n2025年4月18日\n\n本文。"),
        ("1．計算資源の支援\n大規模なモデルの学習には大量のGPUが欠かせない。",
         "1．計算資源の支援\n大規模なモデルの学習には大量のGPUが欠かせない。"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


JAPANESE_ISH = st.text(
    alphabet=st.sampled_from(
        list("経済産業省ラピダスのはをにがでした。、「」（）()ー・生成AIMicrosoftAzure0123456789年月日億ドル")
        + list("¹²³⁴⁰ 　\n\r\t\x00\u200bｱｲｳﾞＡＢ１２％―-・•[]※*注)12第資料分の")
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(JAPANESE_ISH)
def test_normalize_is_idempotent_on_japanese_like_text(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert isinstance(once, str)
    assert normalize_text(once) == once
    once.encode("utf-8")
