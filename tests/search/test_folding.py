"""Vietnamese folding on both sides: what the index holds and what the query becomes."""

import pytest

from home.text import accent_token, accent_tokens
from search.terms import parse


@pytest.mark.parametrize(
    ("word", "token"),
    [
        ("đào", "vnddaof"),
        ("tạo", "vntaoj"),
        ("người", "vnnguwowif"),
        ("ĐÀO", "vnddaof"),
        ("phản", "vnphanr"),
        ("biện", "vnbieenj"),
        ("dao", None),
    ],
)
def test_accent_token_spells_out_every_accent(word, token):
    assert accent_token(word) == token


def test_words_differing_only_by_accents_get_different_tokens():
    variants = ["đào", "đạo", "dào", "đao", "đảo", "đáo"]
    assert len({accent_token(word) for word in variants}) == len(variants)


def test_decomposed_input_gives_the_same_token_as_precomposed():
    decomposed = "ta\u0323o"  # "tạo" typed with a combining dot below
    assert accent_token(decomposed) == accent_token("tạo")


@pytest.mark.parametrize("query", ["dao tao", "ĐÀO TẠO", "đào tạo", "Đào  Tạo", "  đÀo TẠo "])
def test_every_spelling_folds_to_the_same_terms(query):
    assert parse(query).folded == ("dao", "tao")


def test_only_accented_queries_rank_exact_matches_first():
    assert parse("đào tạo").accent_tokens == ("vnddaof", "vntaoj")
    assert parse("dao tao").accent_tokens == ()
    assert not parse("dao tao").accented


def test_page_index_holds_folded_text_and_accent_tokens(make_page):
    page = make_page("Đào tạo cán bộ", "Kỹ năng GIÁM SÁT")
    assert "dao tao can bo" in page.search_text_folded()
    assert "ky nang giam sat" in page.search_text_folded()
    assert set(page.search_text_exact().split()) >= {"vnddaof", "vntaoj", "vncans", "vnbooj", "vngiams", "vnsats"}


def test_every_page_type_gets_the_folded_fields():
    from wagtail.models import get_page_models

    from home.indexing import EXACT_FIELD, FOLDED_FIELD

    for model in get_page_models():
        if model.__name__ == "Page":
            continue
        names = {field.field_name for field in model.get_search_fields()}
        assert {FOLDED_FIELD, EXACT_FIELD} <= names, model


def test_accent_tokens_are_distinct_and_ordered():
    assert accent_tokens("đào tạo, đào tạo lại") == ["vnddaof", "vntaoj", "vnlaij"]
