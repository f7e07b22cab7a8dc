import pytest

from accounts import factories as accounts_factories
from accounts.models import OrganisationUnit, UnitKind
from feedback.factories import TopicFactory


@pytest.fixture
def units(db):
    """A province with two communes; the first commune has one branch."""
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    east = OrganisationUnit.objects.create(name="Hội LHPN xã Đông", kind=UnitKind.COMMUNE, parent=province)
    west = OrganisationUnit.objects.create(name="Hội LHPN xã Tây", kind=UnitKind.COMMUNE, parent=province)
    branch = OrganisationUnit.objects.create(name="Chi hội thôn Một", kind=UnitKind.BRANCH, parent=east)
    return {"province": province, "east": east, "west": west, "branch": branch}


@pytest.fixture
def topic(db):
    return TopicFactory(name="An toàn thực phẩm")


@pytest.fixture
def sensitive_topic(db):
    return TopicFactory(name="Bạo lực gia đình", sensitive=True)


@pytest.fixture
def supervisor(db):
    return accounts_factories.supervisor(email="giamsat@example.org")


@pytest.fixture
def moderator(db):
    return accounts_factories.moderator(email="tiepnhan@example.org")
