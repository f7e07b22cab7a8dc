"""One test per private modelsearch piece the database engine uses: an upgrade that moves one fails here,
naming it, instead of breaking the search page in production (see search/engines/database/internals.py)."""

from importlib import import_module, metadata

from django.db import connection

import pytest

from search.engines.database import internals

pytestmark = pytest.mark.django_db
VERSION = metadata.version("modelsearch")


def _upgrade_broke(what):
    return pytest.fail(
        f"modelsearch {VERSION} no longer provides {what}, which search/engines/database/ relies on. "
        "Find its new home, update search/engines/database/internals.py, and the pin in requirements.txt.",
        pytrace=False,
    )


@pytest.mark.parametrize("name", sorted(internals.PRIVATE))
def test_the_private_modelsearch_piece_is_where_the_engine_imports_it(name):
    module_name, vendor = internals.PRIVATE[name]
    if connection.vendor != vendor:
        pytest.skip(f"{module_name} exists on {vendor} only")
    try:
        module = import_module(module_name)
    except ImportError:
        _upgrade_broke(f"the module {module_name}")
    if not hasattr(module, name):
        _upgrade_broke(f"{module_name}.{name}")
    assert internals.private(name) is getattr(module, name)


@pytest.mark.parametrize("attribute", internals.SQLITE_COMPILER_ATTRIBUTES)
def test_the_sqlite_query_compiler_still_builds_a_bare_match(attribute):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    from wagtail.models import Page
    from wagtail.search.query import PlainText

    from search.engines.database import database_backend

    backend = database_backend()
    compiler = backend.query_compiler_class(Page.objects.none(), PlainText("dao tao", operator="and"))
    if not hasattr(compiler, attribute):
        _upgrade_broke(f"{type(compiler).__module__}.{type(compiler).__name__}.{attribute}")


def test_the_engine_recognises_the_backend_of_this_database():
    from search.engines.database import database_backend, postgres, sqlite

    backend = database_backend()
    assert (sqlite.is_sqlite(backend), postgres.is_postgres(backend)) == (
        connection.vendor == "sqlite",
        connection.vendor == "postgresql",
    ), f"{type(backend).__module__}.{type(backend).__name__} is not the class internals.py names"


def test_requirements_pin_the_modelsearch_version_installed():
    from pathlib import Path

    requirements = (Path(__file__).resolve().parents[2] / "requirements.txt").read_text().splitlines()
    assert f"modelsearch=={VERSION}" in requirements
