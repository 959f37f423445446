"""A small hand-written extraction shared by the ontology and graph tests."""

from __future__ import annotations

from extract.types import Actor, Assertion, Document, Evidence, Extraction, text_hash

SENTENCES = (
    "マイクロソフトは2024年4月、G42に15億ドルを出資した。",
    "米国はファーウェイへの輸出規制を強化する方針だ。",
    "経済産業省はGENIACを主導し、NVIDIAはGENIACに計算資源を提供した。",
    "GENIACはNVIDIAに依存しない。",
    "理研は富士通と協力している。",
)
TEXT = "".join(SENTENCES)
DOC = Document(doc_id=text_hash(TEXT), name="n01.txt", text=TEXT, source="corpus/n01.txt", title="テスト記事",
               date="2024-04")


def evidence(index: int) -> Evidence:
    """The evidence of the index-th sentence of the sample text."""
    start = sum(len(s) for s in SENTENCES[:index])
    return Evidence(DOC.name, DOC.doc_id, SENTENCES[index], start, start + len(SENTENCES[index]))


ACTORS = (
    Actor("china", "中国", "Country", label_en="China"),
    Actor("fujitsu", "富士通", "Company", "japan", label_en="Fujitsu"),
    Actor("g42", "G42", "Company", "uae", mentions=(("n01.txt", 1),)),
    Actor("geniac", "GENIAC", "Program", "japan", mentions=(("n01.txt", 3),)),
    Actor("huawei", "ファーウェイ", "Company", "china", label_en="Huawei", aliases=("華為技術", "Huawei")),
    Actor("japan", "日本", "Country", label_en="Japan"),
    Actor("meti", "経済産業省", "GovernmentBody", "japan", label_en="METI", aliases=("経産省",)),
    Actor("microsoft", "Microsoft", "Company", "us", label_ja="マイクロソフト", aliases=("MS",),
          wikidata="Q2283", mentions=(("n01.txt", 1),)),
    Actor("nvidia", "NVIDIA", "Company", "us", label_ja="エヌビディア", aliases=("Nvidia",),
          mentions=(("n01.txt", 2),)),
    Actor("riken", "理化学研究所", "ResearchInstitute", "japan", aliases=("理研",)),
    Actor("uae", "UAE", "Country"),
    Actor("us", "米国", "Country", label_en="United States"),
)

ASSERTIONS = (
    Assertion("microsoft", "investsIn", "g42", evidence(0), confidence=0.9, date="2024-04", amount=1.5e9,
              currency="USD", trigger="出資", rule="case-frame:出資", subject_span=(0, 7), object_span=(16, 19)),
    Assertion("us", "restricts", "huawei", evidence(1), modality="planned", trigger="輸出規制", confidence=0.8),
    Assertion("meti", "leads", "geniac", evidence(2), trigger="主導", confidence=0.85),
    Assertion("nvidia", "supplies", "geniac", evidence(2), trigger="提供", confidence=0.7),
    Assertion("geniac", "dependsOn", "nvidia", evidence(3), negated=True, trigger="依存", confidence=0.6),
    Assertion("riken", "cooperatesWith", "fujitsu", evidence(4), trigger="協力", confidence=0.75,
              date="2024-04-05"),
)


def extraction(assertions: tuple[Assertion, ...] = ASSERTIONS, actors: tuple[Actor, ...] = ACTORS) -> Extraction:
    """The sample extraction (optionally with other assertions or actors)."""
    return Extraction(documents=(DOC,), actors=actors, assertions=assertions)
