"""The one error family: every class in ``errors.py`` with a stable code in its catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from storydiff import errors
from storydiff.errors import CATALOGUE, StorydiffError

SRC = Path(errors.__file__).parent


def _family(cls: type[StorydiffError] = StorydiffError) -> list[type[StorydiffError]]:
    """The class and every subclass below it."""
    return [cls, *(sub for child in cls.__subclasses__() for sub in _family(child))]


def test_every_error_has_its_own_code_and_the_catalogue_lists_them_all() -> None:
    family = _family()
    codes = [cls.code for cls in family]
    assert len(set(codes)) == len(codes), "two errors share a code"
    assert all("code" in vars(cls) for cls in family), "a class inherits its parent's code"
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)
    assert set(CATALOGUE.values()) == set(family)
    assert all(cls.code == code for code, cls in CATALOGUE.items())


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_the_module_docstring_draws_each_code_with_its_class(code: str) -> None:
    name = CATALOGUE[code].__name__
    assert any(name in line and code in line for line in (errors.__doc__ or "").splitlines())


def test_no_error_class_lives_outside_errors_py() -> None:
    names = {cls.__name__ for cls in CATALOGUE.values()} | {"Exception", "ValueError"}
    outside = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases}
                if bases & names:
                    outside.append(f"{path.relative_to(SRC)}: {node.name}")
    assert outside == []


def test_the_line_the_cli_prints_leads_with_the_code() -> None:
    err = errors.StoreError("cannot open the store x.db: locked; pass another --db")
    assert err.line() == "[E005] cannot open the store x.db: locked; pass another --db"
    assert str(err) == "cannot open the store x.db: locked; pass another --db"  # no code
