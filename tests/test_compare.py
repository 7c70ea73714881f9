"""Comparing versions of a claim: normalising, word diffs, discrepancies and status."""

from __future__ import annotations

from builder.align import discrepancies as found_in
from builder.align.compare import (
    Version,
    dates_compatible,
    diff_summary,
    locate,
    normalise_quote,
    punctuation_differs,
    same_speaker,
    status_of,
    word_diff,
)
from builder.align.discrepancies import contested_sources, omission_discrepancy
from builder.align.variants import figure_variants, quote_wordings
from builder.models import Discrepancy, Mention


def quote_discrepancies(versions: list[Version]) -> tuple[Discrepancy, ...]:
    return found_in.quote_discrepancies(quote_wordings(versions))


def figure_discrepancies(figs: list[Mention], outlet_of: dict[str, str]) -> tuple[Discrepancy, ...]:
    return found_in.figure_discrepancies(figure_variants(figs, outlet_of, {}), figs, outlet_of)


def changes(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(op.op, op.a, op.b) for op in word_diff(normalise_quote(a), normalise_quote(b))
            if op.op != "equal"]


def test_marks_case_dashes_and_number_style_normalise_away() -> None:
    a = normalise_quote("\u201cWe\u2019d lose two million tonnes \u2014 all of it,\u201d")
    b = normalise_quote("we'd lose 2 million tonnes - all of it.")
    c = normalise_quote("We'd lose 2,000,000 tonnes, all of it")
    assert a.norm == b.norm == c.norm


def test_bracketed_insertions_are_dropped() -> None:
    assert normalise_quote("He (the governor) wants it").norm == normalise_quote("He wants it").norm
    assert normalise_quote("[The governor] wants it").norm == ("wants", "it")


def test_ellipsis_marks_a_cut_between_words() -> None:
    for text in ("We stay\u2026 until the end", "We stay... until the end", "We stay. . . . until the end"):
        w = normalise_quote(text)
        assert w.norm == ("we", "stay", "until", "the", "end") and w.cuts == {2}


def test_replaced_words_show_as_one_replace() -> None:
    assert changes("This war is devastating for the region",
                   "This war is so bad in the region") == [("replace", "devastating for", "so bad in")]


def test_changed_contraction_reads_as_whole_words() -> None:
    assert changes("I better not say.", "I'd rather not say.") == [("replace", "I better", "I'd rather")]


def test_inner_insertion_and_deletion_are_named_in_the_summary() -> None:
    ops = word_diff(normalise_quote("I personally may not know something, be unaware of it"),
                    normalise_quote("I may not know something, or be unaware of it"))
    summary = diff_summary([op for op in ops if op.op != "equal"])
    assert "personally" in summary and "left out" in summary
    assert "\u201cor\u201d added" in summary


def test_trimming_and_partial_quoting_are_not_changes() -> None:
    assert changes("wants to see people stop dying", "He wants to see people stop dying") == []
    assert changes("Talks are going well. We expect a deal by spring.", "Talks are going well,") == []


def test_words_left_out_at_an_ellipsis_are_not_changes() -> None:
    assert changes("We stay out. Not today, not tomorrow. The owners must pay.",
                   "We stay out\u2026 The owners must pay.") == []


def test_short_version_is_compared_with_the_passage_it_comes_from() -> None:
    long = normalise_quote("As the work unfolds, many different contacts arise. These contacts "
                           "run through several channels.")
    short = normalise_quote("many different contacts are emerging")
    start, end, hits = locate(short.norm, long.norm)
    assert long.norm[start:end][:3] == ("many", "different", "contacts") and hits == 3
    assert changes("many different contacts are emerging", "As the work unfolds, many different "
                   "contacts arise. These contacts run through several channels.") == [
        ("replace", "are emerging", "arise")]


def test_punctuation_only_difference_is_minor() -> None:
    a, b = normalise_quote("Every day, people are dying."), normalise_quote("Every day people are dying,")
    assert punctuation_differs(a, b)
    assert not punctuation_differs(a, normalise_quote("Every day, people are dying"))
    versions = [Version(("m1",), a, "Ana Ortiz", "A"), Version(("m2",), a, "Ana Ortiz", "B"),
                Version(("m3",), b, "Ana Ortiz", "C")]
    (minor,) = quote_discrepancies(versions)
    assert minor.minor and minor.type == "wording" and minor.minor_reason == "punctuation"
    assert [s.outlets for s in minor.sides] == [("A", "B"), ("C",)]
    assert status_of(3, [minor]) == "agree"


def test_reference_is_the_most_common_version() -> None:
    common = normalise_quote("This war is so bad in the region")
    rare = normalise_quote("This war is devastating for the region")
    versions = [Version(("m1",), rare, "X", "A"), Version(("m2",), common, "X", "B"),
                Version(("m3",), common, "X", "C")]
    (wording,) = quote_discrepancies(versions)
    assert wording.id == "wording-so-bad-in-devastating-for"
    assert wording.summary == "so bad in \u2192 devastating for"
    assert set(wording.mentions) == {"m1", "m2", "m3"}
    assert [(s.text, s.outlets) for s in wording.sides] == [
        ("This war is so bad in the region", ("B", "C")),
        ("This war is devastating for the region", ("A",))]


def test_another_speaker_is_a_speaker_discrepancy() -> None:
    w = normalise_quote("We will keep the port closed")
    versions = [Version(("m1",), w, "Tomas Berg", "A"), Version(("m2",), w, "Mia Holm", "B")]
    (speaker,) = quote_discrepancies(versions)
    assert speaker.type == "speaker" and speaker.id == "speaker-mia-holm-tomas-berg"
    assert status_of(2, [speaker]) == "differ"


def figure(ident: str, value: float, speaker: str | None) -> Mention:
    return Mention(id=ident, article=ident, kind="figure", text=str(value), start=0, end=1,
                   value=value, speaker=speaker, subject="Ukrainian soldiers killed")


def test_values_from_different_sources_are_contested_not_a_discrepancy() -> None:
    figs = [figure("a", 700000, "Official One"), figure("b", 45100, "Official Two"),
            figure("c", 45100, None)]
    outlets = {"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"}
    sources = contested_sources(figs, outlets)
    assert [(s.speaker, s.value, s.outlets) for s in sources] == [
        ("Official One", "700,000", ("Outlet A",)), ("Official Two", "45,100", ("Outlet B",))]
    judged = found_in.judge("figure", figs, (), {})  # no article metadata: outlets unknown
    assert judged.status == "contested" and judged.discrepancies == ()


def test_one_source_reported_with_other_values_is_a_number_discrepancy() -> None:
    figs = [figure("a", 1200, "Fire Chief"), figure("b", 1500, "Fire Chief"), figure("c", 1200, None)]
    outlets = {"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"}
    assert contested_sources(figs, outlets) == ()
    (number,) = figure_discrepancies(figs, outlets)
    assert number.id == "number-1200-1500" and "1,500 (Fire Chief; Outlet B)" in number.summary
    assert [(s.text, s.outlets) for s in number.sides] == [("1,200", ("Outlet A", "Outlet C")),
                                                         ("1,500", ("Outlet B",))]


def test_a_value_nobody_is_credited_with_makes_outlets_differ() -> None:
    figs = [figure("a", 700000, "Official One"), figure("b", 45100, None)]
    assert contested_sources(figs, {"a": "A", "b": "B"}) == ()
    found = {d.type: d for d in figure_discrepancies(figs, {"a": "A", "b": "B"})}
    assert set(found) == {"number"}


def test_same_value_from_several_outlets_is_no_discrepancy() -> None:
    figs = [figure("a", 2e6, "X"), figure("b", 2000000.0, "X"), figure("c", 2e6, None)]
    assert figure_discrepancies(figs, {"a": "A", "b": "B", "c": "C"}) == ()


def test_date_compatibility_follows_precision() -> None:
    assert dates_compatible("2022-02", "2022-02-24")
    assert dates_compatible("2022-02-24", "2022-02-24")
    assert not dates_compatible("2022-02-24", "2022-02-25")
    assert not dates_compatible("2022-03", "2022-02-24")
    assert not dates_compatible(None, "2022-02-24")


def test_omission_needs_three_outlets_and_half_of_them() -> None:
    d = omission_discrepancy({"A", "B"}, {"A", "B", "C"})
    assert d is not None and d.outlets == ("C",) and d.type == "omission"
    assert [s.outlets for s in d.sides] == [("A", "B"), ("C",)]
    assert omission_discrepancy({"A"}, {"A", "B", "C"}) is None
    assert omission_discrepancy({"A"}, {"A", "B"}) is None
    assert status_of(2, [d]) == "agree"


def test_one_article_is_single_whatever_the_discrepancies() -> None:
    wording = Discrepancy("wording-x", "wording", ("m",), "x \u2192 y")
    assert status_of(1, [wording]) == "single"
    assert status_of(2, [wording]) == "differ"
    assert status_of(2, []) == "agree"


def test_number_words_read_by_the_project_normaliser() -> None:
    assert normalise_quote("half a million people").norm == normalise_quote("500,000 people").norm
    assert normalise_quote("two hundred and fifty boats").norm == ("250", "boats")
    assert normalise_quote("one and a half days").norm == ("1.5", "days")
    assert normalise_quote("me and two others").norm == ("me", "and", "2", "others")
    assert normalise_quote("me and a friend").norm == ("me", "and", "a", "friend")


def test_british_and_us_spellings_compare_equal_but_display_as_written() -> None:
    uk = normalise_quote("Our neighbours' organisation travelled to the centre to analyse the programme,")
    us = normalise_quote("Our neighbors' organization traveled to the center to analyze the program.")
    assert uk.norm == us.norm
    assert "neighbours" in uk.surface and "organisation" in uk.surface
    assert changes("The colour of the theatre", "The color of the theater") == []


def test_spelling_rules_leave_other_words_alone() -> None:
    # "four"/"for", "filled"/"filed", "tour"/"tor": never folded into one another
    assert changes("We filled four forms on the tour", "We filed for forms on the tor") != []
    assert normalise_quote("your hour").norm == ("your", "hour")


def _versions(*texts: str, article: str = "") -> list[Version]:
    return [Version((f"m{k}",), normalise_quote(t), "Lena Voss", f"Outlet {k}", article or f"a{k}")
            for k, t in enumerate(texts)]


def test_comma_or_full_stop_at_the_end_and_partial_quoting_agree() -> None:
    found = quote_discrepancies(_versions(
        "The pumps were running all night, and the water kept rising,",
        "The pumps were running all night, and the water kept rising.",
        "the water kept rising"))
    assert status_of(3, found) == "agree"


def test_a_changed_word_inside_the_shared_passage_differs() -> None:
    found = quote_discrepancies(_versions("the water kept rising all night",
                                          "the water kept falling all night"))
    assert status_of(2, found) == "differ"


def test_variant_in_an_article_that_also_quotes_the_words_faithfully_is_minor() -> None:
    body, standfirst, other = normalise_quote("We put safety above the needs of our members,"), \
        normalise_quote("safety above the needs of its members"), \
        normalise_quote("We put safety above the needs of our members.")
    versions = [Version(("m1",), body, "Lena Voss", "Tribune", "tribune"),
                Version(("m2",), standfirst, "Lena Voss", "Tribune", "tribune"),
                Version(("m3",), other, "Lena Voss", "Ledger", "ledger")]
    (wording,) = quote_discrepancies(versions)
    assert wording.minor and wording.minor_reason == "both-ways" and "m2" in wording.mentions
    assert wording.both_ways == ("Tribune",)
    assert [s.outlets for s in wording.sides] == [("Ledger", "Tribune"), ("Tribune",)]
    assert status_of(2, (wording,)) == "agree"
    # the same variant with no faithful version in its article counts
    alone = [versions[1], versions[2]]
    assert status_of(2, quote_discrepancies(alone)) == "differ"


def test_a_name_with_a_title_added_is_the_same_speaker() -> None:
    assert same_speaker("Owen Pryce", "Owen Pryce KC") and same_speaker("Pryce", "Owen Pryce")
    assert not same_speaker("Owen Pryce", "Ruth Pryce")
    w = normalise_quote("We will appeal the ruling")
    versions = [Version(("m1",), w, "Owen Pryce KC", "A", "a"), Version(("m2",), w, "Owen Pryce", "B", "b")]
    assert quote_discrepancies(versions) == ()


def test_words_left_out_where_an_outlet_splits_a_quotation_are_a_cut() -> None:
    whole = normalise_quote("The firm accepts that errors were made at the depot. It denies any crime.")
    split = normalise_quote("The firm accepts that errors were made,") + normalise_quote("It denies any crime.")
    assert [op for op in word_diff(whole, split) if op.op != "equal"] == []
