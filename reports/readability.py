"""How easy a text is to read: the Flesch reading ease, for the written parts of the version for young people.

textstat would compute it, but its syllable counts need a pronouncing dictionary it downloads on first use, which a
closed network cannot serve. The formula is short; the syllables come from pyphen's hyphenation dictionaries, which
WeasyPrint already brings (they are the same ones that hyphenate the report)."""

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

import pyphen

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# A sentence ends at . ! ? (once, however many) followed by a space or the end; a list item or heading ends one too.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#)\s)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# Flesch's own bands (1948), in the words the checks page uses.
BANDS = [
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain English"),
    (50, "fairly difficult"),
    (30, "difficult"),
]
HARDEST = "very difficult"


@lru_cache(maxsize=1)
def _hyphenator():
    return pyphen.Pyphen(lang="en_GB", left=1, right=1)


def syllables(word):
    """The word's syllables: the hyphenation dictionary's breaks, or its vowel groups (less a silent final e) when
    they are more, since the dictionary leaves short words whole."""
    word = word.lower().replace("’", "'")
    by_breaks = len(_hyphenator().positions(word)) + 1
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, by_breaks, groups)


@dataclass(frozen=True)
class ReadingEase:
    score: float
    words: int
    sentences: int

    @property
    def rounded(self):
        return round(self.score)

    @property
    def band(self):
        return next((name for floor, name in BANDS if self.score >= floor), HARDEST)

    def __str__(self):
        return f"Reading ease {self.rounded}: {self.band}"


def plain_text(html):
    """The words of HTML, with each block on a line of its own (a list item or heading ends a sentence)."""
    text = re.sub(r"</(p|li|h[1-6]|td|th|div|tr)>", "\n\n", str(html), flags=re.IGNORECASE)
    return unescape(re.sub(r"<[^>]+>", " ", text))


def reading_ease(text):
    """The Flesch reading ease of `text` (206.835 − 1.015 × words per sentence − 84.6 × syllables per word), or None
    when it has no words. Higher is easier: 60 to 70 is plain English, 80 and above easy for an 11-year-old."""
    words = _WORD.findall(text)
    if not words:
        return None
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    count = max(1, len(sentences))
    per_word = sum(syllables(word) for word in words) / len(words)
    score = 206.835 - 1.015 * (len(words) / count) - 84.6 * per_word
    # The formula runs past both ends of Flesch's scale (one-syllable words in short sentences, or the reverse).
    return ReadingEase(score=min(100.0, max(0.0, score)), words=len(words), sentences=count)
