"""Actor recognition on sentences we wrote: alias forms, prefixes, pairs, apposition, titles, unknowns, generics."""

from __future__ import annotations

import pytest

from extract.actors import find_mentions, mint_id
from extract.gazetteer import load_gazetteer, norm_key
from extract.leaders import attach_titles


def _mentions(nlp, text):
    doc = nlp(text)
    return doc, attach_titles(doc, find_mentions(doc, load_gazetteer()))


def _ids(nlp, text):
    return {m.actor_id for m in _mentions(nlp, text)[1]}


ALIASES = [
    ("NVIDIAは新型GPUを発表した。", "nvidia"),
    ("エヌビディアは新型GPUを発表した。", "nvidia"),
    ("Nvidiaは新型GPUを発表した。", "nvidia"),
    ("ＮＶＩＤＩＡは新型GPUを発表した。", "nvidia"),
    ("理化学研究所は新しい計算機を公開した。", "riken"),
    ("理研は新しい計算機を公開した。", "riken"),
    ("RIKENは新しい計算機を公開した。", "riken"),
    ("国立研究開発法人理化学研究所は新しい計算機を公開した。", "riken"),
    ("米国立科学財団は助成を決めた。", "nsf"),
    ("全米科学財団は助成を決めた。", "nsf"),
    ("NSFは助成を決めた。", "nsf"),
    ("経産省は補助金を出す。", "meti"),
    ("経済産業省は補助金を出す。", "meti"),
    ("文科省は予算を要求した。", "mext"),
    ("ファーウェイは新型チップを出荷した。", "huawei"),
    ("華為技術は新型チップを出荷した。", "huawei"),
    ("Huaweiは新型チップを出荷した。", "huawei"),
    ("GENIACの第3期が始まった。", "geniac"),
    ("G42は新会社を設立した。", "g42"),
    ("サムスン電子は新工場を建設する。", "samsung"),
]


@pytest.mark.parametrize("text,actor_id", ALIASES)
def test_every_alias_form_names_one_actor(nlp, text, actor_id):
    assert actor_id in _ids(nlp, text)


def test_country_prefix_attributes_and_keeps_the_actor(nlp):
    doc, found = _mentions(nlp, "米エヌビディアは新型GPUを発表した。")
    nv = [m for m in found if m.actor_id == "nvidia"]
    assert len(nv) == 1 and nv[0].country == "us" and doc[nv[0].i].text == "米"
    assert "us_doc" in _ids(nlp, "米商務省は新たな規則を公表した。")
    assert "samsung" in _ids(nlp, "韓国サムスン電子は新工場を建設する。")


@pytest.mark.parametrize("text,expected", [
    ("日米両政府は覚書に署名した。", {"us", "japan"}),
    ("米中の対立が続いている。", {"us", "china"}),
    ("日米英の3カ国が声明を出した。", {"us", "japan", "uk"}),
])
def test_country_pairs_are_several_countries(nlp, text, expected):
    assert expected <= _ids(nlp, text)


def test_apposition_and_descriptions(nlp):
    assert "g42" in _ids(nlp, "アブダビのAI企業G42はマイクロソフトと提携した。")
    doc, found = _mentions(nlp, "UAEの投資会社MGXも出資した。")
    assert any(m.actor_id == "mgx" and m.type == "Company" for m in found)


def test_persons_with_titles_carry_the_office(nlp):
    _, found = _mentions(nlp, "高市早苗首相は会見で方針を示した。")
    takaichi = [m for m in found if m.actor_id == "sanae_takaichi"]
    assert takaichi and takaichi[0].office == "japan"
    _, found = _mentions(nlp, "ラトニック米商務長官は記者団に語った。")
    lutnick = [m for m in found if m.actor_id == "howard_lutnick"]
    assert lutnick and lutnick[0].office == "us_doc"
    _, found = _mentions(nlp, "エヌビディアのジェンスン・フアンCEOは来日した。")
    huang = [m for m in found if m.actor_id == "jensen_huang"]
    assert huang and huang[0].office == "nvidia"


def test_non_head_titles_give_no_office(nlp):
    _, found = _mentions(nlp, "マイクロソフトのブラッド・スミス副会長は会見した。")
    assert all(m.office is None for m in found if m.type == "Person")


@pytest.mark.parametrize("text,name,actor_type", [
    ("新興企業のトリトンロボティクスは資金を調達した。", "トリトンロボティクス", "Company"),
    ("投資会社のBrightpeak Capitalが出資した。", "Brightpeak Capital", "Company"),
    ("ノヴァシステムズ社は新製品を出荷した。", "ノヴァシステムズ", "Company"),
])
def test_unknown_companies_become_nodes(nlp, text, name, actor_type):
    _, found = _mentions(nlp, text)
    hits = [m for m in found if norm_key(m.label) == norm_key(name) or m.actor_id == mint_id(name)]
    assert hits and hits[0].type == actor_type, [(m.label, m.type) for m in found]


@pytest.mark.parametrize("text", [
    "政府は企業に支援を約束した。",
    "両国政府は会合を開いた。",
    "ビッグテックは規制に反対している。",
    "各国の当局は対応を急いでいる。",
])
def test_generic_nouns_are_not_actors(nlp, text):
    assert _ids(nlp, text) == set()


def test_mint_id_is_stable_and_readable():
    assert mint_id("Brightpeak Capital") == "brightpeak_capital"
    assert mint_id("トリトン") == mint_id("トリトン") and mint_id("トリトン").startswith("ja_")


def test_names_inside_badly_cut_tokens_are_found(nlp):
    doc, found = _mentions(nlp, "2023年には百度（バイドゥ）が開発した。")
    baidu = [m for m in found if m.actor_id == "baidu"]
    assert baidu and "百" in doc[baidu[0].i : baidu[0].j].text


def test_ambiguous_aliases_need_a_mark(nlp):
    assert "meta" in _ids(nlp, "一方、米メタは同規範への署名を拒んだ。")
    assert "meta" not in _ids(nlp, "メタバースの市場が広がる。")


def test_a_misspelt_latin_name_joins_its_actor(nlp):
    from extract.charmatch import near_latin

    assert near_latin("NVDIA", load_gazetteer()) == "nvidia"
    assert near_latin("Meta", load_gazetteer()) is None  # too short to guess


def test_a_quoted_ambiguous_name_is_an_actor(nlp):
    assert "japan_ai_act" in _ids(nlp, "日本は2025年に施行した「AI法」で枠組みを整えた。")
