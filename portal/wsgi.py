import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, the portal's modules: about 250,000 objects) lives as long as
# the worker. Out of the cyclic collector's sight, a full collection pauses a request for 20-40 ms instead
# of about 200 ms on the benchmark machine (Python's advice for servers, see gc.freeze).
gc.freeze()
