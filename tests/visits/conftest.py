import pytest

from visits import counter

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture(autouse=True)
def _empty_batch(settings):
    """Each test starts with nothing pending in this process's batch (and leaves nothing behind); counts
    are written at once unless the test asks for ``batched``."""
    settings.VISITS_FLUSH_SECONDS = 0
    counter._pending.clear()
    yield
    counter._pending.clear()


@pytest.fixture
def batched(settings):
    """Counts wait in memory until flushed (the production rhythm: at most every 30 s)."""
    settings.VISITS_FLUSH_SECONDS = 3600
    counter._last_flush = counter.time.monotonic()
    return settings


def beacon(client, page, agent=FIREFOX, address="203.0.113.7"):
    return client.post("/api/luot-xem/", {"page": str(page.pk)}, HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
