"""Roles: a person with a title and, where written, an organisation, in the shapes news uses.

"Amazon CEO Andy Jassy", "Anthropic's chief executive Dario Amodei", "former CEO Adam Selipsky",
"Adam Selipsky, AWS CEO", "Jane Doe, chief executive of Acme". Titles are normalised from
``rules/titles.yaml``; "former", "ex-" mark a role no longer held. All-lowercase text is read with
lowercase names (two words after the title, one organisation word before it).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from factlint.extract.found import Found
from factlint.extract.numbers import alternation
from factlint.extract.starts import Starts, starting_with
from factlint.knowledge import KnowledgeBase
from factlint.model import Role

# A name word: "Vera", "T." (an initial), "Osei-Lund", "O'Neil"; never a sentence's full stop
# ("... Finance Minister Vera Koll.") nor a possessive ("Aurel Vantik's").
_NAME_WORD = r"[A-Z](?:\.|[a-z]+(?:-[A-Z]?[a-z]+|['’](?!s\b)[A-Z]?[a-z]+)*|['’][A-Z][a-z]+)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}"
# The end of a name: a possessive may follow it, another word character may not.
_NAME_END = r"(?=['’]s\b|[^\w'’-]|$)"
# Each word is taken whole (``*+`` gives nothing back: a blank or "'s" follows a word, never a
# character of it), so a failing match tries fewer words, not shorter ones.
_ORG = r"(?:[A-Z][\w&.-]*+)(?:[ \t]+[A-Z][\w&.-]*+){0,3}"  # the role filters read it after its initial
_LOWER_NAME = r"[a-z][a-z'’-]+[ \t]+[a-z][a-z'’-]+"
_LOWER_ORG = r"(?:[a-z][\w&.-]*+)"


@dataclasses.dataclass(frozen=True)
class _Patterns:
    title_first: Starts
    name_first: Starts


def _build(kb: KnowledgeBase, name: str, org: str, initial: str) -> _Patterns:
    title = rf"(?i:(?P<title>{alternation(kb.titles)}))(?![\w-])"
    former = rf"(?:(?i:(?P<former>{alternation(kb.former_words)}))[ \t]*)?"
    title_first = re.compile(
        rf"(?<![\w-]){former}(?:(?P<org>{org})(?:'s|’s)?[ \t]+)?{title}[ \t]+(?P<name>{name}){_NAME_END}"
    )
    name_first = re.compile(
        rf"(?<![\w-])(?P<name>{name}),[ \t]+(?:(?i:the|an|a)[ \t]+)?{former}"
        rf"(?:(?P<org>{org})(?:'s|’s)?[ \t]+)?{title}(?:[ \t]+(?i:of|at)[ \t]+(?P<org_after>{org}))?(?![\w-])"
    )
    # A match begins a word with "former" or a title, or with the initial of an organisation
    # before a title, or of a name of two or three words and a comma (name words hold neither
    # spaces nor commas).
    org_rest = org.removeprefix(f"(?:[{initial}]")
    titles = rf"(?:'s|’s)?[ \t]+(?i:{alternation(kb.titles)})"
    return _Patterns(
        starting_with(title_first, [*kb.former_words, *kb.titles], cased=(initial, f"(?:{org_rest}{titles}")),
        starting_with(name_first, cased=(initial, rf"[^\s,]*+(?:[ \t]+[{initial}][^\s,]*+){{1,2}},")),
    )


@functools.cache
def _patterns(kb: KnowledgeBase, lowercase: bool) -> _Patterns:
    if lowercase:
        return _build(kb, _LOWER_NAME, _LOWER_ORG, "a-z")
    return _build(kb, _NAME, _ORG, "A-Z")


def find_roles(text: str, kb: KnowledgeBase) -> list[Found]:
    """Every person-title pair in ``text``, with the organisation where one is written."""
    lowercase = not any(char.isupper() for char in text)
    compiled = _patterns(kb, lowercase)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in (compiled.name_first, compiled.title_first):
        for match in pattern.finditer(text):
            role = _role(match, kb)
            if role is None or any(match.start() < end and start < match.end() for start, end in taken):
                continue
            end = match.end()
            if match.groupdict().get("org_after") and _sentence_point(match.group("org_after"), kb):
                # "..., an analyst at Brantley Partners." : the full stop ends the sentence.
                role = dataclasses.replace(
                    role, organisation=role.organisation[:-1] if role.organisation else None
                )
                end -= 1
            found.append(Found("role", match.start(), end, "role", role=role))
            taken.append((match.start(), end))
    return sorted(found, key=lambda item: item.start)


def _sentence_point(org: str, kb: KnowledgeBase) -> bool:
    """Whether the point ending an organisation's name ends the sentence ("Partners.", not "Corp.")."""
    last = org.split()[-1]
    return last.endswith(".") and last not in kb.company_suffixes and not _INITIALS.fullmatch(last)


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _role(match: re.Match[str], kb: KnowledgeBase) -> Role | None:
    name = match.group("name")
    words = [word.lower().strip(".,") for word in name.split()]
    # A "name" made of function words or titles is no name ("the CEO said", "CEO Summit Series").
    if any(word in kb.function_words or word in kb.titles or word in kb.not_name_words for word in words):
        return None
    org = match.groupdict().get("org_after") or match.group("org")
    if org and org.split()[0].lower() in kb.function_words:
        org = " ".join(word for word in org.split() if word.lower() not in kb.function_words) or None
    written = " ".join(match.group("title").lower().split())
    if org and not match.groupdict().get("org_after"):
        # "Prime Minister", "Finance Minister": the word before the title belongs to it.
        longer = f"{org.split()[-1].lower()} {written}"
        if longer in kb.titles:
            written, org = longer, " ".join(org.split()[:-1]) or None
    return Role(person=name, title=kb.titles[written], organisation=org, former=bool(match.group("former")))
