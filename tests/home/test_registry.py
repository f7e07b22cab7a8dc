"""The apps declare themselves to home (demo content, robots rules, search types): home names none of them."""

import ast
from pathlib import Path

from django.apps import apps

import pytest

from home.indexing import search_group_of
from home.registry import demo_apps

HOME = Path(__file__).resolve().parents[2] / "home"
CONTENT_APPS = ("news", "training", "feedback", "search", "supervision")


def _code_strings(path):
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_home_names_no_content_app_even_in_a_string():
    """Not by label ("news", "news.demo", "feedback:lookup") nor by the addresses the apps own."""
    addresses = [path for app in CONTENT_APPS for path in getattr(apps.get_app_config(app), "robots_disallow", ())]
    found = []
    for path in HOME.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for text in _code_strings(path):
            names_app = any(text == app or text.startswith((f"{app}.", f"{app}:")) for app in CONTENT_APPS)
            if names_app or any(address in text for address in addresses):
                found.append(f"{path.relative_to(HOME.parent)}: {text!r}")
    assert not found


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_every_path_the_apps_declare(client):
    body = client.get("/robots.txt").content.decode()
    for path in ("/admin/", "/tai-khoan/", "/tim-kiem/", "/tra-cuu/", "/khoa-hoc-cua-toi/"):
        assert f"Disallow: {path}\n" in body


@pytest.mark.django_db
def test_a_new_app_is_heard_by_declaring_itself_on_its_app_config(client, monkeypatch):
    config = apps.get_app_config("search")
    monkeypatch.setattr(config, "robots_disallow", ("/tim-kiem/", "/thu-nghiem/"), raising=False)
    monkeypatch.setattr(config, "demo_order", 35, raising=False)
    assert "Disallow: /thu-nghiem/\n" in client.get("/robots.txt").content.decode()
    assert demo_apps() == [
        "accounts",
        "home",
        "news",
        "search",
        "training",
        "feedback",
        "consultations",
        "documents",
        "supervision",
        "staff",
        "organisation",
        "english",
        "visits",
    ]


def test_an_app_gives_its_pages_their_search_type():
    from accounts.models import OrganisationUnit
    from home.models import StandardPage
    from news.models import NewsArticlePage

    assert search_group_of(NewsArticlePage) == "news"  # NewsConfig.search_group
    assert search_group_of(StandardPage) == search_group_of(OrganisationUnit) == "pages"
