"""3. Stories: the body blocks walked into drafts of articles (a dateline or 上接 opens one, a byline
or 下转 closes it; a short line inside an open story is its sub-heading; a caption is an item of its
own; an editor's note is a piece that joins its story once the headlines are placed)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import credits
from ..text.chars import ends_sentence, width
from ..text.vocabulary import CAPTION_PHRASE, CONTINUED_FROM, CONTINUED_ON, EDITOR_NOTE, NOTE_STANDS, more_pieces
from .blocks import Block, finished, is_note, opens_story
from .kinds import signature
from .settings import MAX_CAPTION_LINES, MAX_SUBHEADING_WIDTH

# A sub-heading's number: 一、稳岗位, （二）强技能, 3. 优服务
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])")


@dataclass
class Draft:
    """An article as line numbers: what the extract and render stages start from."""

    kind: str = "news"  # news | photo | brief | note (an editor's, until join_notes)
    fragments: list[list[int]] = field(default_factory=list)  # body lines in reading order
    headline: list[list[int]] = field(default_factory=list)  # headline units, in page order
    subheadings: list[int] = field(default_factory=list)
    verse: list[int] = field(default_factory=list)  # a poem's lines: each stands alone
    pieces: int = 0  # how many more pieces its title says follow under it (（外一首）), not yet met
    closed: bool = False  # ended by a byline
    lead: bool = False  # opens with 本报讯
    first_paragraph_only: bool = True

    @property
    def body(self) -> list[int]:
        return [n for frag in self.fragments for n in frag]

    @property
    def first(self) -> int:
        return self.fragments[0][0]

    @property
    def last(self) -> int:
        return self.fragments[-1][-1]


def walk(blocks: list[Block], text: dict[int, str]) -> tuple[list[Draft], list[int]]:
    articles: list[Draft] = []
    furniture: list[int] = []
    current: Draft | None = None
    heads: list[Block] = []  # the headline blocks since the last other block: are we after a headline?

    def start(kind: str = "news") -> Draft:
        draft = Draft(kind=kind, pieces=sum(more_pieces(text[n]) for head in heads for n in head.lines))
        articles.append(draft)
        return draft

    for i, block in enumerate(blocks):
        if block.kind == "furniture":
            furniture += block.lines
            continue
        if block.kind == "head":
            heads.append(block)
            continue
        if block.kind == "caption":
            current = start("photo")
        elif block.kind == "brief":
            current = start("brief")
        elif block.kind == "credit":
            if current is not None and current.closed and not heads and \
                    (all(credits.is_photo_mark(text[n]) for n in block.lines) or
                     (len(block.lines) == 1 and signature([text[block.lines[0]]]))):
                # '文/图' the line break cut from the byline above, or the day under a signature
                current.fragments.append(list(block.lines))
                continue
            if current is None or heads or (current.closed and current.kind != "photo"):
                current = start()  # a byline standing at the top of its article
            current.fragments.append(list(block.lines))
            if not (heads or current.body == block.lines or
                    credits.dispatch_title("".join(text[n] for n in current.body if n not in block.lines))):
                current.closed = True  # (a wire feature's credit stands under its dateline and title: its text follows)
            heads = []
            continue
        elif is_note(block, text):
            current = start("note")
        elif CONTINUED_FROM.match(text[block.lines[0]]):  # '（上接第1版）': the rest of a story from another page
            current = start()
        elif opens_story(block, text):
            current = start()
            current.lead = True
        elif (current is not None and not heads and ends_sentence(text[current.last]) and
              len(block.lines) <= MAX_CAPTION_LINES and _is_caption(block, blocks[i + 1:i + 2], text)):
            current = start("photo")  # a photo's caption after a finished story
        elif current is None or current.closed or heads:
            if current is not None and current.kind == "photo" and not current.closed and not heads:
                pass  # the rest of a caption
            elif heads and (_is_piece(heads, current, block, text) or _is_subheading(heads, current, blocks[i + 1:], text)):
                heads[0].kind = "subhead"  # no headline for attach_headlines
                current.fragments.append(list(heads[0].lines))
                current.subheadings += heads[0].lines
                current.pieces = max(0, current.pieces - 1)
            else:
                current = start()
        else:
            current.first_paragraph_only = current.first_paragraph_only and not _has_paragraph_end(current, text)
        heads = []
        current.fragments.append(list(block.lines))
        if block.verse:
            current.verse += block.lines
        last = "".join(text[n] for n in block.lines[-2:])  # a byline may be cut across the last two lines
        if current.kind == "brief":  # one paragraph, its byline (if any) at its end
            current.closed = finished(last)
        elif credits.split_trailing(last) or (current.kind == "photo" and _photo_credited(block.lines, text)):
            # A byline after the first paragraph of a story without a lead stands at its top.
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            at_top = (not current.lead and current.first_paragraph_only and following is not None
                      and following.kind == "body" and not opens_story(following, text))
            current.closed = not at_top
        if CONTINUED_ON.search(last):  # '（下转第2版）': the rest of the story is on another page
            current.closed = True
    for draft in articles:
        draft.fragments = [[n for frag in draft.fragments for n in frag]] if draft.fragments else []  # one run so far
        # A short text with no dateline whose only credit is a photographer's is a caption.
        if draft.kind == "news" and not draft.lead and _photo_credited(draft.body, text) and len(draft.body) <= MAX_CAPTION_LINES:
            draft.kind = "photo"
    return articles, furniture


def join_notes(articles: list[Draft], text: dict[int, str]) -> None:
    """An editor's note joins the story it stands before (编者按) or after (编后), once the headlines
    are decoded (a note is no story a headline heads: the headline between a 编者按 and its story is
    the story's). A note with no story there stands as one."""
    order = sorted(articles, key=lambda a: a.first)
    for i, note in enumerate(order):
        if note.kind != "note":
            continue
        opening = next(filter(None, (EDITOR_NOTE.match(text[n]) for n in note.body)))  # (a kicker may stand first)
        before = NOTE_STANDS[opening.group(1)] == "before"
        stories = order[i + 1:] if before else order[i - 1::-1] if i else []
        host = next((a for a in stories if a.kind == "news"), None)
        if host is None:
            note.kind = "news"
            continue
        host.fragments = [note.body] + host.fragments if before else host.fragments + [note.body]
        articles.remove(note)


def _is_piece(heads: list[Block], current: Draft | None, block: Block, text: dict[int, str]) -> bool:
    """The title of a piece its article's title said would follow ('春天的约定（外一首）' … '雨后'):
    one short line, over text that opens no story of its own."""
    return current is not None and current.pieces > 0 and len(heads) == 1 and len(heads[0].lines) == 1 \
        and width(text[heads[0].lines[0]]) <= MAX_SUBHEADING_WIDTH and not opens_story(block, text)


def _is_subheading(heads: list[Block], current: Draft | None, after: list[Block], text: dict[int, str]) -> bool:
    """'完善机制建平台' after a finished paragraph of a story that opened with its dateline and has
    not ended: one short line is a sub-heading of that story, not the headline of a new one, when
    it is one of a series of lines alike ('完善机制建平台', '强化服务解难题'). A lone short line
    there is more likely the headline of the story above, set after it; a numbered one ('（二）强技能')
    is a part of the story, in any story not yet ended."""
    if not (current is not None and current.kind == "news" and not current.closed
            and len(heads) == 1 and len(heads[0].lines) == 1 and ends_sentence(text[current.last])):
        return False
    if NUMBERED.match(text[heads[0].lines[0]]):
        return True  # numbered ('（二）强技能'): a part of the story it stands in, whatever stands after it
    if not current.lead or heads[0].titles_below:
        return False
    size = width(text[heads[0].lines[0]])

    def alike(n: int) -> bool:
        return size <= MAX_SUBHEADING_WIDTH and abs(width(text[n]) - size) <= 2

    if any(alike(n) for n in current.subheadings):
        return True
    for k, block in enumerate(after):  # the story's next sections, up to where another story could start
        if block.kind == "head":  # a line alike that heads more of the text, not two headlines set after
            more = after[k + 1:k + 2]  # their stories ('一辆大客车坠入山谷' / 今天上午… / '校车侧翻致…' / ⟂)
            return len(block.lines) == 1 and alike(block.lines[0]) and \
                bool(more) and more[0].kind == "body" and not opens_story(more[0], text)
        if block.kind != "body" or opens_story(block, text):
            return False
    return False


def _photo_credited(lines: list[int], text: dict[int, str]) -> bool:
    """The lines end with a photographer's credit alone: '…滑翔。（新华' / '社记者周确摄）', '本报记者 X 摄'
    (not '记者 X 文/图', a story's)."""
    last = "".join(text[n] for n in lines[-2:])
    tail = credits.split_trailing(last)
    credit = credits.parse(tail[1] if tail else text[lines[-1]])
    return credit is not None and bool(credit.photographers) and not (credit.reporters or credit.correspondents)


def _is_caption(block: Block, following: list[Block], text: dict[int, str]) -> bool:
    """A photo's caption: it ends with a photographer's credit (on its last lines or on a line of
    its own right under it), or it says what the picture shows ('图为…')."""
    credited = following and following[0].kind == "credit" and _photo_credited(following[0].lines, text)
    return bool(credited or _photo_credited(block.lines, text) or
                CAPTION_PHRASE.search("".join(text[n] for n in block.lines)))


def _has_paragraph_end(draft: Draft, text: dict[int, str]) -> bool:
    return any(ends_sentence(text[n]) for n in draft.body)
