"""The check catalogue: one YAML file a rule in ``rules/checks/``, validated as it is read.

A rule file instantiates a check kind (:mod:`factlint.rules.checks`) with its ``code`` (FL and
three digits), dotted ``name``, ``kind``, ``severity``, ``message`` (a template over the fields
the kind provides), ``params``, ``description``, ``why``, ``source`` and ``examples``: small
inline sources with the codes they must (``raises``) and must not (``clean``) raise. Folders
given later override earlier ones rule by rule (by code); within one folder a code is defined
once. Every mistake names its file, line and column, with the line's text.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import factlint.rules.checks  # noqa: F401 - importing it registers every kind
from factlint.knowledge import RULE_FILES, default_rules_dir
from factlint.located import Located, RuleFileError, load_located
from factlint.model import Severity
from factlint.rules.base import Example, ExampleSource, Rule
from factlint.rules.kinds import KINDS

_FORMATS = ("txt", "md", "markdown", "html", "htm")
REQUIRED = ("code", "name", "kind", "severity", "message", "description", "why", "examples")
OPTIONAL = ("params", "source")


_LOWER = frozenset(string.ascii_lowercase)
_WORD = _LOWER | frozenset(string.digits + "_")


def is_code(text: str) -> bool:
    """Whether ``text`` is a rule code: FL and three decimal digits (FL301)."""
    return len(text) == 5 and text.startswith("FL") and text[2:].isdecimal()


def is_name(text: str) -> bool:
    """Whether ``text`` is a rule name: two or more dotted words of a-z, 0-9 and _, each led by a letter."""
    words = text.split(".")
    return len(words) > 1 and all(word[:1] in _LOWER and _WORD.issuperset(word) for word in words)


def default_checks_dir() -> Path:
    """The bundled ``rules/checks`` folder (beside the knowledge: see ``default_rules_dir``)."""
    return default_rules_dir() / "checks"


def load_catalogue(folders: Iterable[str | Path] = ()) -> dict[str, Rule]:
    """Every rule by code: the bundled ones, then each folder's, later ones replacing earlier ones.

    Two files of one folder with the same code are refused (:class:`RuleFileError` naming both).

    A folder may be a ``rules`` folder (with knowledge files or a ``checks/`` subfolder: only
    ``checks/`` is read) or a folder of checks.
    """
    catalogue: dict[str, Rule] = {}
    for folder in (default_checks_dir(), *(Path(f) for f in folders)):
        is_rules_folder = (folder / "checks").is_dir() or any(
            (folder / name).is_file() for name in RULE_FILES
        )
        checks = folder / "checks" if is_rules_folder else folder
        layer: dict[str, Path] = {}
        for path in sorted(checks.glob("*.yaml")) if checks.is_dir() else ():
            rule = read_rule(path)
            if rule.code in layer:
                raise _twice(rule.code, layer[rule.code], path)
            layer[rule.code] = path
            catalogue[rule.code] = rule
    return dict(sorted(catalogue.items()))


def _twice(code: str, first: Path, second: Path) -> RuleFileError:
    """One folder defines ``code`` in two files: an error at the second naming the first."""
    line, column = load_located(first).position(("code",))
    return load_located(second).error(
        ("code",),
        f"rule code {code} is also defined in {first}:{line}:{column}; one folder defines a code once",
    )


def read_rule(path: Path) -> Rule:
    """The rule in ``path``, validated; raises :class:`RuleFileError` at the first mistake."""
    located = load_located(path)
    data = located.value
    if not isinstance(data, dict):
        raise located.error((), "a rule file holds a mapping with code, name, kind, severity, message...")
    for key in data:
        if key not in (*REQUIRED, *OPTIONAL):
            raise located.error(
                (str(key),), f"unknown key {key!r}; allowed: {', '.join((*REQUIRED, *OPTIONAL))}"
            )
    for key in REQUIRED:
        if key not in data:
            raise located.error((), f"missing key {key!r}")
    for key in ("code", "name", "kind", "severity", "message", "description", "why"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise located.error((key,), f"{key} must be a non-empty text")
    if not is_code(data["code"]):
        raise located.error(("code",), f"code {data['code']!r} is not FL followed by three digits")
    if not is_name(data["name"]):
        raise located.error(
            ("name",), f"name {data['name']!r} is not dotted lower-case words (time.role_anachronism)"
        )
    if data["kind"] not in KINDS:
        raise located.error(("kind",), f"unknown kind {data['kind']!r}; known: {', '.join(sorted(KINDS))}")
    kind = KINDS[data["kind"]]
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise located.error(("severity",), "severity must be error, warning or info") from None
    fields = {name for _, name, _, _ in string.Formatter().parse(data["message"]) if name}
    unknown = fields - set(kind.fields)
    if unknown:
        raise located.error(
            ("message",),
            f"message uses {', '.join(sorted(unknown))}; {data['kind']} gives {', '.join(kind.fields)}",
        )
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise located.error(("params",), "params must be a mapping")
    for name in params:
        if name not in kind.params:
            raise located.error(("params", str(name)), f"unknown parameter {name!r} for {data['kind']}")
    return Rule(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        severity=severity,
        message=data["message"],
        description=" ".join(data["description"].split()),
        why=" ".join(data["why"].split()),
        examples=_examples(located, data["examples"], data["code"], kind.params),
        params={**kind.params, **params},
        source=str(data.get("source") or ""),
        path=str(path),
    )


def _examples(
    located: Located, examples: Any, code: str, kind_params: Mapping[str, Any]
) -> tuple[Example, ...]:
    if not isinstance(examples, list) or not examples:
        raise located.error(
            ("examples",), "examples must be a list of inline sources with the codes they raise"
        )
    seen: set[str] = set()
    parsed = []
    for index, example in enumerate(examples):
        where = ("examples", str(index))
        if not isinstance(example, dict) or not isinstance(example.get("id"), str):
            raise located.error(where, "each example needs an id")
        if example["id"] in seen:
            raise located.error((*where, "id"), f"example id {example['id']!r} is used twice")
        seen.add(example["id"])
        unknown = set(example) - {"id", "text", "published", "name", "sources", "raises", "clean", "params"}
        if unknown:
            raise located.error(where, f"unknown example key(s): {', '.join(sorted(unknown))}")
        if "sources" in example:
            raw_sources = example["sources"]
            if not isinstance(raw_sources, list) or not raw_sources:
                raise located.error((*where, "sources"), "sources must be a list of {name, text, published}")
        elif "text" in example:
            raw_sources = [
                {
                    "name": example.get("name", "article.txt"),
                    "text": example["text"],
                    "published": example.get("published"),
                }
            ]
        else:
            raise located.error(where, "an example needs text (one source) or sources")
        sources = tuple(
            _source(located, (*where, "sources", str(k)), raw) for k, raw in enumerate(raw_sources)
        )
        codes = {key: _codes(located, (*where, key), example.get(key, [])) for key in ("raises", "clean")}
        if not codes["raises"] and not codes["clean"]:
            raise located.error(where, "an example says which codes it raises or leaves clean")
        params = example.get("params") or {}
        if not isinstance(params, dict) or any(name not in kind_params for name in params):
            raise located.error(
                (*where, "params"), f"params must be parameters of the kind: {', '.join(kind_params)}"
            )
        parsed.append(Example(example["id"], sources, codes["raises"], codes["clean"], code, dict(params)))
    return tuple(parsed)


def _source(located: Located, where: tuple[str, ...], raw: Any) -> ExampleSource:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise located.error(where, "a source needs text")
    name = str(raw.get("name", "article.txt"))
    if name.rsplit(".", 1)[-1] not in _FORMATS:
        raise located.error(where, f"source name {name!r} must end in .{', .'.join(_FORMATS)}")
    published = raw.get("published")
    if published is not None and not isinstance(published, dt.date):
        try:
            published = dt.date.fromisoformat(str(published))
        except ValueError:
            raise located.error(
                (*where, "published"), f"published {published!r} is not a date (YYYY-MM-DD)"
            ) from None
    return ExampleSource(name, raw["text"], published)


def _codes(located: Located, where: tuple[str, ...], codes: Any) -> tuple[str, ...]:
    if isinstance(codes, str):
        codes = [codes]
    if not isinstance(codes, list) or not all(isinstance(c, str) and is_code(c) for c in codes):
        raise located.error(where, "a list of codes such as [FL301]")
    return tuple(codes)


__all__ = [
    "Example",
    "ExampleSource",
    "Rule",
    "RuleFileError",
    "is_code",
    "is_name",
    "load_catalogue",
    "read_rule",
]
