from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.registry import demo_apps


class Command(BaseCommand):
    help = "Loads the demo content (idempotent: running it twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo content even when DEBUG is off (never on a real site).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("Demo content is for development only (DEBUG is off). Use --allow-production to force.")
        self.created_logins = []
        # Each app with demo content declares ``demo_order`` on its AppConfig and offers
        # ``<app>.demo.load(command)``.
        for app in demo_apps():
            try:
                module = import_module(f"{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo":
                    raise
                continue
            with transaction.atomic():
                module.load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if self.created_logins:
            self.stdout.write("")
            self.stdout.write(self.style.WARNING("Demo sign-ins created now (shown once, development only):"))
            for role, username, password in self.created_logins:
                self.stdout.write(f"  {role:<28} {username:<14} {password}")
            self.stdout.write("  Staff sign in at /admin/, learners at /tai-khoan/dang-nhap/.")
        else:
            self.stdout.write(
                "Demo users already exist; their passwords were printed when they were created. "
                "Reset one with: .venv/bin/python manage.py changepassword <username>"
            )

    def log(self, message):
        self.stdout.write(f"  {message}")
