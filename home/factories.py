import factory
import wagtail_factories

from .models import StandardPage
from .text import slugify_vi


class PageFactory(wagtail_factories.PageFactory):
    """Pages with the slug the portal gives them: "Đào tạo" -> ``dao-tao`` (Django's slugify drops the đ)."""

    slug = factory.LazyAttribute(lambda obj: slugify_vi(obj.title))

    class Meta:
        abstract = True


class StandardPageFactory(PageFactory):
    title = "Trang thử nghiệm"
    intro = "Tóm tắt trang thử nghiệm."

    class Meta:
        model = StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    pass
