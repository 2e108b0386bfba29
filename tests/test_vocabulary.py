"""Every example of the newspaper's vocabulary (generator/data/vocabulary.yaml) read as it says."""
import pytest

from generator.text import vocabulary
from generator.text import credits
from generator.extract import dates

DATA = vocabulary.DATA


@pytest.mark.parametrize("case", DATA["datelines"], ids=lambda c: c["text"])
def test_dateline(case):
    assert vocabulary.dateline(case["text"]) == case["dateline"]
    assert credits.is_lead(case["text"]) == (case["dateline"] is not None or case.get("lead", False))
    if "filed" in case:
        assert dates.filed(vocabulary.dateline(case["text"])) == tuple(case["filed"])


def _fields(credit):
    return {role: getattr(credit, role) if credit else [] for role in ("reporters", "correspondents", "photographers")}


@pytest.mark.parametrize("case", DATA["lead_credits"], ids=lambda c: c["text"])
def test_credit_in_a_lead(case):
    expected = {role: case.get(role, []) for role in ("reporters", "correspondents", "photographers")}
    assert _fields(credits.from_lead(case["text"])) == expected


@pytest.mark.parametrize("case", DATA["bylines"], ids=lambda c: c["text"])
def test_byline(case):
    parsed = credits.parse(case["text"])
    if case.get("byline", True):
        assert _fields(parsed) == {role: case.get(role, []) for role in ("reporters", "correspondents", "photographers")}
        assert credits.is_credit(case["text"])
    else:
        assert parsed is None


@pytest.mark.parametrize("line", DATA["continued_on"])
def test_continued_on(line):
    assert vocabulary.CONTINUED_ON.search(line)


@pytest.mark.parametrize("case", DATA["source_lines"], ids=lambda c: c["text"])
def test_source_line(case):
    assert bool(vocabulary.SOURCE_LINE.match(case["text"])) == case["source"]


@pytest.mark.parametrize("case", DATA["editor_note_lines"], ids=lambda c: c["text"])
def test_editor_note(case):
    assert bool(vocabulary.EDITOR_NOTE.match(case["text"])) == case["note"]


@pytest.mark.parametrize("case", DATA["more_pieces_titles"], ids=lambda c: c["text"])
def test_more_pieces(case):
    assert vocabulary.more_pieces(case["text"]) == case["more"]


@pytest.mark.parametrize("case", DATA["national_body_lines"], ids=lambda c: c["text"])
def test_national_body(case):
    from generator.extract import bodies
    from generator.text.words import tag
    assert bodies.national(case["text"], tag(case["text"])) == case["bodies"]


@pytest.mark.parametrize("case", DATA["signer_lines"], ids=lambda c: c["text"])
def test_signer(case):
    """A letter's signer ends its text as a byline does (a credit), crediting no one."""
    assert credits.is_credit(case["text"]) == case["signer"]
    assert not credits.parse(case["text"])


@pytest.mark.parametrize("case", DATA["speaker_lines"], ids=lambda c: c["text"])
def test_speaker(case):
    assert bool(vocabulary.SPEAKER.match(case["text"])) == case["speaker"]


@pytest.mark.parametrize("case", DATA["dispatch_title_lines"], ids=lambda c: c["text"])
def test_dispatch_title(case):
    titled = credits.dispatch_title(case["text"])
    assert (titled[0] if titled else None) == case["title"]
    assert (titled[1] if titled else None) == case.get("subtitle")


@pytest.mark.parametrize("line", DATA["continued_from"])
def test_continued_from(line):
    assert vocabulary.CONTINUED_FROM.match(line)


def test_every_role_word_holds_a_credit_character():
    """is_credit passes over lines without 记/实/通/摄 unread: every role word must hold one."""
    assert all(credits.CREDIT_CHARS.search(role) for role in [*vocabulary.ROLES, "摄"])


def test_fold_keeps_spans():
    text = "新华社北京１２月３１日电（记者ＡＢ）"
    assert len(vocabulary.fold(text)) == len(text) and vocabulary.fold(text) == "新华社北京12月31日电（记者AB）"


@pytest.mark.parametrize("case", DATA["captions"], ids=lambda c: c["text"])
def test_caption_phrase(case):
    assert bool(vocabulary.CAPTION_PHRASE.search(case["text"])) == case["caption"]


@pytest.mark.parametrize("case", DATA["service_boxes"], ids=lambda c: c["text"])
def test_service_box(case):
    from generator.reassemble.blocks import service_box

    assert service_box(case["text"].split("|")) == case["service"]


@pytest.mark.parametrize("case", DATA["lead_openings"], ids=lambda c: c["text"])
def test_lead_opening(case):
    opening = vocabulary.fold(case["text"])
    assert bool(vocabulary.LEAD_TIME.match(opening)) == case.get("time", False)
    assert bool(vocabulary.LEAD_DAY_FIRST.match(opening)) == case.get("day_first", False)
    assert bool(vocabulary.LEAD_SOURCE.match(opening)) == case.get("source", False)
