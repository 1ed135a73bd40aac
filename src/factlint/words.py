"""English words as factlint reads them: lemmas, parts of speech and how much a word tells.

Lemmas and parts of speech come from ``lemminflect``'s tables, how common a word is from
``wordfreq``'s frequencies (both ship their data; nothing is downloaded). Every stage that weighs
words uses these, so that extraction and matching weigh them alike.
"""

from __future__ import annotations

import functools

from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

# Zipf frequency (log10 of uses per billion words) at which a word is too common to be the
# decisive word of a figure: "say", "make", "take", "get" are above it; "sign", "fall", "spend",
# "fee" are below.
COMMON = 5.7
# A word this common carries no weight in the context a figure is compared by ("the", "people").
FUNCTION = 6.3


@functools.lru_cache(maxsize=1 << 16)
def lemma_of(word: str) -> tuple[str, str]:
    """A word's lemma and its part of speech as factlint reads it ("fell": fall, VERB).

    The part of speech is "VERB" for a word only a verb can be or an inflected verb form that is
    no plural ("fell", "signed", "weighs", "drafted"), "NOUN" for a word a noun can be, else "".
    """
    lower = word.lower()
    lemmas = getAllLemmas(lower)
    verbs, nouns = lemmas.get("VERB"), lemmas.get("NOUN")
    if verbs and not nouns and "ADJ" not in lemmas:
        return verbs[0], "VERB"
    if verbs and verbs[0] != lower and (lower.endswith(("ed", "ing")) or not lower.endswith("s")):
        return verbs[0], "VERB"
    if nouns:
        return nouns[0], "NOUN"
    if verbs:
        return verbs[0], "VERB"
    return lower, ""


@functools.lru_cache(maxsize=1 << 16)
def frequency(lemma: str) -> float:
    """How common a word is in English, on the Zipf scale (0 unknown, about 8 for "the")."""
    return zipf_frequency(lemma, "en")


def rarity(lemma: str) -> float:
    """How much a word tells, from its frequency in English: 0 for the commonest, up to 8."""
    return max(0.0, 8.0 - frequency(lemma))


def is_common(lemma: str, limit: float = COMMON) -> bool:
    """Whether a word is at least as common as ``limit`` on the Zipf scale."""
    return frequency(lemma) >= limit


@functools.lru_cache(maxsize=1 << 16)
def may_be_verb(word: str) -> bool:
    """Whether a word can be a verb form ("calls", "fell", "spends")."""
    return "VERB" in getAllLemmas(word.lower())


def verb_lemma(word: str) -> str:
    """A word's lemma as a verb ("buys": buy), or the word when it is no verb."""
    verbs = getAllLemmas(word.lower()).get("VERB")
    return verbs[0] if verbs else word.lower()
