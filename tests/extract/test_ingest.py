"""Ingestion: discovery, decoding of every supported encoding and format, errors, documents and corpus."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from extract.ingest import discover, load_corpus, load_document, read_text
from extract.types import text_hash
from seiryoku.errors import InputError

JA = "経済産業省は二〇二四年、国内の計算資源の整備を支援すると発表した。ラピダスにも助成する。"
SHORT_JA = "生成AIの規制"


def make_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer holds text (a Type0 font with a ToUnicode map), or no text at all."""
    chars = sorted(set(text))
    cid = {c: i + 1 for i, c in enumerate(chars)}
    pairs = "".join(f"<{cid[c]:04X}> <{ord(c):04X}>\n" for c in chars)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n{pairs}endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")
    glyphs = "".join(f"{cid[c]:04X}" for c in text)
    content = f"BT /F1 12 Tf 72 720 Td <{glyphs}> Tj ET" if text else "0 0 m 100 100 l S"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity)"
        " /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
        "<< /Type /FontDescriptor /FontName /T /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880"
        " /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{off:010d} 00000 n \n" for off in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("data", "encodings"),
    [
        (JA.encode("utf-8"), {"utf-8"}),
        (JA.encode("utf-8-sig"), {"utf-8-sig"}),
        (JA.encode("utf-16"), {"utf-16"}),
        (JA.encode("utf-16-be"), None),  # no BOM: not supported, must not come out as the same text silently
        (JA.encode("cp932"), {"cp932"}),
        (JA.encode("euc_jp"), {"euc_jp"}),
        (JA.encode("iso2022_jp"), {"iso2022_jp"}),
        (SHORT_JA.encode("cp932"), {"cp932"}),
        (SHORT_JA.encode("euc_jp"), {"euc_jp"}),
    ],
)
def test_read_text_decodes_each_encoding(tmp_path: Path, data: bytes, encodings: set[str] | None) -> None:
    path = write(tmp_path, "a.txt", data)
    if encodings is None:
        with pytest.raises(InputError):
            read_text(path)
        return
    text, encoding, media = read_text(path)
    assert text.lstrip("\ufeff") in (JA, SHORT_JA)
    assert encoding in encodings
    assert media == "text/plain"


def test_read_text_markdown_media_type(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, "a.md", "# 見出し\n\n" + JA))[2] == "text/markdown"


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>米商務省、AI輸出プログラムを開始</title></head>
<body><nav><ul><li><a href="/">トップ</a></li><li><a href="/news">ニュース</a></li><li><a href="/login">ログイン</a></li></ul></nav>
<article><h1>米商務省、AI輸出プログラムを開始</h1>
<p>米商務省は21日、米国製のAI技術を同盟国に輸出する新たなプログラムを始めると発表した。半導体からクラウドまで一括で提供する。</p>
<p>同省によると、対象となる企業は公募で選び、輸出にかかる資金を政府系金融機関が支援する。日本企業との協力も検討するという。</p>
<p>専門家は、中国のAI企業への対抗策としての性格が強いと指摘している。今後の交渉の行方が注目される。</p>
</article><footer><p>Copyright (C) 2025 Example News. All rights reserved.</p></footer></body></html>"""


def test_read_text_html_keeps_title_and_main_text(tmp_path: Path) -> None:
    text, encoding, media = read_text(write(tmp_path, "page.html", HTML))
    assert media == "text/html" and encoding == "utf-8"
    assert text.splitlines()[0] == "米商務省、AI輸出プログラムを開始"
    assert "同盟国に輸出する新たなプログラム" in text
    assert "政府系金融機関が支援する" in text
    assert "ログイン" not in text


def test_read_text_html_in_shift_jis(tmp_path: Path) -> None:
    page = HTML.replace('charset="utf-8"', 'charset="shift_jis"')
    text, encoding, _ = read_text(write(tmp_path, "page.htm", page.encode("cp932")))
    assert encoding == "cp932"
    assert "同盟国に輸出する新たなプログラム" in text


def test_generated_pdf_has_a_text_layer() -> None:
    assert PdfReader(io.BytesIO(make_pdf(JA))).pages[0].extract_text() == JA


def test_read_text_pdf(tmp_path: Path) -> None:
    text, _, media = read_text(write(tmp_path, "r.pdf", make_pdf(JA)))
    assert text.strip() == JA
    assert media == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bin.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n\t ", "empty"),
        ("junk.txt", bytes(range(0x80, 0x100)) * 3, "undecodable"),
        ("scan.pdf", make_pdf(""), "text layer"),
        ("fake.pdf", b"not a pdf at all", "PDF"),
        ("a.docx", b"PK\x03\x04", "unsupported suffix"),
        ("big.txt", ("あ" * 1000).encode(), "size limit"),
    ],
)
def test_read_text_rejects_bad_input(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        read_text(path, max_bytes=2000)
    message = str(info.value)
    assert reason in message and name in message
    assert "\n" not in message


def test_load_document_rejects_non_japanese(tmp_path: Path) -> None:
    path = write(tmp_path, "en.txt", "The Commerce Department announced a new AI export programme today. " * 5)
    with pytest.raises(InputError, match="not Japanese"):
        load_document(path)


def test_load_document_fields(tmp_path: Path) -> None:
    body = "経済 産業省は2024年4月、計算資源の整備に最大725億円を助成すると決めた¹。\n"
    path = write(tmp_path, "doc.txt", "計算資源の整備を支援\n2024年4月19日\n\n" + body + "\n関連記事\n・別の見出し\n・もう一つの見出し\n")
    doc = load_document(path)
    assert doc.doc_id == text_hash(doc.text)
    assert doc.name == "doc.txt" and doc.source == str(path)
    assert doc.title == "計算資源の整備を支援"
    assert (doc.date, doc.date_precision) == ("2024-04-19", "day")
    assert "経済産業省は2024年4月" in doc.text and "¹" not in doc.text
    assert (doc.encoding, doc.media_type, doc.language) == ("utf-8", "text/plain", "ja")
    kept = "".join(doc.text[a:b] for a, b in doc.extractable_ranges())
    assert "最大725億円を助成する" in kept and "別の見出し" not in kept


def test_load_document_pdf(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "r.pdf", make_pdf(JA)))
    assert doc.text == JA and doc.media_type == "application/pdf"


def test_discover_walks_directories_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/d.pdf", "sub/e.docx", ".hidden.txt", ".git/f.txt", "sub/.g.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    extra = tmp_path / "sub" / "e.docx"
    found = discover([tmp_path, extra])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == sorted(names, key=lambda n: str(tmp_path / n))
    assert set(names) == {"a.md", "b.txt", "sub/c.html", "sub/d.pdf", "sub/e.docx"}
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "missing"])


def test_load_corpus_counts_a_repeated_text_once_and_collects_errors(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", JA)
    write(tmp_path, "b.txt", JA.encode("cp932"))
    write(tmp_path, "c.txt", "別の記事である。エヌビディアは新型GPUを発表した。")
    write(tmp_path, "d.txt", b"")
    seen_docs: list[str] = []
    seen_errors: list[InputError] = []
    docs, errors, notices = load_corpus([tmp_path], on_error=seen_errors.append,
                                        on_document=lambda d: seen_docs.append(d.name))
    assert [d.name for d in docs] == ["a.txt", "c.txt"] == seen_docs
    assert len(notices) == 1 and "b.txt" in notices[0] and "a.txt" in notices[0]
    assert len(errors) == 1 and "d.txt" in str(errors[0]) and seen_errors == errors


SHARED_NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "news"


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_NEWS.is_dir(), reason="../shared is absent")
def test_shared_news_corpus_loads() -> None:
    docs, errors, _ = load_corpus([SHARED_NEWS])
    assert len(docs) == 25 and all("README" in str(e) for e in errors)
    sjis = next(d for d in docs if d.name.startswith("n23"))
    assert sjis.encoding == "cp932" and sjis.date is not None
