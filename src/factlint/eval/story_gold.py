"""Reading the matching gold set: story folders whose ``gold.yaml`` says which numbers are one fact."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from factlint.model import LABELS
from factlint.safe_yaml import YAMLLoadError, load


@dataclasses.dataclass(frozen=True)
class GoldMember:
    """One number in one source: the file name, the number as written and words from its sentence."""

    source: str
    quote: str
    near: str


@dataclasses.dataclass(frozen=True)
class GoldGroup:
    """One fact the sources speak of, the label its agreement deserves and why."""

    id: str
    fact: str
    label: str
    reason: str
    members: tuple[GoldMember, ...]

    @property
    def sources(self) -> frozenset[str]:
        """The files that speak of this fact."""
        return frozenset(member.source for member in self.members)


@dataclasses.dataclass(frozen=True)
class StoryGold:
    """A story folder and its gold groups, with the parts that add up to a total."""

    name: str
    folder: Path
    groups: tuple[GoldGroup, ...]
    sums: tuple[tuple[str, tuple[str, ...]], ...] = ()


class StoryGoldError(ValueError):
    """A ``gold.yaml`` is malformed; names the file and the group."""


def default_stories_dir() -> Path:
    """``fixtures/stories`` in the working folder, else in the checkout factlint runs from."""
    here = Path("fixtures/stories")
    return here if here.is_dir() else Path(__file__).resolve().parents[3] / "fixtures" / "stories"


def load_stories(folder: Path) -> list[StoryGold]:
    """Every story (a subfolder holding ``gold.yaml``) in ``folder``, sorted by name."""
    stories = [load_story(path.parent) for path in sorted(folder.glob("*/gold.yaml"))]
    if not stories:
        raise StoryGoldError(f"{folder}: no story folders with a gold.yaml")
    return stories


def load_story(folder: Path) -> StoryGold:
    """The gold of one story folder."""
    path = folder / "gold.yaml"
    try:
        data = load(path.read_text(encoding="utf-8")).value
    except YAMLLoadError as exc:
        raise StoryGoldError(f"{path}:{exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise StoryGoldError(f"{path}: no 'groups' list")
    groups = tuple(_group(path, index, item) for index, item in enumerate(data["groups"], start=1))
    ids = [group.id for group in groups]
    duplicate = next((one for one in ids if ids.count(one) > 1), None)
    if duplicate:
        raise StoryGoldError(f"{path}: group id {duplicate!r} used twice")
    return StoryGold(folder.name, folder, groups, _sums(path, data.get("sums") or [], set(ids)))


def _group(path: Path, index: int, item: Any) -> GoldGroup:
    where = f"{path} group {index}"
    if not isinstance(item, dict):
        raise StoryGoldError(f"{where}: not a mapping")
    fields = {key: item.get(key) for key in ("id", "fact", "label", "reason")}
    for key, value in fields.items():
        if not isinstance(value, str) or not value.strip():
            raise StoryGoldError(f"{where}: no {key}")
    where = f"{path} group {fields['id']!r}"
    if fields["label"] not in LABELS:
        raise StoryGoldError(f"{where}: label {fields['label']!r} is not one of {', '.join(LABELS)}")
    members = item.get("members")
    if not isinstance(members, list) or not members:
        raise StoryGoldError(f"{where}: no members")
    return GoldGroup(
        **fields, members=tuple(_member(path, where, k, m) for k, m in enumerate(members, start=1))
    )


def _member(path: Path, where: str, index: int, item: Any) -> GoldMember:
    where = f"{where} member {index}"
    if not isinstance(item, dict):
        raise StoryGoldError(f"{where}: not a mapping")
    values = {key: item.get(key) for key in ("source", "quote", "near")}
    for key, value in values.items():
        if not isinstance(value, str) or not value:
            raise StoryGoldError(f"{where}: no {key}")
    if not (path.parent / values["source"]).is_file():
        raise StoryGoldError(f"{where}: source {values['source']!r} is not a file in {path.parent}")
    return GoldMember(**values)


def _sums(path: Path, items: Any, ids: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(items, list):
        raise StoryGoldError(f"{path}: 'sums' is not a list")
    sums = []
    for index, item in enumerate(items, start=1):
        total, parts = (item.get("total"), item.get("parts")) if isinstance(item, dict) else (None, None)
        if not isinstance(total, str) or not isinstance(parts, list) or not parts:
            raise StoryGoldError(f"{path} sum {index}: needs a total and a list of parts")
        unknown = [one for one in (total, *parts) if one not in ids]
        if unknown:
            raise StoryGoldError(f"{path} sum {index}: unknown group {unknown[0]!r}")
        sums.append((total, tuple(parts)))
    return tuple(sums)
