"""Relations of one parsed sentence: each trigger's case frame, its arguments, and typed argument pairs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.actors import Found
from extract.frames import (
    SYMMETRIC,
    Arg,
    Candidate,
    case_marker,
    children_with_markers,
    is_passive,
    is_verbal,
    mentions_at,
    role_of,
)
from extract.linear import linear_args
from extract.nominal import (
    apposed_mentions,
    chain_lists,
    is_descriptor,
    made_by,
    possessions,
)
from extract.triggers import (
    find_triggers,
    frame_of,
    is_relative,
    modal_nouns,
    trigger_lexicon,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _subject_from_governor(frame: "Token", by_head: dict[int, list[Found]]) -> list[Found]:
    """The topic or subject of the clause a subordinate predicate hangs from (AはBと提携し、Cを開発した)."""
    node = frame
    modal = modal_nouns()
    via_clause = False
    for _ in range(4):
        climbs = node.dep_ in ("advcl", "ccomp", "obl") or node.dep_ == "acl" and node.head.lemma_ in modal \
            or node.dep_ in ("obj", "nsubj") and (node.lemma_ in modal or via_clause) \
            or node.dep_ == "acl" and node.i == frame.i and not mentions_at(node.head, by_head)
        via_clause = node.dep_ == "acl" and node.i == frame.i  # 規制する措置を発表: the measure's announcer
        if not climbs or node.head.i == node.i:
            return []
        node = node.head
        for c in node.children:
            if c.i < frame.i and case_marker(c) in ("は", "が", "も", "では"):
                found = mentions_at(c, by_head)
                if found:
                    return found
    return []


def _collect(t: "Token", predicate: str, word: str, by_head: dict[int, list[Found]]) -> tuple[list[Arg], "Token"]:
    frame, receive = frame_of(t)
    passive = is_passive(frame)
    args: list[Arg] = []
    heads = [frame] if frame.i == t.i else [frame, t]
    nominal_head = t
    while nominal_head.dep_ == "compound" and nominal_head.head.i > nominal_head.i:
        nominal_head = nominal_head.head
    if nominal_head.i not in (frame.i, t.i):
        heads.append(nominal_head)
    defining = [c for c in t.children if c.i < t.i and word != t.text and c.text in word and c.text != t.text]
    skip = {h.i for h in heads} | {c.i for c in defining}
    for c in defining:  # 中国への投資を引き上げた: the actor sits inside the noun that defines the trigger
        args.extend(_pass_through(c, "を", predicate, by_head, word))
    verbal = is_verbal(t)
    for c, marker in _expand_quantities(children_with_markers(heads, skip), t, by_head):
        found = mentions_at(c, by_head)
        nominal = c.head.i != frame.i or (frame.i == t.i and not verbal)
        targets = [f for f in found if f.source == "target"]
        if targets and predicate not in PRESSURE:
            found = [f for f in found if f.source != "target"]  # 対中輸出: a destination, not a party here
            targets = []
        if targets:
            args.extend(Arg(f, "object", "target", 0.8) for f in targets)
            found = [f for f in found if f.source != "target"]
            if not found:
                continue
        if not found:
            if predicate != "partOf^":
                args.extend(_pass_through(c, marker, predicate, by_head, word, receive and not nominal,
                                          passive and not nominal))
            continue
        if nominal and marker in ("の", ""):
            genitive_object = predicate == "partOf" or word in trigger_lexicon()["genitive_is_object"]
            args.extend(Arg(f, "object" if genitive_object else "subject", "genitive", 0.7) for f in found)
            continue
        role = role_of(predicate, marker, passive and not nominal, receive and not nominal, word)
        if marker == "の" and not nominal and is_relative(frame) and c.i < frame.i:
            role = "subject"  # OpenAIの開発したGPT: の marks the subject inside a relative clause
        if role is None and marker == "" and c.dep_ == "compound" and predicate == "partOf":
            role = "object"
        elif role is None and marker == "" and c.dep_ == "compound" and nominal and c.i == t.i - 1:
            role = "subject"  # 英主催, 米主導, 日米協力: the actor written onto the event noun acts
        if role is None:
            continue
        args.extend(Arg(f, role, "case:" + (marker or "-"), 0.85) for f in found)
        if nominal:  # マイクロソフトのG42への出資: the genitive before the object names the actor
            for g in c.children:
                if g.dep_ == "nmod" and case_marker(g) == "の":
                    args.extend(Arg(f, "subject", "genitive", 0.7) for f in mentions_at(g, by_head))
    if is_relative(frame) or (frame.i == t.i and t.dep_ in ("nmod", "compound", "acl") and predicate == "partOf"):
        owner = _owner(frame.head, by_head)
        filled = {a.role for a in args}
        if is_relative(frame) and not passive:
            markers = {case_marker(c) for c in frame.children} | {case_marker(c) for c in t.children}
            has_subject = bool(markers & {"が", "の"}) or "subject" in filled
            if markers & {"を"} and not has_subject and predicate not in ("partOf",):
                filled.add("object")  # 半導体を供給する[X]: X is who supplies
            elif has_subject and "object" in filled and predicate == "supplies":
                filled.discard("object")  # Yが半導体を供給する[X]: X receives (the を-thing is the item)
        role = "subject" if predicate == "partOf" or "object" in filled else "object"
        if role == "subject" and "subject" in filled and predicate != "partOf":
            owner = []
        args.extend(Arg(f, role, "relative-clause", 0.8) for f in owner)
    if frame.i == t.i and predicate not in SYMMETRIC | {"partOf"} and case_marker(t) == "の" and t.head.i > t.i:
        owner = mentions_at(t.head, by_head) or apposed_mentions(t.head, by_head)  # 米国主導のREAIM
        args.extend(Arg(f, "object", "modified", 0.7) for f in owner)
    if predicate == "partOf" and frame.i == t.i and case_marker(t) in ("に", "へ") and t.head.pos_ == "VERB":
        verb = t.head  # Xの傘下にYを設置 / Xの傘下に設置されたY: Y is the part
        units = mentions_at(verb.head, by_head) if is_relative(verb) else [
            f for c in verb.children if case_marker(c) in ("を", "が") for f in mentions_at(c, by_head)]
        args.extend(Arg(f, "subject", "placed-under", 0.7) for f in units)
    if predicate == "partOf" and frame.i == t.i and case_marker(t) == "として":  # Xの子会社としてYが設立
        args.extend(Arg(f, "subject", "as-role", 0.7) for c in t.head.children if case_marker(c) in ("が", "は")
                    for f in mentions_at(c, by_head))
    if _nominal_only(t, frame):
        return args, frame
    if not any(a.role == "subject" for a in args):
        args.extend(Arg(f, "subject", "shared-topic", 0.7) for f in _subject_from_governor(frame, by_head))
    if not any(a.role == "subject" for a in args):
        args.extend(Arg(f, "subject", "shared-subject", 0.7) for f in _subject_from_clause_before(frame, by_head))
    if frame.dep_ == "advcl" and frame.head.i > frame.i:
        args.extend(_from_main_clause(frame, receive, args, by_head))
    return args, frame


_NAMED_THINGS = frozenset({"Program", "PolicyInstrument", "Technology"})


def _from_main_clause(frame: "Token", receive: bool, args: list[Arg], by_head: dict[int, list[Found]]) -> list[Arg]:
    """Arguments a subordinate clause takes from the main one: the receiver of 〜による資金提供を受け、Yは…,
    and a named programme the main clause is about (A、B、Cが主導し、「X」が発足した)."""
    roles = {a.role for a in args}
    out: list[Arg] = []
    for c in frame.head.children:
        marker = case_marker(c)
        if c.i <= frame.i or marker not in ("は", "が", "も", "を"):
            continue
        for f in mentions_at(c, by_head):
            if receive and "object" not in roles and marker in ("は", "が", "も"):
                out.append(Arg(f, "object", "main-clause:receiver", 0.65))
            elif "object" not in roles and f.type in _NAMED_THINGS:
                out.append(Arg(f, "object", "main-clause:named", 0.6))
    return out


def _owner(tok: "Token", by_head: dict[int, list[Found]]) -> list[Found]:
    """The actor a relative clause modifies: the head noun's own mention, one covering it (Preferred+Elements),
    its apposition (事業「GENIAC」), or that of the noun it modifies in turn (生成AIの開発支援事業「GENIAC」)."""
    for _ in range(3):
        found = mentions_at(tok, by_head) or [f for fs in by_head.values() for f in fs if f.i <= tok.i < f.j] \
            or apposed_mentions(tok, by_head)
        if found or tok.dep_ not in ("nmod", "compound") or tok.head.i <= tok.i:
            return found
        tok = tok.head
    return []


def _nominal_only(t: "Token", frame: "Token") -> bool:
    """A trigger noun not carried by a light verb (中国への輸出を禁じた): its arguments are inside its phrase."""
    return frame.i == t.i and not is_verbal(t)


def _expand_quantities(
    pairs: list[tuple["Token", str]], t: "Token", by_head: dict[int, list[Found]]
) -> list[tuple["Token", str]]:
    """Look through a non-actor の-modifier of a nominal trigger (G42への15億ドルの出資: G42 hangs from ドル)."""
    out = []
    for c, marker in pairs:
        out.append((c, marker))
        if c.head.i == t.i and marker == "の" and not mentions_at(c, by_head) and c.i < t.i:
            out.extend((g, case_marker(g)) for g in c.children if g.dep_ == "nmod" and g.i < c.i)
    return out


def _subject_from_clause_before(frame: "Token", by_head: dict[int, list[Found]]) -> list[Found]:
    """The が/は subject of an earlier subordinate clause that the main predicate shares (AとBが主導し、…を開始した)."""
    for c in frame.children:
        if c.dep_ == "advcl" and c.i < frame.i:
            for g in c.children:
                if case_marker(g) in ("は", "が", "も", "では"):
                    found = mentions_at(g, by_head)
                    if found:
                        return found
    return []


def _partners(t: "Token", frame: "Token", by_head: dict[int, list[Found]], taken: set[int]) -> list[Found]:
    """Actors marked with と inside the trigger's clause (XはYと…の開発で協力する), for symmetric predicates."""
    out = []
    for tok in t.doc[: t.i]:
        if tok.i in taken or case_marker(tok) not in ("と", "とも", "との"):
            continue
        node, hops = tok, 0
        while node.i != node.head.i and node.head.i not in (t.i, frame.i) and hops < 4:
            if node.head.pos_ in ("VERB", "ADJ") and node.head.i not in (t.i, frame.i):
                break
            node, hops = node.head, hops + 1
        if node.head.i in (t.i, frame.i):
            out.extend(by_head.get(tok.i, []))
    return out


def _pass_through(c: "Token", marker: str, predicate: str, by_head: dict[int, list[Found]], word: str = "",
                  receive: bool = False, passive: bool = False) -> list[Arg]:
    """Actors named inside a non-actor object (中国へのNVIDIAの半導体輸出を規制: NVIDIA, china)."""
    role = role_of(predicate, marker, passive=passive, receive=receive, word=word)
    if role != "object" or predicate in SYMMETRIC:
        return []
    out = []
    for g in c.children:
        if g.dep_ == "acl" and g.i == c.i - 1 and g.i in by_head:  # ファーウェイ製品 parsed as a clause
            out.extend(Arg(f, "object", "inner:name", 0.65) for f in by_head[g.i])
            continue
        inner = case_marker(g)
        if g.dep_ not in ("nmod", "compound") or inner not in ("の", "", "への", "による", "によって"):
            continue
        direct = inner in ("の", "") or inner == "への" and predicate == "divestsFrom" or \
            inner in ("による", "によって") and predicate == "opposes"
        found = mentions_at(g, by_head) if direct else []
        if not found:  # ファーウェイ製機器の使用: the maker is a compound inside the modifier
            found = [f for x in g.children if x.dep_ in ("compound", "nmod") and case_marker(x) in ("の", "")
                     for f in mentions_at(x, by_head)]
        out.extend(Arg(f, "object", "inner:の", 0.65) for f in found)
    return out


def _topic_as_object(args: list[Arg], predicate: str) -> list[Arg]:
    """XはYが…する: with a が-subject present, the は-topic is the object (dropped for symmetric predicates)."""
    def marker(a: Arg) -> str:
        return a.rule.split(":", 1)[1] if ":" in a.rule else ""

    if not any(a.role == "subject" and marker(a) in ("が", "などが") for a in args):
        return args
    out = []
    for a in args:
        if a.role == "subject" and marker(a) in ("は", "では", "には"):
            if predicate in SYMMETRIC:
                continue
            a = Arg(a.found, "object", a.rule + ">topic", a.confidence * 0.9)
        out.append(a)
    return out


PRESSURE = frozenset({"restricts", "regulates", "opposes", "competesWith"})


def _pairs(args: list[Arg], t: "Token", frame: "Token", predicate: str, word: str,
           by_head: dict[int, list[Found]]) -> tuple[list[tuple[Arg, Arg]], Found | None]:
    """Subject-object pairs from the arguments of one trigger, with the item supplied or restricted."""
    args = _topic_as_object(args, predicate)
    if word in trigger_lexicon()["weak_triggers"]["words"]:
        args = [a for a in args if a.rule.startswith(("case:", "linear:", "inner:")) or a.rule == "relative-clause"
                or a.role == "subject"]
    if any(a.role == "subject" and a.rule.startswith(("case:", "linear:")) for a in args):
        args = [a for a in args if not (a.role == "subject" and a.rule == "genitive")]
    subjects = [a for a in args if a.role == "subject"]
    objects = [a for a in args if a.role == "object"]
    if predicate == "supplies^":  # XがYのGPUを使用: the maker is named inside the thing used
        objects = [a for a in objects if a.rule.startswith("inner:")]
    if word in {"資金" + w for w in trigger_lexicon()["money_receive"]["words"]}:  # Xから1億ドルを調達: only a giver
        subjects = [a for a in subjects if a.rule.endswith(("から", "より"))]
    items = [a for a in args if a.role == "item" and a.found.type == "Technology"]
    obj_types = trigger_lexicon()["object_types"]
    typed = trigger_lexicon()["typed_triggers"].get(word)
    if typed:
        objects = [a for a in objects if typed.get(a.found.type) == predicate]
    elif word in obj_types:
        objects = [a for a in objects if a.found.type in obj_types[word]]
    if predicate in ("supplies", "restricts"):
        tech = [a for a in objects if a.found.type == "Technology"]
        if tech and len(tech) < len(objects):
            items += tech
            objects = [a for a in objects if a.found.type != "Technology"]
    if predicate in SYMMETRIC and not objects:
        inside = {k for a in subjects for k in range(a.found.i, a.found.j)}
        objects = [Arg(f, "object", "partner:と", 0.7) for f in _partners(t, frame, by_head, inside)]
    if predicate in SYMMETRIC and not objects and len(subjects) > 1:
        pairs = [(a, b) for k, a in enumerate(subjects) for b in subjects[k + 1 :]]
    else:
        pairs = [(a, b) for a in subjects for b in objects]
    return pairs, items[0].found if items else None


def sentence_relations(doc: "Doc", mentions: list[Found]) -> list[Candidate]:
    """Typed relations of one sentence from its triggers and the actor mentions it holds."""
    by_head: dict[int, list[Found]] = {}
    heads = {f.head for f in mentions}
    for f in mentions:
        if not is_descriptor(doc, f, heads):
            by_head.setdefault(f.head, []).append(f)
    chain_lists(doc, mentions, by_head)
    out: list[Candidate] = possessions(doc, mentions, by_head) + made_by(doc, mentions, by_head)
    taken = {k for f in mentions for k in range(f.i, f.j)}
    for t, predicate, word in find_triggers(doc):
        if t.i in taken:
            continue
        args, frame = _collect(t, predicate, word, by_head)
        pairs, item = _pairs(args, t, frame, predicate, word, by_head)
        if not pairs and not _nominal_only(t, frame) and not is_relative(frame):
            passive = is_passive(frame)
            receive = frame_of(t)[1]
            usable = [f for f in mentions if f.head in by_head and f in by_head[f.head]]
            linear = linear_args(doc, t, frame, predicate, word, usable, passive, receive)
            have = {a.role for a in args if a.role in ("subject", "object")}
            if len(have) == 1:  # keep the side the parse found, take the other from the surface
                linear = [a for a in args if a.role in have] + [a for a in linear if a.role not in have]
            pairs, item = _pairs(linear, t, frame, predicate, word, by_head)
        for s, o in pairs:
            if s.found.actor_id == o.found.actor_id:
                continue
            pred = predicate
            if o.found.source == "target":
                pred = trigger_lexicon()["target_retype"].get(predicate, predicate)
            conf = round(min(s.confidence, o.confidence) * min(s.found.confidence, o.found.confidence) / 0.9, 3)
            rule = f"{s.rule}|{o.rule}:{word}"
            if pred.endswith("^"):  # read backwards: XがセンターYを設立 -> Y partOf X
                if pred == "partOf^" and s.found.type == "Country":
                    continue  # a state's own new agency: being part of the state says nothing
                out.append(Candidate(o.found, pred[:-1], s.found, t, frame, rule, min(conf, 0.95), item))
            else:
                out.append(Candidate(s.found, pred, o.found, t, frame, rule, min(conf, 0.95), item))
    return out
