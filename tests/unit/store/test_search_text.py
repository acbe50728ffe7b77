"""Chinese-aware search text: bigram index tokens and the FTS5 queries built from what users type.

The queries are also run against a real FTS5 table with the tokenizer migration 0002 creates, so
what is asserted is what SQLite finds, not only the strings we build."""

from __future__ import annotations

import re
import sqlite3

import pytest

from app.store.search_text import Term, index_tokens, match_query, normalise, query_terms, word_pattern

FTS_SPECIALS = ['"', "*", "AND", "OR", "NOT", "NEAR", "(", ")", ":", "^", "-", "+", "{", "}", "'", "NEAR(", "张*",
                '"张三', "张三 OR", "AND 张三", "(张三", "tokens:张三", "-张三", "^张", "张三 NOT 李四"]


@pytest.fixture
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(tokens, tokenize='unicode61 remove_diacritics 0')")
    docs = {1: ["张三丰", "440704199003071234", "江门市江海区外海街道金瓯路18号"],
            2: ["李明", "44070419851212002X", "江门市江海区礼乐街道五四路7号"],
            3: ["王", "91440704MA4UTEST9X", "江海市监罚〔2026〕12号"],
            4: ["欧阳娜娜", "440704200001011111", "ＡＢＣ百货商行"]}
    for rowid, fields in docs.items():
        conn.execute("INSERT INTO t(rowid, tokens) VALUES (?, ?)", (rowid, index_tokens(*fields)))

    def find(query: str) -> set[int]:
        expr = match_query(query)
        if expr is None:
            return set()
        return {r for (r,) in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,))}

    yield find
    conn.close()


# ---- normalising and indexing -------------------------------------------------------------------------------
def test_normalise_folds_full_width_forms_and_case():
    assert normalise("４４０７ＡＢ") == "4407ab"
    assert normalise("ＸＹＺ张三") == "xyz张三"
    assert normalise(None) == ""  # type: ignore[arg-type]


def test_a_han_run_is_indexed_as_bigrams_plus_each_character():
    assert index_tokens("张三丰") == "张三 三丰 张 三 丰"
    assert index_tokens("李明") == "李明 李 明"


def test_a_single_han_character_is_indexed_alone():
    assert index_tokens("王") == "王"


def test_digits_and_latin_letters_stay_whole_lowercase_words():
    assert index_tokens("44070419851212002X") == "44070419851212002x"
    assert index_tokens("４４０７") == "4407"


def test_mixed_chinese_digits_and_punctuation_split_into_runs():
    assert index_tokens("江海市监罚〔2026〕12号") == "江海 海市 市监 监罚 江 海 市 监 罚 2026 12 号"
    assert index_tokens("金瓯路18号") == "金瓯 瓯路 金 瓯 路 18 号"


def test_fields_are_indexed_one_after_another():
    assert index_tokens("张三", "李四") == "张三 张 三 李四 李 四"
    assert index_tokens("", "  ", "，。") == ""


# ---- queries ------------------------------------------------------------------------------------------------
def test_a_han_query_of_two_or_more_characters_is_a_phrase_of_its_bigrams():
    assert match_query("张三丰") == '"张三 三丰"'
    assert match_query("李明") == '"李明"'


def test_a_single_han_character_is_its_own_token_and_a_latin_digit_word_a_prefix_query():
    assert match_query("张") == '"张"'
    assert match_query("440704") == '"440704"*'
    assert match_query("４４０７") == '"4407"*'


def test_every_typed_word_must_match():
    assert match_query("张三 2026") == '"张三" AND "2026"*'
    assert match_query("张三，李") == '"张三" AND "李"'


@pytest.mark.parametrize("query", ["", "   ", "，。！", "〔〕", "---", "()", '""', "*"])
def test_a_query_without_letters_digits_or_han_characters_searches_nothing(query):
    assert match_query(query) is None
    assert query_terms(query) == []


@pytest.mark.parametrize("query", FTS_SPECIALS)
def test_fts_syntax_in_user_input_never_reaches_fts_as_syntax(fts, query):
    fts(query)  # must not raise
    expr = match_query(query)
    if expr is not None:  # only quoted strings joined by AND, with an optional trailing *
        for part in expr.split(" AND "):
            assert part.startswith('"') and part.rstrip("*").endswith('"') and part.count('"') == 2


def test_random_user_input_never_breaks_the_fts_query(fts, rng):
    pool = [*'"*()^:-+{}\'，。、 \u3000张三丰李明王江海0123456789０１２ＡＢabcXYZ', " AND ", " OR ", " NOT ", "NEAR"]
    for _ in range(500):
        fts("".join(rng.choice(pool) for _ in range(rng.randint(1, 12))))


# ---- what FTS finds with them --------------------------------------------------------------------------------
@pytest.mark.parametrize("query, found", [
    ("张三丰", {1}), ("张三", {1}), ("三丰", {1}), ("丰张", set()),
    ("李明", {2}), ("欧阳娜娜", {4}), ("阳娜", {4}),
    ("张", {1}), ("丰", {1}), ("王", {3}), ("明", {2}),
])
def test_chinese_names_of_one_to_four_characters_are_found_anywhere_in_the_name(fts, query, found):
    assert fts(query) == found


@pytest.mark.parametrize("query, found", [
    ("440704", {1, 2, 4}), ("4407041990", {1}), ("４４０７０４１９９０", {1}), ("44070419851212002x", {2}),
    ("44070419851212002X", {2}), ("070419", set()),  # ID numbers match by prefix, not in the middle
    ("91440704ma", {3}),
])
def test_id_numbers_and_credit_codes_are_found_by_prefix_in_either_width_or_case(fts, query, found):
    assert fts(query) == found


@pytest.mark.parametrize("query, found", [
    ("金瓯路18号", {1}), ("金瓯路 18", {1}), ("外海街道", {1}), ("江海区", {1, 2}), ("五四路7号", {2}),
    ("罚〔2026〕12号", {3}), ("江海市监罚", {3}), ("ａｂｃ百货", {4}),
])
def test_mixed_chinese_and_digits_match_every_part(fts, query, found):
    assert fts(query) == found


def test_a_phrase_does_not_match_across_two_fields(fts):
    """"张三丰" then "440704...": no bigram joins the end of one field to the start of the next."""
    assert fts("丰4407") == {1}  # two words: both present
    assert fts("丰江门") == set()


# ---- complete numbers -----------------------------------------------------------------------------------------
def test_a_latin_digit_word_closed_by_another_character_must_match_whole():
    assert match_query("江海市监罚〔2026〕1号") == '"江海 海市 市监 监罚" AND "2026" AND "1" AND "号"'
    assert match_query("金瓯路18号") == '"金瓯 瓯路" AND "18" AND "号"'


def test_a_latin_digit_word_still_being_typed_matches_by_prefix():
    assert match_query("江海市监罚〔2026〕1") == '"江海 海市 市监 监罚" AND "2026" AND "1"*'
    assert match_query("440704 张三") == '"440704"* AND "张三"'
    assert match_query("440704，张三") == '"440704"* AND "张三"'
    assert match_query("440704、张三") == '"440704"* AND "张三"'


def test_a_full_case_number_finds_that_case_only():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(tokens, tokenize='unicode61 remove_diacritics 0')")
    for n in (1, 10, 11, 12, 21, 100):
        conn.execute("INSERT INTO t(rowid, tokens) VALUES (?, ?)",
                     (n, index_tokens(f"江海市监罚〔2026〕{n}号", "江门市江海区外海街道金瓯路18号")))

    def find(query: str) -> set[int]:
        return {r for (r,) in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (match_query(query),))}

    assert find("江海市监罚〔2026〕1号") == {1}
    assert find("江海市监罚〔２０２６〕１号") == {1}
    assert find("〔2026〕12号") == {12}
    assert find("江海市监罚〔2026〕1") == {1, 10, 11, 12, 21, 100}  # still typing: "1*" (21 by its "18号")
    conn.close()


def test_query_terms_say_which_words_are_complete():
    assert query_terms("罚〔２０２６〕1号 4407") == [Term("罚", True, False), Term("2026", False, True),
                                                Term("1", False, True), Term("号", True, False),
                                                Term("4407", False, False)]


@pytest.mark.parametrize("query, text, matches", [
    ("4407", "张三 440704199003071234 江门", True), ("0704", "张三 440704199003071234 江门", False),
    ("1号", "〔2026〕1号 金瓯路18号", True), ("1号", "〔2026〕11号 金瓯路18号", False),
    ("1", "〔2026〕11号", True), ("ab", "xab ab1", True), ("ab", "xab", False), ("2026〕", "2026", True),
])
def test_word_patterns_match_latin_digit_words_as_fts_does(query, text, matches):
    term = next(t for t in query_terms(query) if not t.han)
    assert bool(re.search(word_pattern(term), text)) is matches
