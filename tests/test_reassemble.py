"""Reassembly on small pages written for one phenomenon each, and on the sample pages."""
from dataclasses import replace

import pytest
from pathlib import Path

from generator.extract.article import ranges
from generator.read.page import read_page
from generator.read.page import PageText
from generator.archive import pipeline
from generator.reassemble import frame, learned, reassemble
import generator.reassemble as reassemble_module
from generator.reassemble.kinds import looks_like_headline
from generator.reassemble.settings import DOUBT_MARGINS
from generator.reassemble.paragraphs import paragraphs

from conftest import PAGES


def page(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return read_page(path)


def layout_of(tmp_path, text):
    p = page(tmp_path, text)
    return p, reassemble(p)


TWO_STORIES_HEADLINES_AFTER = """本报讯 6月1日上午，二七区委书记
陈红民带领区建设和交通局负责人
调研道路综合改造三期工程。
记者 张改华

本报讯 6月4日，二七区召开政府系
统廉政工作会议，区长苏建设出席。
记者 张改华

二七区领导调研道路
综合改造三期工程

二七区召开政府系统
廉政工作会议
"""


def test_headlines_after_their_articles_are_matched_by_words(tmp_path):
    _, layout = layout_of(tmp_path, TWO_STORIES_HEADLINES_AFTER)
    got = [(ranges(a.body), a.headline) for a in layout.articles]
    assert got == [([[1, 4]], [[10, 11]]), ([[6, 8]], [[13, 14]])]


def test_headline_far_away_at_page_end_with_kicker(tmp_path):
    text = """经开区召开全区
视联网建设推进会

本报讯 近日，经开区召开全区视联网
建设工作推进会。
记者 谢鹏飞

本报讯 近日，吉林大学河南技术转移
中心在经开区揭牌成立，推动技术创新
和产业创新深度融合。
记者 谢鹏飞

推动技术创新和产业创新深度融合

吉林大学河南技术转移中心
在经开区揭牌成立
"""
    _, layout = layout_of(tmp_path, text)
    first, second = layout.articles
    assert first.headline == [[1, 2]]
    assert second.headline == [[13], [15, 16]]  # kicker and title stay together
    assert layout.unplaced == []


def test_column_break_blank_line_is_not_a_paragraph_break(tmp_path):
    text = """本报讯 近日，经开区召开会议，听取
各相关单位视联网建设工作情况的汇

报，安排部署下一步工作。

会议要求，要明确工作目标。
记者 谢鹏飞
"""
    p, layout = layout_of(tmp_path, text)
    paras = paragraphs(layout.articles[0], p)
    assert [x.text for x in paras] == [
        "本报讯 近日，经开区召开会议，听取各相关单位视联网建设工作情况的汇报，安排部署下一步工作。",
        "会议要求，要明确工作目标。",
        "记者 谢鹏飞",
    ]
    assert paras[-1].role == "byline"


def test_short_line_in_mid_sentence_is_body_not_headline(tmp_path):
    text = """本报讯 近日，市委党史学习教育第二巡回
指导组到二七区调研指导。

杨虎臣表示，今年是建党

100周年，开展党史学习教育意义重大。
记者 张改华
"""
    _, layout = layout_of(tmp_path, text)
    assert len(layout.articles) == 1 and layout.articles[0].headline == []


def test_fragment_at_top_of_page_joins_its_story_in_reading_order(tmp_path):
    text = """目前平台共聚集人才数据3925位，平台运
转良好，刘云华对大家的发言给予肯定。

本报讯 6月9日，张红军到祥营村调研。
记者 孙庆辉

促进产学研金平台建设

6月11日，高新区召开产学研金平台座谈
会，刘云华主持会议。

区领导到祥营村调研
"""
    _, layout = layout_of(tmp_path, text)
    story = next(a for a in layout.articles if a.headline == [[7]])
    assert ranges(story.body) == [[9, 10], [1, 2]]
    village = next(a for a in layout.articles if a.headline == [[12]])
    assert ranges(village.body) == [[4, 5]]


def test_a_sample_page_story_keeps_its_subheading_and_its_tail(archive):
    """Sample page 003: the first story's last section, under the sub-heading '目前平台运转良好，
    势头喜人' at the foot of the page, runs on at its head."""
    report = next(r for r in archive.pages if r.page.name.startswith("003_"))
    story = next(a for a in report.articles if a.headline_lines == [[93, 94]])
    at = story.body_lines.index([141, 141])
    assert story.body_lines[at - 1] == [132, 139] and story.body_lines[at + 1] == [1, 7]


def test_photo_captions_and_furniture(tmp_path):
    text = """示范区头条
微信公众号

➡昨日，焦作嵩阳光电科技有限公司的工作
人员在操作生产设备。 本报记者 宋崇飞 摄

⬅昨日，环卫工人在爱心驿站休息。

本 报 记 者
赵耀东 摄
"""
    _, layout = layout_of(tmp_path, text)
    assert layout.furniture == [1, 2]
    assert [(a.kind, ranges(a.body)) for a in layout.articles] == [
        ("photo", [[4, 5]]), ("photo", [[7, 7], [9, 10]])]


def test_a_poem_whose_title_says_one_more_follows_holds_it(tmp_path):
    """'春天的约定（外一首）': the title says one more poem follows under it; the next poem's title
    ('雨后') is its sub-heading, not another article's headline. A title that promises no more
    pieces ('秋夜') heads its own article after them."""
    printed = page(tmp_path, """春天的约定（外一首）

□ 李红

柳枝在风里写信
写给迟到的燕子
河水解开冰的纽扣
把石头洗得发亮

我在田埂上等你
等一场不慌不忙的雨
等麦苗抬起头来
认出去年的我

雨后

雨停了
屋檐还在数数
一滴，两滴
数到第三滴的时候
月亮出来了

秋夜

□ 王强

月亮挂在树梢
虫声一阵一阵
风把稻香吹进窗
母亲还在灯下缝补
""")
    report = pipeline.process(printed)
    assert [(a.title, a.reporters) for a in report.articles] == [("春天的约定（外一首）", ["李红"]), ("秋夜", ["王强"])]
    assert [p["text"] for p in report.articles[0].paragraphs if p["role"] == "subheading"] == ["雨后"]


def test_a_poem_under_its_title_and_author_is_text_a_line_each(tmp_path):
    """A literary page: the section's label atop the page, a poem's stanzas (short lines, no mark,
    as a headline is set) under its title and author, then an essay. The stanzas were read as the
    essay's headline."""
    printed = page(tmp_path, """副刊·文苑

故乡的秋

□刘文华

秋风吹过村口的老槐树
叶子一片一片落下
母亲站在门前
望着远方的小路

稻谷金黄了田野
炊烟升起在黄昏
我在千里之外
想念故乡的秋

老街记忆

文/陈晓梅

小时候，我家住在城南的一条老街上。街道不宽，两旁是青砖灰瓦的老房子。
""")
    report = pipeline.process(printed)
    poem, essay = report.articles
    assert (poem.title, poem.reporters, essay.title, essay.reporters) == ("故乡的秋", ["刘文华"], "老街记忆", ["陈晓梅"])
    assert poem.text.split("\n")[1:] == [printed.lines[n - 1] for n in (*range(7, 11), *range(12, 16))]
    assert [p["role"] for p in poem.paragraphs] == ["byline"] + ["text"] * 8  # no line a sub-heading
    assert report.furniture == [1]


def test_an_editorial_by_the_papers_commentator_and_a_table_of_figures(tmp_path):
    """本报评论员 is the editorial's byline (it was read as its subtitle), and a table of the day's
    figures under its label is furniture (it was read as the editorial's last paragraph)."""
    _, layout = layout_of(tmp_path, """让“放心消费”成为城市名片

本报评论员

消费环境是城市软实力的重要体现。有关部门要加大监管力度，让消费者买得放心。

今日汇率

美元　　7.1045
欧元　　7.7832
""")
    assert [(ranges(a.headline[0]), ranges(a.body)) for a in layout.articles] == [([[1, 1]], [[3, 3], [5, 5]])]
    assert layout.furniture == [7, 9, 10]


def test_briefs_titled_in_brackets_are_one_article_each(tmp_path):
    """A county paper's news in brief: each item its title in brackets, its text run on after it,
    a line each (they ran into one article, titled by the next story's kicker); a dateline so
    bracketed is no title."""
    printed = page(tmp_path, """县域快讯

【县领导调研安全生产】6月1日，县长李明带队到县经济开发区调研安全生产工作。
【县人民医院开展义诊活动】6月3日，县人民医院组织专家深入乡镇开展义诊。（通讯员 陈静）
【新华社北京6月2日电】国家卫健委2日发布消息，县级医院服务能力持续提升。
""")
    articles = pipeline.process(printed).articles
    assert [(a.kind, a.title, a.title_derived) for a in articles] == [
        ("brief", "县领导调研安全生产", False), ("brief", "县人民医院开展义诊活动", False),
        ("news", "国家卫健委2日发布消息，县级医院服务能力持续提升", True)]
    assert articles[1].correspondents == ["陈静"]
    # nor is an editor's note so bracketed a brief's title
    from generator.text.credits import bracketed_title
    assert bracketed_title("【编者按】近年来，我区持续推进老旧小区改造。") is None


def test_a_graphics_figures_are_furniture_not_headlines(tmp_path):
    """A graphic's cards (数说郑州 / '1.2万亿元' / what it counts) over a feature: the page's picture.
    Its second card was the feature's title, the real one its subtitle."""
    printed = page(tmp_path, """数说郑州

1.2万亿元
2023年全市地区生产总值

8.5%
规模以上工业增加值增速

打造国家中心城市

——郑州高质量发展综述

本报记者 王刚

过去一年，郑州坚持稳中求进工作总基调，经济社会发展取得新成效。
""")
    report = pipeline.process(printed)
    assert [(a.title, a.subtitle, a.reporters) for a in report.articles] == [
        ("打造国家中心城市", "——郑州高质量发展综述", ["王刚"])]
    assert report.furniture == [1, 3, 4, 6, 7]


def test_a_headline_after_a_story_ended_by_its_credit(tmp_path):
    """A headline as wide as the column, with a colon, after a story whose last line ends in its
    credit ('…58分钟。（记者 吴丽娟）'), over a lead that restates it: it heads that lead (it was read
    as a line of text, the story under it untitled)."""
    _, layout = layout_of(tmp_path, """县人民医院开通胸痛中心绿色通道

本报讯 日前，县人民医院胸痛中心正
式通过国家胸痛中心认证。该院院长李
卫东介绍，已成功救治患者120余例
。
今年10月，富春江镇一名62岁的村
民突发胸痛，从入院到血管开通仅用时
58分钟。（记者 吴丽娟）

桐君街道：老旧小区改造惠及千户居民

本报讯（通讯员 孙丽 记者 赵红）
近日，桐君街道迎春社区居委会组织居
民代表，对老旧小区改造工程进行验收
。
据悉，此次改造涉及迎春、白云两个社
区的12幢住宅楼，共1024户居民
受益。
""")
    assert [(ranges(a.headline[0]), ranges(a.body)) for a in layout.articles] == [
        ([[1, 1]], [[3, 9]]), ([[11, 11]], [[13, 19]])]


def test_a_notices_signature_ends_it(tmp_path):
    """Who issued a notice and the day, a line each under its text: the notice's end, not a
    headline (it stood as the kicker of the story after it)."""
    printed = page(tmp_path, """评选结果公示

经评审，拟确定以下10户家庭为区级“最美家庭”，现予以公示。
联系电话：0371-68112233

区妇联
2024年5月9日

我区开展防汛应急演练

本报讯（记者 孙悦）5月8日，我区在金水河畔开展防汛应急演练。
""")
    notice, story = pipeline.process(printed).articles
    assert (notice.title, story.title, story.reporters) == ("评选结果公示", "我区开展防汛应急演练", ["孙悦"])
    assert notice.text.split("\n")[-2:] == ["区妇联", "2024年5月9日"]


def test_a_weather_box_and_a_classified_advertisement_are_furniture(tmp_path):
    """The page's services (data/vocabulary.yaml: service_labels) are no stories: the forecast was
    read as a headline over the advertisement, an article titled by the weather."""
    text = """发展改革委：将进一步扩大有效投资

人民网北京6月9日电（记者 王震）国家发展改革委9日召开新闻发布会，介绍当前经济运行情况。

天气预报
今天白天　晴　最高气温28℃
今天夜间　多云　最低气温16℃

招聘启事

本公司因业务发展需要，诚聘销售经理5名，要求大专以上学历。
联系电话：0371-66668888
"""
    _, layout = layout_of(tmp_path, text)
    assert [(ranges(a.headline[0]), ranges(a.body)) for a in layout.articles] == [([[1, 1]], [[3, 3]])]
    assert layout.furniture == [5, 6, 7, 9, 11, 12] and layout.unplaced == []


def test_one_paragraph_per_line_layout(tmp_path):
    text = """
总金额超30亿元 高新区新签约两个新兴产业项目

本报讯 4月27日,河南省新兴产业重大项目集中签约活动在郑州举行。本次签约仪式上,两个项目签约落地高新区,总金额超30亿元。

据了解,新兴产业代表着新一轮科技革命和产业变革方向,是培育发展新动能、增强竞争新优势的关键

领域。

记者 孙庆辉
"""
    p, layout = layout_of(tmp_path, text)
    (article,) = layout.articles
    assert article.headline == [[2]]
    assert [x.role for x in paragraphs(article, p)] == ["text", "text", "byline"]


def test_every_line_of_every_sample_page_is_placed(archive):
    for report in archive.pages:
        nonblank = {n for n, line in enumerate(report.page.lines, 1) if line.strip()}
        placed = {n for a in report.articles for r in a.body_lines + a.headline_lines for n in range(r[0], r[1] + 1)}
        assert nonblank <= placed | set(report.furniture), report.page.name
        assert report.unplaced == []


def test_sample_pages_are_all_read(archive):
    assert len(archive.pages) == len(list(PAGES.glob("*.txt"))) and not archive.errors


def test_title_right_above_a_photo_caption_is_its_headline(tmp_path):
    text = """示范区召开会议部署工作

本报讯 近日，示范区召开会议，部署
下一步工作。
记者 郭树勋

美丽乡村迎客来

游客在阳庙镇聂村赏花拍照，乡村旅游
持续升温。 本报记者 宋崇飞 摄
"""
    _, layout = layout_of(tmp_path, text)
    news, photo = layout.articles
    assert (news.kind, news.headline) == ("news", [[1]])
    assert (photo.kind, photo.headline, ranges(photo.body)) == ("photo", [[7]], [[9, 10]])


def test_byline_standing_at_the_top_of_a_feature(tmp_path):
    text = """“云课堂”让党员学习不掉线

记者 付凯明 通讯员 刘甜甜

一个支架、一部手机，苏家作乡党校正在为
全乡综合网格员开展培训。

据了解，党校积极探索“云载体”方式。
"""
    _, layout = layout_of(tmp_path, text)
    (article,) = layout.articles
    assert article.headline == [[1]] and ranges(article.body) == [[3, 3], [5, 6], [8, 8]]


MASTHEAD_AND_BRIEFS = """郑州日报
2021年6月7日 星期一
金水新闻
责任编辑 王丽 校对 李娜

金水区召开优化营商环境
推进会议

本报讯（记者 张华 通讯员 李明）6
月5日，金水区召开优化营商环境推进
会议，区委书记王伟出席并讲话。
会议指出，要持续深化“放管服”改革，
切实提升企业和群众的满意度。

■简讯

■ 6月3日，金水区人社局举办就业
招聘会，120家企业提供岗位3000
余个。（记者 张华）

■ 6月4日，金水区文化路街道开展

防汛应急演练。（通讯员 赵强）
"""


def test_page_frame_is_furniture_and_each_brief_is_an_article(tmp_path):
    """The paper's name, date, page label and editors at the top, and the label of a
    news-in-brief column, belong to no article; each ■ item is an article of its own (the
    last one crosses a column break)."""
    _, layout = layout_of(tmp_path, MASTHEAD_AND_BRIEFS)
    assert layout.furniture == [1, 2, 3, 4, 15]
    assert [(a.kind, ranges(a.body), a.headline) for a in layout.articles] == [
        ("news", [[9, 13]], [[6, 7]]), ("brief", [[17, 19]], []), ("brief", [[21, 21], [23, 23]], [])]
    assert layout.unplaced == []


@pytest.mark.parametrize("head", [
    "郑州日报 2024年3月5日 星期二 第05版 金水新闻",  # run together on one line
    "２０２４年３月５日　星期二　编辑：赵强　校对：周敏　A05",
    "二〇二四年三月五日 星期二",
    "A05　城事　2024年3月5日　星期二",  # a section's name among them
    "A05　城事　2024.3.5　星期二",  # the day dotted
])
def test_a_frame_run_together_on_one_line_is_furniture_and_dates_the_page(tmp_path, head):
    """The page's own head: its day, 版次 and paper are the page's where nothing else gives them;
    the metadata's, where it does."""
    text = f"{head}\n\n金水区召开安全生产工作会议\n\n本报讯 3月4日，金水区召开安全生产工作会议。\n"
    page, layout = layout_of(tmp_path, text)
    assert layout.furniture == [1] and layout.articles[0].headline == [[3]]
    (article,) = pipeline.process(page).articles
    assert (article.date, article.publication_date, article.event_date) == ("2024-03-05", "2024-03-05", "2024-03-04")
    assert article.page_label == ("5" if "第05版" in head else "A05" if "A05" in head else None)
    assert article.newspaper == ("郑州日报" if "郑州日报" in head else None)
    given = replace(page, meta=replace(page.meta, date="2024-03-06", page="2"))
    (article,) = pipeline.process(given).articles
    assert (article.date, article.page_label) == ("2024-03-06", "2")


def test_a_line_of_text_with_a_date_is_no_frame():
    assert not frame.is_frame("2024年3月5日，金水区召开会议") and not frame.is_frame("郑州日报 记者 张华")
    assert not frame.is_frame("2024年3月5日 金水区召开大会") and not frame.is_frame("G20 峰会 开幕")
    # the page's number as its section's letter and two digits, beside the section's name
    assert frame.is_frame("A01 要闻") and frame.is_frame("城事 B12") and not frame.is_frame("K12 教育 发展")
    # a web page's editors, reviewers and producers (审核, 监制 only with their colon)
    assert frame.is_frame("编辑：王磊　审核：李强　监制：赵明") and not frame.is_frame("审核通过后发放")
    # a front page's masthead is the frame too; a line of text about an issue is not
    assert all(map(frame.is_frame, ["国内统一连续出版物号 CN41-0001", "邮发代号 35-12", "今日8版 第12345期", "郑州日报社出版"]))
    assert not frame.is_frame("第二期培训班开班") and not frame.is_frame("本报社出版的书")
    # the page's number at its foot; not a figure alone, nor a range in a line of text
    assert all(map(frame.is_frame, ["- 5 -", "—5—", "－ 12 －"])) and not frame.is_frame("5") and \
        not frame.is_frame("- 5 - 要闻") and not frame.is_frame("气温-5～-12℃")
    # a long run of frame parts that is no frame after all is given up at once (cut every way it
    # can be, this one would take longer than the universe has: a hostile page would hang the build)
    assert not frame.is_frame("编辑 张三 " * 2000 + "。") and not frame.is_frame("2024年3月5日 星期二 " * 2000 + "x")
    assert not frame.is_frame("城事 2024年3月5日 星期二 " * 2000 + "。")


def test_marked_points_of_one_story_stay_in_it(tmp_path):
    """A mark without a date before it opens a point of the story, not a brief."""
    _, layout = layout_of(tmp_path, """本报讯 6月3日，金水区部署三项重点工作：
● 聚焦营商环境
持续深化“放管服”改革。
● 聚焦民生实事
办好十件民生实事。
记者 张华
""")
    assert [(a.kind, ranges(a.body)) for a in layout.articles] == [("news", [[1, 6]])]


SUBHEADINGS_AND_A_JUMP = """（上接第1版）通过政策宣讲、入户走访等
方式，让企业和群众知晓政策、用好政策。

惠济区打造“红色物业”

本报讯（记者 孙伟）近日，该区以党建
为引领，在全区 46个小区推行“红色物
业”模式。

完善机制建平台

惠济区成立物业服务工作专班，定期召
开联席会议。

强化服务解难题

今年以来，各社区累计解决群众反映
问题 320余件。（下转第2版）

惠济区成立物业服务工作专班，定期召
开联席会议。
"""


def test_short_lines_inside_an_open_story_are_its_subheadings(tmp_path):
    """Between finished paragraphs of a story that opened with its dateline and has not ended,
    a short line on its own is a sub-heading, not the headline of a new story. The rest of a
    story from another page ('上接第1版') is not joined to a story of this page, and a story that
    goes on elsewhere ('下转第2版') takes no more text from this one."""
    p, layout = layout_of(tmp_path, SUBHEADINGS_AND_A_JUMP)
    assert [(ranges(a.body), a.headline) for a in layout.articles] == [
        ([[1, 2]], []), ([[6, 8], [10, 10], [12, 13], [15, 15], [17, 18]], [[4]]), ([[20, 21]], [])]
    story = layout.articles[1]
    assert story.subheadings == [10, 15]
    assert [q.role for q in paragraphs(story, p)] == ["text", "subheading", "text", "subheading", "text"]


def test_a_photo_mark_the_line_break_cut_from_a_byline_ends_that_byline(tmp_path):
    """'记者 孙庆辉' at the end of a line and '文/图' alone under it: one byline, which closes its
    story; the mark opens no story of its own."""
    p, layout = layout_of(tmp_path, """本报讯 4月30日，高新区召开动员会，
部署全年环境治理工作。会议要求形成
具体方案呈报管委会。记者 孙庆辉
文/图

“学习强国”郑州学习平台上线

本报讯 4月28日，郑州学习平台上线，
高新区组织召开座谈会。
""")
    assert [ranges(a.body) for a in layout.articles] == [[[1, 4]], [[8, 9]]]
    assert layout.articles[1].headline == [[6]]
    assert [q.role for q in paragraphs(layout.articles[0], p)][-1] == "byline"


def test_a_lone_short_headline_after_an_open_story_is_its_headline(tmp_path):
    """The story's credit is in its lead, so nothing closes it; the short line after it is its
    headline, set after it, and the text below is another story (no series of sub-headings)."""
    _, layout = layout_of(tmp_path, """本报讯（记者 张华）6月5日，金水区召开
优化营商环境推进会议，区委书记王伟出
席并讲话。

营商环境推进会召开

初夏时节，走进金水区的大街小巷，绿树
成荫，花香四溢。
记者 李强

金水区生态环境持续改善
""")
    assert [(ranges(a.body), a.headline) for a in layout.articles] == [([[1, 3]], [[5]]), ([[7, 9]], [[11]])]


def test_wrapped_lines_join_into_words_and_numbers():
    page = PageText(("本报讯（记者郝鹏刚）6月2", "8日，老城区开展招聘会。", "", "云与计算 CTO", "Bob 进行报告", "本 报 讯 记者"))
    assert page.span([1, 2]) == "本报讯（记者郝鹏刚）6月28日，老城区开展招聘会。"
    assert page.span([4, 5]) == "云与计算CTO Bob进行报告"
    assert page[6] == "本报讯 记者" and page.span([6]) == "本报讯 记者"
    assert page.span([1, 2], "8日，") == "本报讯（记者郝鹏刚）6月28日，"  # a line cut short by its byline


def test_a_line_as_wide_as_the_column_running_on_is_text(tmp_path):
    """A column break after a full line with no punctuation: the line reads like a headline,
    but it is as wide as the column and the text below runs on from it."""
    _, layout = layout_of(tmp_path, """本报讯近日，金水区召开会议
部署重点工作，会议要求各单
位抓好落实，确保取得实效。

示范区今年共新增高新技术企

业11家，总数达27家，同比增
长两倍多，均为历年最多。
记者 张华
""")
    assert [(ranges(a.body), a.headline) for a in layout.articles] == [([[1, 3], [5, 5], [7, 9]], [])]


def _set(text: str, measure: int) -> str:
    """A paragraph set in a column `measure` characters wide."""
    return "\n".join(text[i:i + measure] for i in range(0, len(text), measure))


def test_a_byline_at_the_top_of_the_page_ends_the_story_that_has_none(tmp_path):
    """A story has one byline: a byline alone at the top of the page (its column run on from the
    page's foot) ends the story that has none yet, never one its own byline has already ended."""
    text = """记者 张改华 通讯员 郭佳星

二七区调研道路综合改造工程

本报讯 3月2日，二七区领导调研道路综
合改造三期工程建设情况。
记者 谢鹏飞

二七区召开政府系统廉政工作会议

本报讯 3月3日，二七区召开政府系统廉
政工作会议，部署全年廉政建设工作。
"""
    shipped = learned.shipped()
    rank = shipped["tail_story"]
    # a rule, not a weight: it holds even where the fitted ranking would rather end the open story
    # (as weights fitted on pages with no byline at their top may)
    blind = replace(rank, coef=tuple(-abs(w) if f in ("open", "last") else w for f, w in zip(rank.features, rank.coef)))
    with learned.using(learned.Weights({**shipped.models, "tail_story": blind})):
        _, layout = layout_of(tmp_path, text)
    meeting = next(a for a in layout.articles if a.headline == [[9]])
    assert ranges(meeting.body) == [[11, 12], [1, 1]]
    road = next(a for a in layout.articles if a.headline == [[3]])
    assert ranges(road.body) == [[5, 7]]


def test_the_top_of_a_page_may_end_two_stories_set_in_different_measures(tmp_path):
    """Two stories run on from the page's foot to its head, one under the other: the cut is where
    the measure changes, and each piece ends the story that shares its words."""
    hongkong_end = _set("这份特区政府的大事录长达二十页。大事录说，香港回归祖国后，香港居民生活如常，"
                        "特区政府维持联系汇率制度的决心不变，香港经济仍然跨步向前。", 12)
    strait_end = _set("第三，以继承和发扬中华优秀文化传统为纽带，加强两岸同胞的往来和交流，"
                      "增进海峡两岸的了解，两岸关系的发展能够走向一个新的起点。", 16)
    hongkong = _set("据新华社香港１月１日电香港特区政府在去年的最后一天发表了回归半年大事录，"
                    "认为香港回归后的情况粉碎了一些预言。大事录详细记录了特区政府的重大事项，"
                    "包括联系汇率制度和香港居民的生活", 12)
    strait = _set("本报北京１月１日讯海峡两岸关系协会会长汪道涵在两岸关系杂志发表新年祝辞。"
                  "他说，两岸同胞血脉相连，海峡两岸的往来和交流日益密切，中华优秀文化传统", 16)
    text = "\n\n".join([hongkong_end, strait_end, "香港特区政府发表回归半年大事录", hongkong,
                        "汪道涵发表新年祝辞谈两岸关系", strait]) + "\n"
    p, layout = layout_of(tmp_path, text)
    lines = p.lines
    firsts = {a.fragments[0][0]: [lines[f[0] - 1][:4] for f in a.fragments] for a in layout.articles}
    assert sorted(firsts.values()) == [["据新华社", "这份特区"], ["本报北京", "第三，以"]]


def test_a_letter_spaced_role_word_over_a_photo_credit_is_its_byline(tmp_path):
    """'本 报 记 者' on a line of its own, then '赵耀东 摄': one byline, not a sub-heading and a byline."""
    text = "⬅昨日，环\n卫工人在苏家作\n乡苏家作村的爱\n心驿站休息。今\n年年初以来，示\n范区工会组织各\n" \
           "乡镇在党建综合\n体设立爱心驿站\n，提供免费茶水\n、咨询等服务。\n\n本 报 记 者\n赵耀东 摄\n"
    p, layout = layout_of(tmp_path, text)
    roles = [(x.role, x.text) for x in paragraphs(layout.articles[0], p)]
    assert roles[-1] == ("byline", "本报记者 赵耀东 摄") and "subheading" not in [r for r, _ in roles]


HENAN = _set("本报郑州５月２０日电记者王明报道：河南今年小麦播种面积稳定，各地加强田间管理，"
             "全省小麦长势良好，丰收在望。省农业部门组织专家下乡，指导农民防治病虫害。", 14)
HUBEI = _set("本报武汉５月２０日电记者李华报道：湖北各地油菜长势喜人，菜籽收购价格稳中有升，"
             "农民忙于收割和晾晒。江汉平原的油菜种植面积比去年扩大了一成。", 14)
BRIEFS = [_set("新华社北京５月２０日电国务委员今天会见了来访的外国代表团，双方就合作交换了意见。", 14),
          _set("新华社广州５月２０日电广东省第八届人大常委会第三次会议今天闭幕，会议通过两项地方法规。", 14),
          _set("新华社沈阳５月２０日电沈阳市第一条地铁线路今天开工建设，全长二十二公里。", 14)]


def test_the_dispatches_of_one_report_share_its_headline(tmp_path):
    """A report of two dispatches from two places under one headline that sums up both: the
    second dispatch, which no headline heads, is part of the report, not a story of its own."""
    text = "\n\n".join(["河南小麦丰收湖北油菜长势喜人", HENAN, HUBEI]) + "\n"
    _, layout = layout_of(tmp_path, text)
    assert [(len(a.fragments), a.headline) for a in layout.articles] == [(2, [[1]])]


@pytest.mark.parametrize("opening", ["12日", "3月12日", "近期", "连日来", "昨天"])
def test_a_brief_opens_with_its_mark_and_when_it_happened(tmp_path, opening):
    """A county paper's briefs, set tight one under another after a story: each ■ item, however
    it says when ('■　12日，'), is a brief of its own with its writer, not the end of the story."""
    _, layout = layout_of(tmp_path, f"""县医院新院区下月启用

本报讯　（记者　何静）记者14日从县卫健委获悉，县人民医院新院区将于4月1日正式启用。

简　讯

■　{opening}，县妇联开展“三八”维权宣传活动，发放资料3000余份。（张丽）
■　13日，县交警大队开展春季道路交通安全整治行动，查处违法行为56起。（王刚）
""")
    assert [(a.kind, ranges(a.body)) for a in layout.articles] == [("news", [[3, 3]]), ("brief", [[7, 7]]),
                                                                   ("brief", [[8, 8]])]


def test_a_column_of_briefs_is_not_one_report(tmp_path):
    """Untitled dispatches after a headed story, sharing none of its headline's words: briefs,
    each an article of its own."""
    text = "\n\n".join(["河南小麦长势良好丰收在望", HENAN, *BRIEFS]) + "\n"
    _, layout = layout_of(tmp_path, text)
    assert len(layout.articles) == 4
    assert [len(a.fragments) for a in layout.articles] == [1, 1, 1, 1]


def test_a_word_cut_by_a_column_break_tells_text_from_a_headline(tmp_path):
    """A full line with no punctuation before a column break reads like a headline; the word it
    ends in runs on into the next column ('…委员' / '会主席…'): it is text."""
    _, layout = layout_of(tmp_path, """本报香港５月２０日电特区政府今天宣布
选民登记工作将于下月截止，目前尚有
一些合资格选民未登记成为选民。

特区第一届立法会选举管理委员

会主席在记者会上表示满意，他呼吁
合资格的选民尽早完成登记。
""")
    assert [(ranges(a.body), a.headline) for a in layout.articles] == [([[1, 3], [5, 5], [7, 8]], [])]


GUANGZHOU = _set("2014年1月12日广州白云区发生火灾，一栋六层民宅的一楼发生大火，来广州打工的一家六口"
                 "全部在火灾中不幸死亡，只有家里的小花猫存活下来。具体的起火原因还在进一步调查。", 12)
DONGGUAN = _set("昨日上午9时许，东莞市一家纸厂的仓库突然起火，浓烟滚滚。消防官兵接报后迅速赶到现场，"
                "经过三个多小时的扑救，纸厂仓库的大火终于被扑灭，所幸没有人员伤亡。", 12)


def test_a_story_at_the_top_of_the_page_takes_the_headline_right_under_it(tmp_path):
    """Web copy and some pages set a headline right under its story; the story at the top of the
    page, with no dateline, is then no tail of a story further down."""
    text = "\n\n".join([GUANGZHOU, "广州白云区民宅大火一家六口死亡", DONGGUAN, "东莞一纸厂仓库起火三小时扑灭"]) + "\n"
    p, layout = layout_of(tmp_path, text)
    titles = [("".join(p.lines[n - 1] for u in a.headline for n in u), p.lines[a.first - 1][:4]) for a in layout.articles]
    assert titles == [("广州白云区民宅大火一家六口死亡", "2014"), ("东莞一纸厂仓库起火三小时扑灭", "昨日上午")]


WUCHANG = "\n\n".join(_set(t, 12) for t in (
    "昨天早上，武昌一条小吃街的一家面馆起火，大火延烧到旁边的八家店面。记者赶到现场时，小吃街的大火已经被扑灭，"
    "店主们正在清理被烧毁的桌椅和灶具。",
    "一位卖炒面的店主说，火是从面馆的后厨烧起来的，当时店里只有两名伙计，他们发现油锅起火后试图扑救，但火势"
    "蔓延很快，很快就烧着了屋顶的塑料雨棚。",
    "武昌区消防大队的官兵接警后赶到，用了四十分钟将大火扑灭，没有人员受伤。八家店面的损失正在统计之中。"))


def test_a_story_with_no_dateline_is_cut_from_the_story_it_follows(tmp_path):
    """A story that opens with no dateline ('昨天早上，…') right after another, the first's headline
    before it and its own after it: the words each shares with its headline, and the new words
    the second brings, tell where it begins."""
    dongguan = "\n\n".join(_set(t, 12) for t in (
        "本报东莞讯 " + "".join(DONGGUAN.split("\n")),
        "据了解，起火的仓库存放着大量纸品和包装材料，火势一度十分猛烈，浓烟在几公里外都能看到。纸厂的工人"
        "在第一时间疏散，附近的居民也被转移到安全地带。",
        "东莞市消防部门调派了十二辆消防车赶赴现场，官兵们分成四个小组从不同方向灭火，并对相邻的厂房进行冷却保护。"))
    text = "\n\n".join(["东莞一纸厂仓库起火三小时扑灭", dongguan, WUCHANG, "武昌小吃街面馆起火延烧八家店面"]) + "\n"
    p, layout = layout_of(tmp_path, text)
    assert [(p.lines[a.first - 1][:4], len(a.headline)) for a in layout.articles] == [("本报东莞", 1), ("昨天早上", 1)]


def test_a_byline_wrapped_at_the_column_width_is_one_byline(tmp_path):
    """A byline as wide as the column wraps like text, anywhere, even inside a role word
    ('记者 张改华 通讯' / '员 郭佳星'): its lines are one byline, and the remainder is no headline."""
    byline = "记者 张改华 通讯员 郭佳星"
    for cut in (9, 13):  # '记者 张改华 通讯' / '员 郭佳星', '记者 张改华 通讯员 郭佳' / '星'
        p, layout = layout_of(tmp_path, "\n".join([
            "本报讯 6月4日，二七区召", "开政府系统廉政工作会议，", "区长苏建设出席并讲话。", byline[:cut], byline[cut:], "",
            "二七区召开政府系统廉政工作会议", ""]))
        assert [(ranges(a.body), a.headline) for a in layout.articles] == [([[1, 5]], [[7]])]
        assert [(q.role, q.text.replace(" ", "")) for q in paragraphs(layout.articles[0], p)][-1] == \
            ("byline", byline.replace(" ", ""))


def test_a_headline_that_ends_short_of_the_column_before_a_lead_without_dateline(tmp_path):
    """Two lines with no punctuation, the first as wide as the column, after a finished story and
    before one that opens with no dateline: text cut by a column break would fill its last line or
    end a sentence there; this stops short, unfinished: a headline."""
    text = "\n\n".join([GUANGZHOU, "江苏丹阳近百学生食物中\n毒警方展开调查", DONGGUAN, "东莞一纸厂仓库起火三小时扑灭"]) + "\n"
    p, layout = layout_of(tmp_path, text)
    heads = ["".join(p.lines[n - 1] for u in a.headline for n in u) for a in layout.articles]
    assert heads == ["江苏丹阳近百学生食物中毒警方展开调查", "东莞一纸厂仓库起火三小时扑灭"]
    # the evidence, beside the rest the heading model weighs: a last line short and unfinished;
    # a piece of text a column break cut ends as wide as the column, or on a sentence's end
    for piece, short in (("江苏丹阳近百学生食物中\n毒警方展开调查", 1.0), ("具体的起火原因还在进一\n步调查之中警方已经介入", 0.0)):
        trace = learned.Trace()
        cut = page(tmp_path, text.replace("江苏丹阳近百学生食物中\n毒警方展开调查", piece))
        reassemble(cut, trace)
        found = {cut.lines[c.lines[0][0] - 1]: c.features["short_unfinished"] for c in trace.candidates
                 if c.decision == "heading"}
        assert found[piece.split("\n")[0]] == short, found


def test_a_page_reassembly_is_unsure_of_is_listed_to_check(tmp_path):
    """A headline that heads no story (it stays a sub-heading), or a decision close to its
    threshold, marks the page 待校对: the 版面原文 page lists it with what was uncertain, linked to
    its line; a page reassembly was sure of is not listed."""
    from generator.archive import pipeline
    from generator.index import listings, sources

    text = "\n\n".join(["东莞一纸厂仓库起火三小时扑灭", _set("本报东莞讯 " + "".join(DONGGUAN.split("\n")), 12),
                        "广州白云区民宅大火一家六口死亡"]) + "\n"
    path = tmp_path / "unsure.txt"
    path.write_text(text, encoding="utf-8")
    report = pipeline.process(read_page(path))
    assert report.doubts == [("orphan", 11)]  # the second headline heads nothing
    calm = pipeline.process(read_page(PAGES / sorted(p.name for p in PAGES.glob("*.txt"))[0]))
    assert calm.doubts == []
    listing = sources.index_page([calm, report], listings.Urls(calm.articles + report.articles))
    assert "待校对（1 个版面" in listing and "- [unsure\\.txt](unsure.md)：" in listing
    assert f"[{sources.DOUBT_NAMES['orphan']}（第 11 行）](unsure.md#L11)" in listing
    assert set(DOUBT_MARGINS) | {"orphan", "unlinked", "kicker"} <= set(sources.DOUBT_NAMES)  # each is named


def test_a_kicker_that_reads_on_from_the_story_above_is_a_doubt(tmp_path):
    """A story's last line, its full stop lost, right over the next story's headline reads as that
    headline's kicker; where it shares words with the story above and none with its own, the page
    is listed to check."""
    _, layout = layout_of(tmp_path, """节前文化科技卫生三下乡

新年前夕，南京市科教文卫系统２３０多人组成的“三下乡”慰问团来到溧水县柘塘镇，为农民群众送去演出和义诊。

下乡演出队为农民群众表演歌舞节目

各地青年志愿者开展义务服务

本报北京１月２日讯 元旦期间，各地青年志愿者走上街头，开展义务服务，为群众排忧解难。
""")
    assert ("kicker", 5) in layout.doubts


EDITOR_NOTE_BEFORE_ITS_HEADLINE = """公交线路同步优化

为做好与地铁的接驳，市公交集团将同步调整12条公交线路，新
开3条接驳线路。具体方案将在地铁开通前向社会公布。（周洁）

编者按：冬季是火灾高发季节。即日起，本报开设“冬季防火进万家”专栏，
提醒广大市民注意用火用电安全。

电动车充电请到指定地点

■本报记者　何晓东　文/图

11月12日晚，城南一小区楼道内一辆正在充电的电动自行车突然起火，
所幸被及时扑灭，未造成人员伤亡。

简　讯

■　5月6日，区人社局在花园路举办专场招聘会，62家
企业提供就业岗位1800余个。（孙浩）
"""


def test_an_editors_note_a_marked_byline_and_a_briefs_writer(tmp_path):
    """The editor's note (编者按) above a headline is part of the story under it, not of the story
    before it nor a story the headline heads; a byline set after an item's mark (■) credits its
    story; a brief's writer in brackets after its last sentence is its reporter; a column's label
    letter-spaced (简　讯) is furniture."""
    page, layout = layout_of(tmp_path, EDITOR_NOTE_BEFORE_ITS_HEADLINE)
    assert [(a.kind, a.headline, ranges(a.body)) for a in layout.articles] == [
        ("news", [[1]], [[3, 4]]), ("news", [[9]], [[6, 7], [11, 11], [13, 14]]), ("brief", [], [[18, 19]])]
    assert layout.furniture == [16]
    first, second, brief = pipeline.process(page).articles
    assert first.reporters == ["周洁"] and "周洁" not in first.persons
    assert (second.reporters, second.photographers) == (["何晓东"], ["何晓东"])
    assert [p["role"] for p in second.paragraphs][:2] == ["note", "byline"] and second.event_date.endswith("11-12")
    assert brief.reporters == ["孙浩"]


def test_a_lead_after_an_editors_note_gives_the_credit(tmp_path):
    """A series' label and its editor's note over the first story's headline join that story: its
    credit is read from its lead (本报讯（记者…）), not from the note that stands first."""
    printed = page(tmp_path, """【乡村振兴看变化】

编者按：即日起，本报推出“乡村振兴看变化”专栏，记录乡村的新气象。敬请关注。

小山村种出“致富果”

本报讯（记者 朱琳 通讯员 郝建）初夏时节，登封市大冶镇的樱桃园里，
一颗颗樱桃挂满枝头。
""")
    [article] = pipeline.process(printed).articles
    assert (article.title, article.reporters, article.correspondents) == ("小山村种出“致富果”", ["朱琳"], ["郝建"])
    assert "朱琳" not in article.persons


def test_a_national_dailys_folio_and_summary_box(tmp_path):
    """The folio's section and page number under the frame (要闻　2) is the frame; a summary boxed
    between the headline and the lead (核心阅读, its label alone on its line) is the story's, as an
    editor's note is, not a story of its own."""
    printed = page(tmp_path, """人民日报
2014年3月5日　星期三
要闻　2

今年经济社会发展主要预期目标确定

核心阅读

今年国内生产总值增长预期目标为7.5%左右。专家认为，目标既积极又稳妥。

本报北京3月4日电  （记者 王珂）记者从有关方面获悉，今年经济社会发展的主要预期目标已经确定。
""")
    report = pipeline.process(printed)
    [article] = report.articles
    assert (article.title, article.reporters, article.headline_lines) == ("今年经济社会发展主要预期目标确定", ["王珂"], [[5, 5]])
    assert article.body_lines == [[7, 7], [9, 9], [11, 11]] and report.furniture == [1, 2, 3]


def test_readers_letters_and_an_interview_in_questions(tmp_path):
    """A reader's letter ends at its signer (读者 刘芳), who is no reporter and no person of the next
    letter; an interview's questions (问：…？) are its text, not headlines."""
    printed = page(tmp_path, """小区门口的路灯该修了

我家小区门口的三盏路灯已经坏了一个多月，晚上出行很不方便，希望有关部门尽快修理。

读者 刘芳

公交站台应加装遮阳棚

夏天到了，很多公交站台没有遮阳棚，建议在客流较大的站台加装。

读者 孙强

个税汇算这些问题你需要知道

本报记者 郭静

问：哪些人需要办理汇算？

答：年度综合所得收入超过12万元且需要补税金额超过400元的，需要办理。

问：如何办理？

答：可以通过个人所得税APP办理，也可以到办税服务厅办理。
""")
    letters = pipeline.process(printed).articles
    assert [(a.title, a.reporters, a.persons) for a in letters] == [
        ("小区门口的路灯该修了", [], []), ("公交站台应加装遮阳棚", [], []), ("个税汇算这些问题你需要知道", ["郭静"], [])]
    assert [p["role"] for p in letters[0].paragraphs] == ["text", "byline"]
    assert letters[2].body_lines == [[15, 15], [17, 17], [19, 19], [21, 21], [23, 23]]


@pytest.mark.parametrize("head", ["新华社北京6月10日电\n题：把论文写在祖国大地上", "新华社北京6月10日电　题：把论文写在祖国大地上"])
def test_a_wire_features_title_after_its_dateline(tmp_path, head):
    """A wire feature prints its title after its dateline (题：…, on the dateline's line or the next)
    and its subtitle and credit under it: one article so titled; the credit did not end it."""
    printed = page(tmp_path, f"""{head}
——记中国科学院院士张明远

新华社记者 王博 刘洋

凌晨五点，实验室的灯已经亮了。82岁的张明远院士，依然保持着每天工作十小时的习惯。

“科学没有国界，但科学家有祖国。”这是他常挂在嘴边的一句话。
""")
    [article] = pipeline.process(printed).articles
    assert (article.title, article.subtitle, article.reporters) == ("把论文写在祖国大地上", "——记中国科学院院士张明远", ["王博", "刘洋"])
    assert article.body_lines[-1][-1] == max(n for n, line in enumerate(printed.lines, 1) if line.strip())


TIGHT_PAGE = """经开区召开全区
视联网建设工作推进会
本报讯 近日，经开区党工委副书记郭宏力主持召开全区视联
网建设工作推进会，听取各相关单位视联网建设工作情况的汇
报，安排部署下一步工作。
郭宏力提出，要明确工作目标，严格按照时间节点高质高效完
成建设任务，以技术赋能提升社会治理水平。
记者 谢鹏飞
年轻干部奔赴基层一线
昨日，经开区举行网格历练岗前培训班，来自区直部门的７９
名年轻干部参加培训。
本次培训紧扣基层网格治理实际需求，邀请省级物业管理服务
专家和优秀社区书记进行专题授课。
记者 王磊
经开区优化营商环境
本报讯 今年以来，经开区持续优化营商环境，新登记市场主
体３２００余户，同比增长１５％。
"""


def test_a_page_printed_tight_without_blank_lines(tmp_path):
    """Some PDF extractors give a page with no blank line between paragraphs, headlines and
    stories: its blocks are cut where a paragraph ends short of the column and around the short
    lines with no punctuation set between finished sentences, and its stories come out as they
    would with the blank lines (the page had been one story). The lines of a run of headlines are
    cut apart, the headline decode grouping them; the lines of one headline so cut are one unit
    again (a title wrapped over two lines, not a kicker and a title)."""
    printed = page(tmp_path, TIGHT_PAGE)
    from generator.reassemble.blocks import implied_breaks
    assert sorted(implied_breaks(printed.running)) == [2, 3, 6, 9, 10, 12, 15, 16]  # (a byline splits off as ever)
    articles = pipeline.process(printed).articles
    assert [(a.headline_lines, a.body_lines, a.reporters) for a in articles] == [
        ([[1, 2]], [[3, 8]], ["谢鹏飞"]), ([[9, 9]], [[10, 14]], ["王磊"]), ([[15, 15]], [[16, 17]], [])]
    assert (articles[0].kicker, articles[0].title) == (None, "经开区召开全区视联网建设工作推进会")
    # a page with its blank lines reads as before: no line is cut there
    assert not implied_breaks(page(tmp_path, TIGHT_PAGE.replace("\n", "\n\n")).running)


@pytest.mark.parametrize("lines, implied, units", [
    (["北京西单购物中心发生火灾", "未有人员伤亡"], {2}, [[1, 2]]),  # cut only where the page set no blank line
    (["北京西单购物中心发生火灾", "未有人员伤亡"], set(), [[1], [2]]),  # cut by the page itself
    (["区里的“夜经济”火起来了", "——高新区打造夜间消费集聚区见闻"], {2}, [[1], [2]]),  # a subtitle's dash
    (["■相关链接", "什么是人才公寓"], {2}, [[1], [2]]),  # a column's label
])
def test_a_headline_wrapped_on_a_page_printed_tight_is_one_unit(lines, implied, units):
    from generator.reassemble.headlines import join_wrapped
    from generator.reassemble.stories import Draft
    draft = Draft(headline=[[n] for n in range(1, len(lines) + 1)])
    join_wrapped([draft], dict(enumerate(lines, 1)), frozenset(implied))
    assert draft.headline == units


BETWEEN_STORIES_PAGE = """区里举行义务植树活动
本报讯 3月12日，区委、区政府组织干部群众到城郊开展义
务植树活动。大家一到植树地点就拿起铁锹，栽植、培土、踩
实，一丝不苟。今年全区计划新增绿地面积１２００亩，目前
已完成４００余亩。区林业局有关负责人表示，下一步将结合

全 市 组 织 干 部
职工开展的植树活动，带动更多群众参与国土绿化行动，为
建设美丽家园贡献力量。
记者 王磊

区残联开展全国助残日主题志愿服务活动
昨日上午，区残联组织志愿者走进社区，
为残疾人送去米面油等慰问品，并开展康
复咨询和政策宣讲等志愿服务活动。

夜市经济火起来
昨日傍晚，位于高新区的星光夜市人头攒动，烤串、臭豆腐、
手工冰粉……３０多个摊位一字排开，香气扑鼻，吸引了不少
市民前来消费，摊主们忙得不亦乐乎。

【相关链接】
全市已建成夜间消费集聚区２６个，今年计划再建１０个，带
动就业２０００余人。

本报讯 6月1日，经开区召开安全生产工作会议，安排部署下
一阶段安全生产工作，要求各单位压实责任，坚决遏制各类事
故发生，确保全区安全生产形势持续稳定向好。
经开区召开安全生产会议

关于开展城区道路综合整治的通告
为进一步改善城区交通秩序，区政府决定自6月1日起在城区开
展道路综合整治，请广大市民和驾驶员给予理解和支持。特此
通告。
金水区城管局
2020年5月28日

本报讯 近日，高新区组织开展防汛应急演练，检验各部门协
同处置能力，提升全区应对突发汛情的实战水平。
高新区开展防汛应急演练
"""


def test_a_page_with_blank_lines_between_its_stories_only(tmp_path):
    """A page that sets a blank line only where one story ends and another begins: a headline set
    tight over its text (well short of the text's lines), or under its story's last sentence with a
    blank line and a dateline, another headline or the page's end after it, is a block of its own.
    So is a line as wide as the text over a lead that opens with its day ('昨日上午，…'). Not the line
    after a column's break in mid-sentence (a letter-spaced line reads short), a box's label over
    its text, nor a notice's signer and date."""
    printed = page(tmp_path, BETWEEN_STORIES_PAGE)
    from generator.reassemble.blocks import implied_breaks
    assert sorted(implied_breaks(printed.running)) == [2, 13, 18, 29, 32, 40]
    assert [([n for unit in a.headline_lines for n in unit], a.body_lines, a.reporters)
            for a in pipeline.process(printed).articles] == [
        ([1, 1], [[2, 5], [7, 10]], ["王磊"]), ([12, 12], [[13, 15]], []), ([17, 17], [[18, 20], [22, 24]], []),
        ([29, 29], [[26, 28]], []), ([31, 31], [[32, 36]], []), ([40, 40], [[38, 39]], [])]


@pytest.mark.parametrize("line, ends", [("（据新华社电）", True), ("金水区城管局", True), ("王建国家庭　李秀英家庭　张志强家庭", True),
                                         ("丰庆路路灯已修复", False), ("情为民所系 权为民所用 利为民所谋", False),
                                         ("郑州市人民政府召开会议", False)])
def test_what_ends_a_text_on_a_tight_page_heads_none(line, ends):
    """On a page printed tight, a source in brackets, a body that signs the text (its name, no verb)
    and a list's row whose items end alike stand where a headline may: they head nothing."""
    from generator.reassemble.blocks import _signed
    assert _signed(line) == ends


def test_a_sections_name_beside_the_frame_is_furniture(tmp_path):
    """Over the frame it is the section's (社区·民生); a short line under it may be a headline."""
    _, layout = layout_of(tmp_path, "社区·民生\n2022年7月20日　星期三　第6版\n金水区召开大会\n\n本报讯 7月19日，金水区召开大会。\n")
    assert layout.furniture == [1, 2] and layout.articles[0].headline == [[3]]


A_FEATURE_AND_A_COLUMN = """　　区里的“夜经济”火起来了
　　——高新区打造夜间消费集聚区见闻

　　□本报记者　林晓　实习生　吴迪

　　华灯初上，位于高新区的“星光夜市”人头攒动。烤串、臭豆腐、
手工冰粉……30多个摊位一字排开，香气扑鼻。

短评

　　让“烟火气”更旺一些
　　□王五
　　夜经济是城市活力的重要体现。既要放得开，也要管得好，
让群众在家门口享受到更多便利。
"""


def test_a_dash_subtitle_set_tight_and_a_columns_writer(tmp_path):
    """A subtitle that opens with a dash is a unit of its own, kept with the title over it; a
    column's writer after an item's mark ('□王五') is its byline even set tight under its title;
    the column's name (短评) is the kicker."""
    page, layout = layout_of(tmp_path, A_FEATURE_AND_A_COLUMN)
    assert [a.headline for a in layout.articles] == [[[1], [2]], [[9], [11]]]
    feature, column = pipeline.process(page).articles
    assert (feature.title, feature.subtitle, feature.reporters) == (
        "区里的“夜经济”火起来了", "——高新区打造夜间消费集聚区见闻", ["林晓", "吴迪"])
    assert (column.kicker, column.title, column.reporters) == ("短评", "让“烟火气”更旺一些", ["王五"])


@pytest.mark.parametrize("over, title, under", [
    ("凝心聚力谋发展　奋楫扬帆启新程", "我区召开2024年经济工作会议", None),
    ("坚持以人民为中心　推动高质量发展", "金水区：民生实事件件落地", "——2023年民生实事完成情况综述"),
    (None, "二七区召开政府系统廉政工作会议", "勤政廉政转作风　依法行政提效能"),
])
def test_a_line_of_parallel_phrases_tight_against_the_title(tmp_path, over, title, under):
    """A line of parallel phrases set apart by spaces is complete in itself: the kicker over the
    title or the subtitle under it, never the first half of one title wrapped over two lines."""
    head = "\n".join(line for line in (over, title, under) if line)
    page, _ = layout_of(tmp_path, f"{head}\n\n本报讯（记者　王磊）12月28日，区委经济工作会议召开。会议部署了明年的重点任务。\n")
    (article,) = pipeline.process(page).articles
    expected_under = under.replace("　", " ") if under else None
    assert (article.kicker, article.title, article.subtitle) == (over and over.replace("　", " "), title, expected_under)


def test_a_headline_wrapped_after_a_colon_and_the_pages_picture_credit(tmp_path):
    """'专访…赵刚：' / '让每一位求职者…' is one headline, not text; the page's picture credit
    (（本版图片均由…提供）) is furniture, no far headline."""
    page, layout = layout_of(tmp_path, """专访区人社局局长赵刚：
让每一位求职者都能找到合适岗位

本报记者　孙悦

记者：今年以来，我区就业形势如何？
赵刚：总体稳定向好。1至10月，全区城镇新增就业1.2万人。

（本版图片均由区人社局提供）
""")
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1, 2]], [[4, 4], [6, 7]])]
    assert layout.furniture == [9]
    (article,) = pipeline.process(page).articles
    assert article.reporters == ["孙悦"] and article.title == "专访区人社局局长赵刚：让每一位求职者都能找到合适岗位"


WEB_COPY = """暴雨致城区多处积水，市区两级启动应急响应，部分路段交通管制
原标题：暴雨来袭！这些路段请绕行
2021-07-20 08:15:32　来源：大河网

大河网讯　7月19日夜间至20日凌晨，我市出现强降雨天气，城区多处路段出现积水。
市防汛指挥部于20日凌晨2时启动防汛Ⅳ级应急响应。

气象部门提醒，未来24小时仍有较强降雨，请市民减少不必要外出。（完）
责任编辑：张明

地铁5号线部分站点临时封闭
发布时间：2021-07-20 09:02

记者从郑州地铁获悉，受强降雨影响，地铁5号线部分站点出入口临时封闭。
编辑：王芳
"""


def test_a_web_pages_headline_stands_over_its_time_and_source(tmp_path):
    """Web copy sets a story's time and source (and the title it had) under its headline: they are
    furniture, the line over them is the headline however long and with commas, and the page is
    dated by them where nothing else dates it."""
    page, layout = layout_of(tmp_path, WEB_COPY)
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1]], [[5, 6], [8, 8]]), ([[11]], [[14, 14]])]
    assert layout.furniture == [2, 3, 9, 12, 15]
    first, second = pipeline.process(page).articles
    assert (first.date, first.event_date, second.date) == ("2021-07-20", "2021-07-19", "2021-07-20")
    assert frame.is_frame("2021-07-20 08:15:32　来源：大河网") and not frame.is_frame("来源：郑州日报")  # (a story's last line)


def test_a_headline_its_lead_restates_is_no_sub_heading(tmp_path):
    """A short line between sections of a story is its sub-heading where others like it stand there
    ('完善机制建平台'); one whose words the paragraph under it opens by restating, as a lead without a
    dateline does ('昨日，卧龙区举办观摩评比。'), heads a story of its own."""
    _, layout = layout_of(tmp_path, """卧龙区召开推进会

本报讯（记者 张华）6月5日，卧龙区召开推进会。会议部署了下一步工作。

完善机制建平台

会议要求，各部门要完善机制，搭建服务平台。

卧龙区举办观摩评比

昨日，卧龙区举办观摩评比。全区20个项目参加了评比。
""")
    assert [(a.headline, ranges(a.body), a.subheadings) for a in layout.articles] == [
        ([[1]], [[3, 3], [5, 5], [7, 7]], [5]), ([[9]], [[11, 11]], [])]


INDENTED = """全区秋粮收购工作有序开展
　　本报讯（记者　刘洋）眼下正值秋粮收
购季节，区粮食部门提前谋划，全区设立
收购网点26个，确保农民售粮方便。
　　截至目前，全区已收购秋粮3.2万吨，
收购价格保持稳定。
城乡居民医保开始缴费
　　本报讯（通讯员　何丽）2024年度城
乡居民医保集中缴费工作已经启动，参保
群众可通过手机银行、微信等渠道缴费。
　　区医保局提醒，集中缴费期截至12月
31日，逾期将影响待遇享受。
老年大学新学期开课
　　近日，区老年大学新学期正式开课，
今年共开设书法、绘画、声乐等课程18门，
招收学员1200余人。
"""


def test_a_pages_indents_mark_its_paragraphs_and_the_headlines_between(tmp_path):
    """No blank line anywhere, lines wrapped at the column, each paragraph set in by two spaces:
    a line set flush between a finished sentence and an indented paragraph is a headline (the
    third story has no dateline), and an indent starts a paragraph."""
    printed, layout = layout_of(tmp_path, INDENTED)
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [
        ([[1]], [[2, 6]]), ([[7]], [[8, 12]]), ([[13]], [[14, 16]])]
    first = pipeline.process(printed).articles[0]
    assert [p["lines"] for p in first.paragraphs] == [[[2, 4]], [[5, 6]]]
    # a page whose every line is shifted right marks no paragraphs by it
    shifted = "\n".join(line if line.startswith("　") else "  " + line for line in INDENTED.splitlines())
    assert page(tmp_path, shifted).running.indented == frozenset()


def test_a_page_in_traditional_characters(tmp_path):
    """A paper printed in traditional characters: its datelines and bylines are read as the
    simplified forms the rules are written in (本報訊, 記者), its text and names stay as printed."""
    printed, layout = layout_of(tmp_path, """市府推動老舊社區更新

本報訊（記者 陳大文）市政府昨日宣布，今年將投入50億元推動老舊社區更新。

夜市人潮回流 攤商喜迎生意

本報記者 王小美

受惠於觀光客回流，本市各大夜市人潮明顯增加。
""")
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1]], [[3, 3]]), ([[5]], [[7, 7], [9, 9]])]
    first, second = pipeline.process(printed).articles
    assert (first.reporters, second.reporters) == (["陳大文"], ["王小美"])
    assert first.title == "市府推動老舊社區更新" and "將投入50億元" in first.text
    # a story the page prints no headline for is titled by its lead, after its dateline and credit
    untitled = pipeline.process(page(tmp_path, "本報訊（記者 陳大文）昨日上午，金水區舉辦讀書分享會。\n")).articles[0]
    assert untitled.title == "昨日上午，金水區舉辦讀書分享會" and untitled.reporters == ["陳大文"]


def test_a_web_pages_chrome_is_furniture(tmp_path):
    """What a web page sets around the story it carries: where it stands on the site, its time and
    source with the text-size buttons, its editor in brackets, its share and print buttons and its
    list of links to other stories. Furniture all, and the story whole under its headline."""
    page, layout = layout_of(tmp_path, """首页 > 新闻中心 > 本地新闻

货车侧翻致高速拥堵　交警紧急疏导

2014年05月12日 09:32　来源：大河网　作者：李明　　【字号 大 中 小】

大河网讯　昨日上午10时许，连霍高速郑州段一辆满载钢材的货车侧翻，导致道路拥堵近3小时。
事故发生后，高速交警迅速赶到现场疏导交通，所幸无人员伤亡。

（编辑：王芳）

分享到：　微信　微博　QQ空间
打印本页　关闭窗口

相关新闻：
·郑州今年将新建30座过街天桥
·高速交警提醒：五一出行注意安全
""")
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[3]], [[7, 8]])]
    assert (layout.furniture, layout.unplaced) == ([1, 5, 10, 12, 13, 15, 16, 17], [])
    (article,) = pipeline.process(page).articles
    assert (article.date, article.event_date, article.persons) == ("2014-05-12", "2014-05-11", [])


def test_headlines_set_tight_over_their_datelines(tmp_path):
    """A paragraph a line and no blank lines: the headline-shaped line over a dateline, after a
    finished sentence, heads the story under it (it ran into the end of the story above)."""
    _, layout = layout_of(tmp_path, """市民服务中心今起试运行
本报讯（记者 张华）记者从市政府获悉，市民服务中心今日起试运行，首批入驻部门32个。
据介绍，市民服务中心设有综合受理窗口120个，实行“一窗受理”的服务模式。
老旧小区加装电梯补贴标准出台
本报讯（记者 李明）昨日，市住建局发布加装电梯补贴办法，每部电梯最高补贴20万元。
市住建局相关负责人表示，今年全市计划完成加装电梯500部。
""")
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1]], [[2, 3]]), ([[4]], [[5, 6]])]


def test_a_headline_may_end_on_a_question(tmp_path):
    """'孩子们的课余生活怎么过？' over a dateline is a headline (a question mark made it text); so is one
    of two clauses ('垃圾分类，你做对了吗？') on a line of its own between a finished story and a dateline."""
    _, layout = layout_of(tmp_path, """孩子们的课余生活怎么过？

本报讯（记者 刘洋）“双减”政策落地以来，孩子们的课余时间多了，该如何安排？
记者走访发现，我区各中小学普遍开设了课后服务，内容涵盖体育、艺术、科技等。

垃圾分类，你做对了吗？

本报讯（记者 陈静）自本月起，我区全面推行生活垃圾分类。
""")
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1]], [[3, 4]]), ([[6]], [[8, 8]])]
    assert not looks_like_headline(["记者问：该如何安排？", "这是一句。"])  # a full stop still makes text


def test_a_headline_of_two_clauses_is_told_by_the_story_under_it(tmp_path):
    """'餐馆无证经营，合肥70余人中毒' (issue 29's example) shares its words with the story under it: its
    headline. '目前平台运转良好，势头喜人', a last sentence whose full stop was lost, shares its own
    story's: its text."""
    _, layout = layout_of(tmp_path, """餐馆无证经营，合肥70余人中毒

本报讯（记者 王强）昨日，合肥市一家无证经营的餐馆发生食物中毒事件，70余人出现呕吐症状。
目前，中毒人员已全部送医治疗，无生命危险。
""")
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1]], [[3, 4]])]
    _, layout = layout_of(tmp_path, """本报讯 6月3日，高新区科技成果转化平台正式上线运行，已有30家企业入驻平台。

目前平台运转良好，势头喜人

本报讯 6月4日，高新区召开安全生产工作会议，部署汛期安全工作。
""")
    assert [ranges(a.body) for a in layout.articles] == [[[1, 1], [3, 3]], [[5, 5]]]


def test_a_front_pages_guide_to_the_others_is_furniture(tmp_path):
    """'今日导读' and its items ('…　详见第2版') point to other pages: no kicker of the story under them."""
    _, layout = layout_of(tmp_path, """今日导读

■ 我区新增5所公办幼儿园　详见第2版
■ 夜经济点亮城市烟火气　详见第3版

全区经济运行稳中向好

本报讯（记者 张华）今年以来，金水区经济运行稳中向好。
""")
    assert layout.furniture == [1, 3, 4] and [(a.headline, ranges(a.body)) for a in layout.articles] == [([[6]], [[8, 8]])]


def test_a_numbered_sub_heading_stands_apart_with_a_blank_line_under_it(tmp_path):
    """'一、稳岗位' between blank lines is a sub-heading, not the start of the paragraph under it
    ('一、稳岗位今年，区里…' ran the two together)."""
    page, _ = layout_of(tmp_path, """稳就业的三个抓手

本报讯（记者 孙悦）今年，全区城镇新增就业1.2万人。

一、稳岗位

今年，区里为企业发放稳岗返还资金2800万元。

（二）强技能

全年开展职业技能培训1.5万人次。
""")
    (article,) = pipeline.process(page).articles
    assert [(p["role"], p["text"]) for p in article.paragraphs][1:] == [
        ("subheading", "一、稳岗位"), ("text", "今年，区里为企业发放稳岗返还资金2800万元。"),
        ("subheading", "（二）强技能"), ("text", "全年开展职业技能培训1.5万人次。")]


JILIN = "\n\n".join(_set(t, 22) for t in (
    "（记者 刘洋 通讯员 陈东）6月3日6时许，吉林省德惠市宝源丰禽业有限公司主厂房发生火灾并引发液氨泄漏爆炸。",
    "据吉林省政府新闻办通报，截至3日18时，事故已造成119人遇难，70余人受伤住院治疗。",
    "事故发生后，吉林省委、省政府主要负责同志第一时间赶赴现场组织抢险救援。初步调查显示，事故原因是厂房内电气线路"
    "短路引燃可燃物所致，有关责任人已被警方控制。"))
SHANXI = "\n\n".join(_set(t, 22) for t in (
    "昨日下午3时左右，山西省临汾市洪洞县瑞之源煤业公司井下发生瓦斯爆炸事故，事故发生时井下共有作业人员105人。",
    "据山西省安监局通报，截至今天凌晨，已有80人安全升井，事故已造成21人遇难，另有4人被困井下。",
    "目前，救援工作仍在紧张进行中。国家安监总局副局长率工作组赶赴现场指导救援。事故原因正在调查之中。"))


def test_a_headline_that_would_head_nothing_cuts_the_story_it_stands_under(tmp_path, monkeypatch):
    """Two reports of one kind (an accident each, words in common), the second opening with no
    dateline, its headline under it at the foot of the page: the boundary model alone does not cut
    them, and the headline then heads nothing; the cut that gives it a story reads the page better
    by more than the cut costs, so it is made."""
    text = "\n\n".join(["吉林一禽业公司发生火灾爆炸事故，119人遇难", JILIN, SHANXI, "山西一煤矿发生瓦斯爆炸"]) + "\n"

    def stories():
        p, layout = layout_of(tmp_path, text)
        return [(p.lines[a.first - 1][:6], ["".join(p.lines[n - 1] for n in u) for u in a.headline])
                for a in layout.articles]

    assert stories() == [("（记者 刘洋", ["吉林一禽业公司发生火灾爆炸事故，119人遇难"]),
                         ("昨日下午3时", ["山西一煤矿发生瓦斯爆炸"])]
    monkeypatch.setattr(reassemble_module, "resplit", lambda *args: None)
    assert len(stories()) == 1  # what the boundary model alone makes of them


def test_a_credit_that_opens_a_lead_and_one_under_a_dateline(tmp_path):
    """A lead may open with its credit, no dateline before it, the column cutting it
    ('（记者 阿依古丽 ' / '王磊）昨日上午，…'): a story starts there, its credit whole. The same credit
    under a dateline set on a line of its own ('据新华社杭州１月１０日电' / '（记者林楠）３６名…') is
    that dateline's: one story."""
    first = "本报讯 昨日12时58分，云南省德宏州盈江县发生5.8级地震，\n震源深度10公里。"
    second = ("（记者 阿依古丽 \n王磊）昨日上午，新疆喀什地区伽师县发\n生5.2级地震，伽师、巴楚等地震感明显。\n\n"
              "据当地政府初步统计，地震造成部分老旧房\n屋墙体开裂，暂无人员伤亡报告。")
    text = "\n\n".join(["云南盈江发生5.8级地震", first, "新疆伽师县发生5.2级地震", second]) + "\n"
    p, layout = layout_of(tmp_path, text)
    assert [p.lines[a.first - 1][:6] for a in layout.articles] == ["本报讯 昨日", "（记者 阿依"]
    articles = pipeline.process(page(tmp_path, text)).articles
    assert [(a.reporters, a.correspondents) for a in articles][1] == (["阿依古丽", "王磊"], [])
    under = "据新华社杭州１月１０日电\n（记者林楠）３６名来自全国各大学、科研机构的\n在读研究生获得奖学金。\n"
    p, layout = layout_of(tmp_path, "谈家桢基金褒奖优秀青年学子\n\n" + under)
    assert [ranges(a.body) for a in layout.articles] == [[[3, 5]]]


def test_a_front_pages_teasers_and_its_folio_are_furniture(tmp_path):
    """A front page's guide to the stories inside: each teaser's title over a line or two that end
    pointing at the page it is on (▶A03, 详见A05版). The story is there, not here: no article, and
    its title heads none here; the page's number in letter and digits over its section ('A01 要闻')
    is the page's frame."""
    text = """郑州晚报
2024年6月7日 星期五
A01 要闻

今日导读

高考首日 全市考点秩序井然

今天上午，2024年高考开考，我市8
.2万名考生走进考场。▶A03

地铁6号线一期月底开通

记者从郑州地铁集团获悉，地铁6号线一
期工程已具备开通条件。（详见A05版）

郑州高新区再添一家国家级孵化器

本报讯（记者 王晓）6月6日，科技部公布国家级科技企业孵化器名单，郑州高新区的启迪之星孵化器榜上有名。
"""
    p, layout = layout_of(tmp_path, text)
    assert [(ranges(a.headline[0]), ranges(a.body)) for a in layout.articles] == [([[17, 17]], [[19, 19]])]
    assert layout.furniture == [1, 2, 3, 5, 7, 9, 10, 12, 14, 15] and layout.unplaced == []
    # an arrow points at a page by its letter or its 版, not at any figure ('气温15→5')
    from generator.reassemble.blocks import GUIDE
    assert GUIDE.search("走进考场。▶A03") and GUIDE.search("详见▶第3版") and not GUIDE.search("气温15→5")


def test_a_sidebars_label_is_its_kicker_and_no_byline(tmp_path):
    """A sidebar under a story, its column's label over its headline ('■相关链接' / '什么是人才公寓',
    '【记者手记】' / '让人才留得住'): the label is the kicker (its item's mark and its brackets no part
    of it); 记者手记 is no byline of a reporter 手记."""
    text = """我市出台新政支持青年人才安居

本报讯（记者 张扬）6月6日，市人社局发布《关于支持青年人才安居的若干措施》。

■相关链接
什么是人才公寓

人才公寓是指政府投资建设或筹集，面向符合条件的各类人才出租的住房。

【记者手记】
让人才留得住

安居才能乐业。希望政策早日落地，让更多青年人才在郑州安下心、扎下根。
"""
    articles = pipeline.process(page(tmp_path, text)).articles
    assert [(a.kicker, a.title, a.reporters) for a in articles] == [
        (None, "我市出台新政支持青年人才安居", ["张扬"]), ("相关链接", "什么是人才公寓", []), ("记者手记", "让人才留得住", [])]


def test_two_headlines_alike_set_after_their_stories_are_no_sub_headings(tmp_path):
    """A short line after a story that opened with its dateline, another alike further down: a
    story's sub-headings where each heads more of its text; here each stands after a story and the
    second after the last text before another headline: headlines set after their stories."""
    text = "\n\n".join([
        _set("中新网5月3日电 据云南省昭通市官方消息，2日晚8时许，一辆载有39人的大客车在昭通市彝良县境内坠入约"
             "百米深的山谷，已造成11人死亡、28人受伤。", 20),
        _set("事故原因正在调查中。", 20), "一辆大客车坠入山谷",
        _set("今天上午7时40分左右，一辆接送学生的校车在河南省周口市郸城县一条乡村公路上发生侧翻，车上20余名小学生"
             "不同程度受伤。", 20),
        _set("目前，郸城县已对全县校车开展安全大检查，肇事司机已被警方控制。", 20), "校车侧翻致多名学生受伤",
        "京港澳高速发生多车相撞事故",
        _set("本报讯 前日下午2时许，京港澳高速公路湖南耒阳段因突降大雾，发生一起20余辆车连环相撞的交通事故。", 20)]) + "\n"
    p, layout = layout_of(tmp_path, text)
    assert [["".join(p.lines[n - 1] for n in u) for u in a.headline] for a in layout.articles] == [
        ["一辆大客车坠入山谷"], ["校车侧翻致多名学生受伤"], ["京港澳高速发生多车相撞事故"]]


def test_another_dispatch_is_a_report_of_its_own(tmp_path):
    """'又讯（记者 王磊）…' after a story: another dispatch of the paper's, with its own credit and day;
    its reporter is no person named in the story above."""
    text = ("我区开展安全生产大检查\n\n本报讯（记者 张华）6月4日，我区组织安监、消防等部门对辖区重点企业开展安全生产大检查。\n\n"
            "又讯（记者 王磊）6月5日，区应急管理局召开安全生产约谈会，约谈企业负责人5名。\n")
    articles = pipeline.process(page(tmp_path, text)).articles
    assert [(a.reporters, a.persons) for a in articles] == [(["张华"], []), (["王磊"], [])]


def test_an_official_notice_titled_over_its_text_and_signed(tmp_path):
    """A government's notice: its title over its text, the salutation and what introduces the list
    paragraphs of their own (each ends on a colon over a blank line), numbered sections, and who
    signed it and the day, a block each: the signature ends it, no headline set after it."""
    text = """郑州市人民政府关于2024年端午节放假的通知

各区县（市）人民政府，市人民政府各部门：

根据国务院办公厅通知精神，现将2024年端午节放假安排通知如下：

一、放假时间

6月10日放假，与周末连休，共3天。

二、有关要求

各单位要妥善安排好值班和安全、保卫等工作。

郑州市人民政府

2024年6月3日

我区召开防汛工作会议

本报讯（记者 王磊）6月5日，我区召开防汛工作会议，部署今年防汛工作。
"""
    articles = pipeline.process(page(tmp_path, text)).articles
    assert [(a.title, a.body_lines) for a in articles] == [
        ("郑州市人民政府关于2024年端午节放假的通知", [[3, 3], [5, 5], [7, 7], [9, 9], [11, 11], [13, 13], [15, 15], [17, 17]]),
        ("我区召开防汛工作会议", [[21, 21]])]
    assert [(p["role"], p["text"]) for p in articles[0].paragraphs][:4] == [
        ("text", "各区县（市）人民政府，市人民政府各部门："),
        ("text", "根据国务院办公厅通知精神，现将2024年端午节放假安排通知如下："),
        ("subheading", "一、放假时间"), ("text", "6月10日放假，与周末连休，共3天。")]


def test_a_table_in_a_story_is_its_text(tmp_path):
    """Rows of figures set apart by spaces inside a story are its text: no headline of a story that
    would take the paragraph after them."""
    text = """市统计局发布前5月经济数据

本报讯（记者 张华）6月15日，市统计局发布前5月全市经济运行数据。

指标名称    1—5月    同比增长
规上工业增加值    —    8.1%
社会消费品零售总额    2156亿元    6.5%

市统计局有关负责人表示，全市经济运行总体平稳。
"""
    _, layout = layout_of(tmp_path, text)
    assert [(a.headline, ranges(a.body)) for a in layout.articles] == [([[1]], [[3, 3], [5, 7], [9, 9]])]


def test_no_resplit_on_a_page_of_more_stories_than_the_decode_takes(monkeypatch):
    """A page of more stories than MAX_DECODE_STORIES is no printed page (a hostile file): the
    headline decode is not run again a story at a time there."""
    from generator.reassemble import boundaries
    from generator.reassemble.stories import Draft

    monkeypatch.setattr(boundaries, "MAX_DECODE_STORIES", 2)
    drafts = [Draft(fragments=[[n, n + 1]]) for n in (1, 4, 7)]

    def decode(trial):
        raise AssertionError("decoded")

    boundaries.resplit(drafts, {2: -1.0}, decode)
    assert [d.body for d in drafts] == [[1, 2], [4, 5], [7, 8]]
    with pytest.raises(AssertionError, match="decoded"):
        boundaries.resplit(drafts[:2], {2: -1.0}, decode)
