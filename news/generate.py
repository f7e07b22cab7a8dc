"""Many articles, fast: scale tests, the benchmark (``make bench``) and ``manage.py generate_articles``.

Articles are bulk-inserted with paths computed the way treebeard does, so 10,000 take seconds rather
than the minutes of ``add_child`` and ``publish`` one by one. They reuse the categories, tags and
images already in the database (creating a few when there are none), are published three a day going
back from the oldest article already there, and are added to the search index in batches.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.demo_images import get_or_create_demo_image

from .models import NewsArticlePage, NewsArticleTag, NewsCategory, NewsIndexPage, NewsTag

BATCH = 1000
PER_DAY = 3
SUBJECTS = ["đào tạo cán bộ hội cơ sở", "giám sát và phản biện xã hội", "phụ nữ khởi nghiệp", "bình đẳng giới",
            "phòng chống bạo lực gia đình", "phát triển hội viên", "xây dựng nông thôn mới", "vốn tín dụng ưu đãi",
            "tuyên truyền pháp luật", "chăm sóc sức khỏe bà mẹ và trẻ em", "chuyển đổi số"]  # fmt: skip
PLACES = ["Xã Tân Phú", "Phường Bình Minh", "Huyện Đồng Xuân", "Xã Hòa Thắng", "Thị trấn Phú Lộc", "Xã Ea Tu"]
ACTIONS = ["tổ chức hội nghị", "ra mắt mô hình", "tập huấn kỹ năng", "trao tặng sinh kế", "sơ kết công tác",
           "phát động phong trào"]  # fmt: skip
SENTENCES = [
    "Chi hội trưởng các ấp đã chia sẻ kinh nghiệm vận động hội viên tham gia.",
    "Hội LHPN tỉnh phối hợp với các ngành liên quan triển khai nhiều hoạt động thiết thực.",
    "Các đại biểu thảo luận về vai trò của phụ nữ trong phát triển kinh tế gia đình.",
    "Nhiều hộ gia đình được hỗ trợ vốn vay để chăn nuôi và trồng trọt.",
    "Lớp học giúp cán bộ nắm vững quy trình giám sát, phản biện xã hội.",
    "Buổi tuyên truyền thu hút đông đảo chị em phụ nữ trên địa bàn tham dự.",
]
DEFAULT_TAGS = ["hội viên", "tập huấn", "sinh kế", "cơ sở hội"]


def _labels():
    categories = list(NewsCategory.objects.all())
    if not categories:
        categories = [NewsCategory.objects.create(name=f"Chuyên mục {n}", sort_order=n) for n in range(1, 4)]
    tags = list(NewsTag.objects.all()[:40])
    if not tags:
        tags = [NewsTag.objects.create(name=name, slug=NewsTag().slugify(name)) for name in DEFAULT_TAGS]
    images = list(get_image_model().objects.order_by("pk")[:30])
    if not images:
        images = [get_or_create_demo_image(f"Ảnh minh họa {n}", seed=n) for n in range(3)]
    return categories, tags, images


def _index():
    index = NewsIndexPage.objects.first()
    if index is None:
        raise RuntimeError("generate_articles needs the news index (/tin-tuc/): load the demo first")
    index.refresh_from_db()
    return index


def _article(index, number, position, published_at, rng, image, content_type):
    subject = rng.choice(SUBJECTS)
    title = f"{rng.choice(PLACES)} {rng.choice(ACTIONS)} về {subject} (số {number})"
    slug = f"tin-tao-san-{number}"
    body = [("paragraph", "".join(f"<p>{text}</p>" for text in rng.sample(SENTENCES, 4)))]
    if number % 3 == 0:
        body.append(("image", {"image": image, "alt_text": subject, "caption": subject, "credit": ""}))
    return NewsArticlePage(
        title=title,
        draft_title=title,
        slug=slug,
        path=NewsArticlePage._get_path(index.path, index.depth + 1, position),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        content_type=content_type,
        locale_id=index.locale_id,
        lead=f"{subject.capitalize()}: {rng.choice(SENTENCES)}",
        body=body,
        author="Phóng viên",
        featured_image=image,
    )


def generate_articles(count, seed=13, index_search=True, progress=None):
    """Adds ``count`` live articles below the news index; returns how many there are in all."""
    rng = random.Random(seed)  # noqa: S311 - reproducible content, not secrets
    index = _index()
    categories, tags, images = _labels()
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    oldest = NewsArticlePage.objects.order_by("first_published_at").values_list("first_published_at", flat=True)
    start_at = (oldest.first() or timezone.now()) - datetime.timedelta(hours=1)
    last_child = index.get_last_child()
    position = NewsArticlePage._str2int(last_child.path[-NewsArticlePage.steplen :]) if last_child else 0
    first_number = NewsArticlePage.objects.count() + 1
    backend = get_search_backend() if index_search else None
    through = NewsArticlePage.categories.through
    for batch_start in range(0, count, BATCH):
        pages = []
        for offset in range(min(BATCH, count - batch_start)):
            made = batch_start + offset
            position += 1
            published_at = start_at - datetime.timedelta(hours=24 / PER_DAY * made + rng.random())
            image = images[made % len(images)]
            pages.append(_article(index, first_number + made, position, published_at, rng, image, content_type))
        with transaction.atomic():
            Page.objects.bulk_create(pages)  # the wagtailcore_page rows
            for page in pages:
                page.page_ptr_id = page.id
            NewsArticlePage._base_manager._insert(pages, fields=NewsArticlePage._meta.local_concrete_fields)
            links, tagged = [], []
            for page in pages:
                for category in rng.sample(categories, 1 + (page.pk % 2 if len(categories) > 1 else 0)):
                    links.append(through(newsarticlepage_id=page.pk, newscategory_id=category.pk))
                for tag in rng.sample(tags, min(2, len(tags))):
                    tagged.append(NewsArticleTag(content_object_id=page.pk, tag_id=tag.pk))
            through.objects.bulk_create(links)
            NewsArticleTag.objects.bulk_create(tagged)
            Page.objects.filter(pk=index.pk).update(numchild=position)
            if backend is not None:
                backend.add_bulk(NewsArticlePage, pages)
        if progress:
            progress(batch_start + len(pages), count)
    return NewsArticlePage.objects.count()
