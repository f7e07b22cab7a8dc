"""What a reader typed, reduced to terms every backend can take safely.

The query language of each backend (FTS5's ``NEAR``/``OR``/``*``/quotes, PostgreSQL's tsquery,
Elasticsearch's query string) is never exposed: the query is cut to words, and only words reach the
index. Punctuation, operators typed in capitals, null bytes and emoji therefore match nothing and break
nothing.
"""

from dataclasses import dataclass, field

from home.text import accent_token, fold_vi, squash_spaces, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 40


def clean_query(raw):
    """The query as the page shows it back: no control characters, single spaces, at most 200 characters."""
    text = "".join(ch for ch in str(raw or "") if ch.isprintable() or ch.isspace())
    return squash_spaces(text)[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class SearchTerms:
    query: str
    words: tuple = ()
    folded: tuple = ()
    accent_tokens: tuple = field(default=())

    def __bool__(self):
        return bool(self.folded)

    @property
    def folded_text(self):
        return " ".join(self.folded)

    @property
    def accented(self):
        """True when the reader typed at least one accented word: then exact matches rank first."""
        return bool(self.accent_tokens)


def parse(raw):
    query = clean_query(raw)
    found = []
    for word in words(query):
        word = word.strip("_")[:MAX_TERM_LENGTH]
        if word and word not in found:
            found.append(word)
        if len(found) == MAX_TERMS:
            break
    folded = []
    for word in found:
        folded_word = fold_vi(word)
        if folded_word not in folded:
            folded.append(folded_word)
    tokens = tuple(token for word in found if (token := accent_token(word)))
    return SearchTerms(query=query, words=tuple(found), folded=tuple(folded), accent_tokens=tokens)
