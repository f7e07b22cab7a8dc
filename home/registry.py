"""What the apps declare about themselves on their AppConfig, read here without naming any of them.

- ``demo_order``: the app has demo content (``<app>/demo.py`` with ``load(command)``), which
  ``manage.py load_demo`` loads in increasing order (units and users first, then the pages others
  hang below);
- ``robots_disallow``: path prefixes that crawlers are asked to leave alone (``/robots.txt``);
- ``search_group``: the type its pages form in the site search (:func:`home.indexing.search_group_of`);
- ``standard_page_subpages``: its page models (``"app.Model"``) that editors may add below a standard page
  (the organisation's pages below "Giới thiệu").

A new app declares these in its own ``apps.py``; nothing in ``home`` changes.
"""

from django.apps import apps


def declared(attribute):
    """``[(app_config, value)]`` for every installed app declaring ``attribute``, in INSTALLED_APPS order."""
    return [
        (config, getattr(config, attribute))
        for config in apps.get_app_configs()
        if getattr(config, attribute, None) is not None
    ]


def demo_apps():
    """The names of the apps with demo content, in the order it loads."""
    return [config.name for config, _order in sorted(declared("demo_order"), key=lambda pair: pair[1])]


def robots_disallowed():
    return [path for _config, paths in declared("robots_disallow") for path in paths]


def standard_page_subpages():
    return [model for _config, models in declared("standard_page_subpages") for model in models]
