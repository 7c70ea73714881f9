"""Quotation marks, offsets, fragments, continuations, and the story-level cast."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract.cast import skeleton, strip_titles
from builder.extract.quotes import extract_quotes, find_quotations
from builder.extract.speakers import unify_speakers
from builder.models import Article, Mention
from builder.nlp import analyse


def article(body: str, id: str = "a", title: str = "") -> Article:
    return Article(id=id, story="s", path=f"{id}.txt", outlet=id.upper(), title=title, body=body)


def quotes_of(body: str, title: str = "") -> list[Mention]:
    mentions = extract_quotes(article(body, title=title), analyse(body))
    for m in mentions:
        assert body[m.start : m.end] == m.text
        assert m.context_start <= m.start and m.end <= m.context_end
    return mentions


def texts(body: str) -> list[str]:
    return [body[q.start : q.end] for q in find_quotations(body)]


# --- quotation marks -------------------------------------------------------------


def test_curly_and_straight_double_quotes_are_both_read():
    body = 'She said “we are ready” and he said "so are we" before the vote.'
    assert texts(body) == ["we are ready", "so are we"]


def test_mismatched_curly_pairs_from_scraped_pages_are_paired_by_context():
    body = "“The road is closed,“ he said. ”Detours are signposted.” Police agreed ’with care’ later."
    assert texts(body) == ["The road is closed,", "Detours are signposted.", "with care"]


def test_opening_curly_mark_closed_by_a_straight_one():
    assert texts('“We are ready," said Captain Lea Moss.') == ["We are ready,"]


def test_single_closing_marks_used_at_both_ends():
    assert texts("A spokesman confirmed that ’talks are continuing’ with the union.") == ["talks are continuing"]


def test_apostrophes_are_not_quotation_marks():
    body = "It's the team's best run since the '90s, and rock 'n' roll is back in Zelensky's hometown."
    assert texts(body) == []


def test_plural_possessive_inside_single_quotes_does_not_close_them():
    body = "The union called it 'an attack on the players' pensions' in a statement."
    assert texts(body) == ["an attack on the players' pensions"]


def test_nested_single_quotation_stays_inside_the_outer_one():
    body = "\"When they told us 'the money is gone', we knew,\" said Tariq Hassan."
    assert texts(body) == ["When they told us 'the money is gone', we knew,"]


def test_unbalanced_mark_does_not_swallow_the_next_paragraph():
    body = ("The minister said \"we will see in the morning.\n\n"
            "Elsewhere, markets closed higher on Friday and \"traders were calm\" overall.")
    found = texts(body)
    assert "traders were calm" in found
    assert all("\n" not in t for t in found)


def test_long_unclosed_quotation_is_dropped():
    body = 'He opened with " ' + " ".join(["word"] * 80) + " and never closed it."
    assert texts(body) == []


def test_inch_marks_are_not_quotations():
    assert texts('The 6" pipe burst near the 12" main, engineers said.') == []


def test_quotation_in_a_standfirst_is_found():
    mentions = quotes_of("A Kremlin-style spokesman confirmed that ‘many channels’ are open.\n\n"
                         "Talks resumed on Monday.")
    assert [m.text for m in mentions] == ["many channels"]


# --- offsets, fragments, continuations ------------------------------------------------


def test_text_is_the_exact_body_slice_inside_the_marks():
    body = "Mayor Elena Ruiz spoke.\n\n“  We will rebuild,” Ruiz said, “every single house.”"
    mentions = quotes_of(body)
    assert [m.text for m in mentions] == ["We will rebuild,", "every single house."]
    assert body[mentions[0].start - 3 : mentions[0].start] == "“  "  # spaces inside the marks are trimmed
    assert body[mentions[1].start - 1] == "“" and body[mentions[1].end] == "”"


def test_one_to_three_word_quotations_are_flagged_as_fragments():
    mentions = quotes_of('Deputy Mayor Raj Singh called the plan "reckless" and said "it will cost far too much."')
    assert [(m.text, m.fragment) for m in mentions] == [("reckless", True), ("it will cost far too much.", False)]


def test_second_half_of_a_split_quotation_continues_the_first():
    mentions = quotes_of('"We have asked for calm," Police Chief Aaron Webb said, "and we expect respect."')
    first, second = mentions
    assert second.continues == first.id and first.continues is None
    assert second.speaker == first.speaker == "Aaron Webb"
    assert first.id == f"a:q{first.start}-{first.end}"


def test_multi_paragraph_quotation_is_linked_paragraph_to_paragraph():
    body = ('Rosa Diaz told the rally: "We have waited three years.\n\n'
            '"We will not wait another three.\n\n'
            '"Not one more day," she said.')
    first, second, third = quotes_of(body)
    assert first.text == "We have waited three years."
    assert (second.continues, third.continues) == (first.id, second.id)
    assert {first.speaker, second.speaker, third.speaker} == {"Rosa Diaz"}


def test_separate_scare_quotes_in_one_sentence_do_not_continue_each_other():
    body = 'Trade envoy Kim Park described the talks as "tough" last week, adding that both sides made "real progress."'
    first, second = quotes_of(body)
    assert second.continues is None
    assert first.speaker == second.speaker == "Kim Park"


def test_speaker_is_the_longest_name_without_title_or_possessive():
    body = ("Russian President Boris Orlov's envoy arrived first.\n\n"
            "President Orlov later said the summit was \"a turning point for the region.\"")
    (mention,) = quotes_of(body)
    assert mention.speaker == "Boris Orlov"


def test_strip_titles_removes_titles_possessives_and_suffixes():
    assert strip_titles(["President", "Joe", "Smith", "Jr."]) == ["Joe", "Smith"]
    assert strip_titles(["Smith's"]) == ["Smith"]
    assert strip_titles(["Smith", "’s"]) == ["Smith"]


def test_strip_titles_removes_post_nominal_letters_and_honours():
    assert strip_titles(["Owen", "Pryce", "KC"]) == ["Owen", "Pryce"]
    assert strip_titles(["Harriet", "Lowe", "MP"]) == ["Harriet", "Lowe"]
    assert strip_titles(["Alan", "Frost", "OBE"]) == ["Alan", "Frost"]
    assert strip_titles(["Carl", "Mendes", "Esq."]) == ["Carl", "Mendes"]
    assert strip_titles(["KC"]) == ["KC"]  # never strips a name to nothing


def test_barrister_refers_to_the_person_introduced_with_kc():
    body = ("Owen Pryce KC told the court his client had been let down.\n\n"
            "\"He accepts that mistakes were made,\" the barrister said.")
    (mention,) = quotes_of(body)
    assert mention.speaker == "Owen Pryce"


def test_transliterations_share_a_skeleton():
    assert skeleton("Zelensky") == skeleton("Zelenskyy") == skeleton("Zelenskiy")
    assert skeleton("Orlov") != skeleton("Orlova")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "'", "’", "‘", "word", " ", ",", ".", "\n\n", "it's", "6"]),
                max_size=40))
def test_quotations_never_cross_paragraphs_and_are_never_empty(parts):
    body = "".join(parts)
    for q in find_quotations(body):
        assert 0 <= q.outer_start < q.start < q.end <= q.outer_end <= len(body)
        assert "\n" not in body[q.outer_start : q.outer_end]
        assert body[q.start : q.end].strip() == body[q.start : q.end]


# --- the story-level cast ------------------------------------------------------------


def _quote(article_id: str, speaker: str | None, start: int = 0) -> Mention:
    return Mention(id=f"{article_id}:q{start}-{start + 1}", article=article_id, kind="quote", text="x",
                   start=start, end=start + 1, speaker=speaker)


def test_surname_resolves_to_the_full_name_from_another_article():
    articles = [article("Spokesman Jan Novak spoke.", "a"), article("Novak spoke.", "b")]
    out = unify_speakers(articles, [_quote("b", "Novak"), _quote("a", "Jan Novak")])
    assert [m.speaker for m in out] == ["Jan Novak", "Jan Novak"]


def test_post_nominal_letters_do_not_split_one_speaker_across_articles():
    articles = [article("Owen Pryce KC spoke for the family.", "a"), article("Pryce spoke.", "b"),
                article("Lawyer Owen Pryce spoke.", "c")]
    mentions = [_quote("a", "Owen Pryce KC"), _quote("b", "Pryce"), _quote("c", "Owen Pryce")]
    assert [m.speaker for m in unify_speakers(articles, mentions)] == ["Owen Pryce"] * 3


def test_organisation_names_keep_their_first_word():
    articles = [article("The Health Ministry and the finance ministry spoke.", "a")]
    mentions = [_quote("a", "Health Ministry"), _quote("a", "finance ministry", 3)]
    assert [m.speaker for m in unify_speakers(articles, mentions)] == ["Health Ministry", "finance ministry"]


def test_role_reference_resolves_to_the_person_introduced_with_that_role():
    articles = [article("Ministry spokesman Jan Novak declined to comment.", "a"), article("No names.", "b")]
    out = unify_speakers(articles, [_quote("b", "the ministry spokesman")])
    assert out[0].speaker == "Jan Novak"


def test_an_indefinite_description_stays_unnamed_across_the_story():
    # Another article names a campaign adviser; "a senior campaign adviser" is someone left unnamed.
    named = article("Senior campaign adviser Tom Lutz flew home.", "a")
    body = '"That can go a long way," said a senior campaign adviser.'
    unnamed = article(body, "b")
    start = body.index("senior")
    mention = replace(_quote("b", "senior campaign adviser"), speaker_start=start, speaker_end=body.index("."))
    assert unify_speakers([named, unnamed], [mention])[0].speaker == "senior campaign adviser"
    # (the same role, definite, is the person the story introduced with it)
    assert unify_speakers([named, unnamed], [_quote("b", "the senior campaign adviser")])[0].speaker == "Tom Lutz"


def test_transliteration_variants_take_the_most_used_spelling():
    articles = [article("x", "a"), article("y", "b"), article("z", "c")]
    mentions = [_quote("a", "Oleh Zelenskyy"), _quote("b", "Oleh Zelensky", 1), _quote("b", "Zelensky", 2),
                _quote("c", "Zelenskiy")]
    assert {m.speaker for m in unify_speakers(articles, mentions)} == {"Oleh Zelensky"}


def test_spelling_tie_is_broken_the_same_way_whatever_the_order():
    articles = [article("x", "a"), article("y", "b")]
    mentions = [_quote("a", "Oleh Zelenskyy"), _quote("b", "Oleh Zelensky")]
    one = {m.speaker for m in unify_speakers(articles, mentions)}
    other = {m.speaker for m in unify_speakers(articles, mentions[::-1])}
    assert one == other and len(one) == 1


def test_titles_are_stripped_and_order_and_non_speakers_are_kept():
    articles = [article("x", "a")]
    mentions = [_quote("a", "President Boris Orlov"), _quote("a", None, 5), _quote("a", "Orlov", 9)]
    out = unify_speakers(articles, mentions)
    assert [m.speaker for m in out] == ["Boris Orlov", None, "Boris Orlov"]
    assert [m.id for m in out] == [m.id for m in mentions]
    assert out[1] == replace(mentions[1])


def test_different_people_with_one_surname_stay_apart():
    articles = [article("x", "a")]
    mentions = [_quote("a", "John Smith"), _quote("a", "Anna Smith", 3), _quote("a", "Smith", 6)]
    assert [m.speaker for m in unify_speakers(articles, mentions)] == ["John Smith", "Anna Smith", "Smith"]
