from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from home import fragments
from home.blocks import DocumentLinkBlock
from home.models import BasePage
from home.queries import exclude_private
from home.sharing import share_links

from ..blocks import LessonStreamBlock

# What the course and lesson pages show is assembled by training.services.page_context, which stands above
# the models (it reads them). TrainingConfig.ready() hands its builders in here, so that no model module
# imports a service: "course" and "lesson" build a page's context for a user, "course_of" finds a
# lesson's course in the cached outline.
PAGE_CONTEXT = {}


class TrainingPageMixin:
    """View restrictions in one query instead of Wagtail's two, when any (see BasePage.get_view_restrictions):
    the ancestors' paths are known from the page's own path; an ancestor that is an alias is matched
    through its source."""

    def view_restrictions_query(self):
        if self.alias_of_id:
            return super().view_restrictions_query()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(
            models.Q(page__path__in=paths) | models.Q(page__aliases__path__in=paths)
        ).distinct()


class TrainingIndexPage(TrainingPageMixin, BasePage):
    """The catalogue: courses and training events (lớp tập huấn)."""

    intro = RichTextField(_("Lời giới thiệu"), blank=True, features=["bold", "italic", "link"])

    template = "training/training_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.CoursePage", "training.TrainingEventPage"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Trang đào tạo")
        verbose_name_plural = _("Trang đào tạo")

    # Below the catalogue the depth says what a URL can be: a course or an event, a module, a
    # lesson. Fetching that page by its url_path costs one query instead of two per level.
    @staticmethod
    def route_models(levels):
        return {1: (CoursePage, TrainingEventPage), 2: (ModulePage,), 3: (LessonPage,)}.get(levels, ())

    def route(self, request, path_components):
        candidates = self.route_models(len(path_components)) if path_components else ()
        if candidates:
            # Kept in the fragment cache until the next change of content, like every routed page (BasePage.route).
            found = fragments.cached(
                f"route-path:{self.pk}:{'/'.join(path_components)}",
                lambda: self.page_at(path_components, candidates),
                shared_only=True,
            )
            if found is not None:
                if not found.live:
                    raise Http404
                return RouteResult(found)
        return super().route(request, path_components)

    def page_at(self, path_components, candidates):
        url_path = self.url_path + "/".join(path_components) + "/"
        for model in candidates:
            page = model.objects.filter(url_path=url_path, path__startswith=self.path).first()
            if page is not None:
                return page
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = exclude_private(CoursePage.objects.child_of(self).live()).select_related("programme")
        events = exclude_private(TrainingEventPage.objects.child_of(self).live())
        now = timezone.now()
        context["upcoming_events"] = events.upcoming(now)
        context["past_events"] = events.past(now)[:12]
        return context


class CoursePage(TrainingPageMixin, BasePage):
    intro = models.TextField(_("Giới thiệu ngắn"), max_length=600, blank=True)
    objectives = RichTextField(_("Mục tiêu"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    audience = models.CharField(
        _("Đối tượng"), max_length=255, blank=True, help_text=_("Ví dụ: Chủ tịch, Phó Chủ tịch Hội LHPN xã.")
    )
    estimated_minutes = models.PositiveIntegerField(
        _("Thời lượng dự kiến (phút)"), default=60, help_text=_("Tổng thời gian học ước tính.")
    )
    members_only = models.BooleanField(
        _("Chỉ dành cho học viên"),
        default=False,
        help_text=_("Nếu chọn, phải đăng nhập mới đọc được bài học; đề cương vẫn hiện công khai."),
    )
    self_enrolment = models.BooleanField(
        _("Cho phép tự ghi danh"),
        default=True,
        help_text=_("Bỏ chọn nếu chỉ quản lý đào tạo được ghi danh học viên."),
    )
    programme = models.ForeignKey(
        "training.Programme",
        verbose_name=_("Thuộc đề án"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )

    template = "training/course_page.html"
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.ModulePage"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("objectives")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("estimated_minutes")]),
        MultiFieldPanel(
            [FieldPanel("members_only"), FieldPanel("self_enrolment"), FieldPanel("programme")],
            heading=_("Quyền truy cập và đề án"),
        ),
    ]

    class Meta:
        verbose_name = _("Khóa học")
        verbose_name_plural = _("Khóa học")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(PAGE_CONTEXT["course"](self, request.user))
        context["share"] = share_links(self.full_url or "", self.title)
        return context


class ModulePage(TrainingPageMixin, BasePage):
    intro = models.TextField(_("Giới thiệu"), max_length=600, blank=True)

    template = "training/module_page.html"
    parent_page_types = ["training.CoursePage"]
    subpage_types = ["training.LessonPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Chương")
        verbose_name_plural = _("Chương")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.get_parent().specific
        context["lessons"] = LessonPage.objects.child_of(self).live().only("id", "title", "url_path", "path", "depth")
        return context


class LessonPage(TrainingPageMixin, BasePage):
    intro = models.TextField(_("Tóm tắt"), max_length=600, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("Nội dung bài học"), blank=True)
    estimated_minutes = models.PositiveIntegerField(_("Thời lượng (phút)"), default=15)
    required = models.BooleanField(
        _("Bắt buộc để được cấp chứng nhận"), default=True, help_text=_("Bỏ chọn với bài đọc thêm.")
    )
    package = models.ForeignKey(
        "elearning.Package",
        verbose_name=_("Gói bài giảng (SCORM, H5P)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lessons",
        help_text=_("Bài học phát gói này; học viên hoàn thành gói thì bài được tính là đã học xong."),
    )

    template = "training/lesson_page.html"
    parent_page_types = ["training.ModulePage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
        FieldPanel("package"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("Bài học")
        verbose_name_plural = _("Bài học")

    @classmethod
    def search_hidden_pages(cls):
        """Lessons of members-only courses: the site search never lists them for the public."""
        paths = list(CoursePage.objects.filter(members_only=True).values_list("path", flat=True))
        if not paths:
            return cls.objects.none()
        inside = models.Q()
        for path in paths:
            inside |= models.Q(path__startswith=path)
        return cls.objects.filter(inside)

    @cached_property
    def course(self):
        return PAGE_CONTEXT["course_of"](self)

    def serve(self, request, *args, **kwargs):
        course = self.course
        if course is not None and course.members_only and not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(PAGE_CONTEXT["lesson"](self, request.user))
        context["share"] = share_links(self.full_url or "", self.title)
        return context


VIDEO_EXTENSIONS = {"mp4", "webm", "m4v", "ogv"}


class EventMode(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")


class TrainingEventQuerySet(PageQuerySet):
    def upcoming(self, now):
        return self.filter(models.Q(ends_at__gte=now) | models.Q(ends_at__isnull=True, starts_at__gte=now)).order_by(
            "starts_at"
        )

    def past(self, now):
        return self.exclude(models.Q(ends_at__gte=now) | models.Q(ends_at__isnull=True, starts_at__gte=now)).order_by(
            "-starts_at"
        )


class TrainingEventPage(TrainingPageMixin, BasePage):
    """A training event (lớp tập huấn), in person or online."""

    starts_at = models.DateTimeField(_("Bắt đầu"))
    ends_at = models.DateTimeField(_("Kết thúc"), null=True, blank=True)
    mode = models.CharField(_("Hình thức"), max_length=20, choices=EventMode.choices, default=EventMode.IN_PERSON)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    meeting_link = models.URLField(
        _("Đường dẫn phòng họp trực tuyến"),
        blank=True,
        help_text=_("Zoom, Google Meet... Chỉ người đã đăng ký (và được duyệt, nếu cần duyệt) mới thấy đường dẫn này."),
    )
    registration_open = models.BooleanField(
        _("Nhận đăng ký"), default=False, help_text=_("Học viên đăng ký và hủy đăng ký trên trang của lớp.")
    )
    capacity = models.PositiveIntegerField(
        _("Số chỗ"), null=True, blank=True, help_text=_("Để trống nếu không giới hạn.")
    )
    registration_deadline = models.DateTimeField(_("Hạn đăng ký"), null=True, blank=True)
    requires_approval = models.BooleanField(
        _("Quản lý duyệt đăng ký"), default=False, help_text=_("Nếu chọn, đăng ký chỉ có hiệu lực khi được duyệt.")
    )
    attendance_certificate = models.BooleanField(
        _("Cấp giấy chứng nhận tham dự"),
        default=False,
        help_text=_("Người được điểm danh có mặt nhận giấy chứng nhận, tra cứu được như chứng nhận khóa học."),
    )
    recording = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp ghi hình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Video của buổi học; đặt trong một bộ sưu tập riêng tư để chỉ người đăng nhập xem được."),
    )
    recording_url = models.URLField(_("Đường dẫn bản ghi"), blank=True, help_text=_("Hoặc đường dẫn tới bản ghi."))
    organiser = models.CharField(_("Đơn vị tổ chức"), max_length=255, blank=True)
    partner = models.CharField(
        _("Đơn vị phối hợp"), max_length=255, blank=True, help_text=_("Ví dụ: Trường Chính trị tỉnh.")
    )
    audience = models.CharField(_("Đối tượng"), max_length=255, blank=True)
    participants = models.PositiveIntegerField(_("Số người tham dự"), null=True, blank=True)
    programme = models.ForeignKey(
        "training.Programme",
        verbose_name=_("Thuộc đề án"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    agenda = RichTextField(_("Chương trình"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    materials = StreamField(
        [("document", DocumentLinkBlock())], verbose_name=_("Tài liệu"), blank=True, use_json_field=True
    )

    objects = PageManager.from_queryset(TrainingEventQuerySet)()

    template = "training/training_event_page.html"
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("agenda"), index.SearchField("place")]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("place"), FieldPanel("meeting_link")], heading=_("Hình thức, địa điểm")
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("requires_approval"),
                FieldPanel("attendance_certificate"),
            ],
            heading=_("Đăng ký"),
        ),
        MultiFieldPanel([FieldPanel("recording"), FieldPanel("recording_url")], heading=_("Bản ghi buổi học")),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("partner"),
                FieldPanel("audience"),
                FieldPanel("participants"),
                FieldPanel("programme"),
            ],
            heading=_("Tổ chức"),
        ),
        FieldPanel("agenda"),
        FieldPanel("materials"),
    ]

    class Meta:
        verbose_name = _("Lớp tập huấn")
        verbose_name_plural = _("Lớp tập huấn")

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Thời gian kết thúc phải sau thời gian bắt đầu.")})
        if self.registration_deadline and self.starts_at and self.registration_deadline > self.starts_at:
            raise ValidationError({"registration_deadline": _("Hạn đăng ký phải trước giờ bắt đầu.")})
        if self.mode == EventMode.ONLINE and not self.meeting_link:
            raise ValidationError({"meeting_link": _("Lớp trực tuyến cần có đường dẫn phòng họp.")})

    @property
    def is_online(self):
        return self.mode == EventMode.ONLINE

    @property
    def has_recording(self):
        return bool(self.recording_id or self.recording_url)

    @property
    def recording_is_video(self):
        """A video file the browser plays itself (otherwise it is offered for download)."""
        return bool(self.recording_id) and self.recording.file_extension.lower() in VIDEO_EXTENSIONS

    def is_past(self, now=None):
        return (self.ends_at or self.starts_at) < (now or timezone.now())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(PAGE_CONTEXT["event"](self, request.user))
        context["is_past"] = self.is_past()
        context["share"] = share_links(self.full_url or "", self.title)
        return context
