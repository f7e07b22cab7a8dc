import wagtail_factories

from .models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Trang thử nghiệm"
    intro = "Tóm tắt trang thử nghiệm."

    class Meta:
        model = StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    pass
