from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.text import fold_vi


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Hội LHPN tỉnh")
    COMMUNE = "commune", _("Hội LHPN xã, phường")
    BRANCH = "branch", _("Chi hội")


# Which kind of unit may sit directly under which.
ALLOWED_PARENT_KIND = {
    UnitKind.PROVINCE: None,
    UnitKind.COMMUNE: UnitKind.PROVINCE,
    UnitKind.BRANCH: UnitKind.COMMUNE,
}


class OrganisationUnitQuerySet(models.QuerySet):
    def tree_order(self):
        return self.select_related("parent").order_by("sort_path")


class OrganisationUnit(models.Model):
    """A node of the union's tree: province union > commune/ward union > branch."""

    name = models.CharField(_("Tên đơn vị"), max_length=200)
    kind = models.CharField(_("Cấp"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Address, phone, e-mail, chair and hours are public: the directory of grassroots unions shows them.
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(
        _("Điện thoại"),
        max_length=30,
        blank=True,
        help_text=_("Số của cơ quan, hiện công khai trong danh bạ cơ sở Hội: không ghi số điện thoại cá nhân."),
    )
    email = models.EmailField(_("Thư điện tử"), blank=True)
    chair = models.CharField(
        _("Chủ tịch, chi hội trưởng"),
        max_length=150,
        blank=True,
        help_text=_("Họ tên người đứng đầu đơn vị, hiện công khai trong danh bạ cơ sở Hội."),
    )
    working_hours = models.CharField(
        _("Giờ làm việc"), max_length=200, blank=True, help_text=_("Ví dụ: 7h30 - 17h00, thứ Hai đến thứ Sáu.")
    )
    # Folded names of the ancestors and the unit itself, joined: keeps the tree order in one ORDER BY.
    sort_path = models.CharField(max_length=1000, editable=False, db_index=True, default="")

    objects = OrganisationUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("Đơn vị")
        verbose_name_plural = _("Đơn vị")
        ordering = ["sort_path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_unit_name_per_parent"),
        ]

    def __str__(self):
        return self.name

    @property
    def depth(self):
        return {UnitKind.PROVINCE: 0, UnitKind.COMMUNE: 1, UnitKind.BRANCH: 2}.get(self.kind, 0)

    def clean(self):
        expected = ALLOWED_PARENT_KIND.get(self.kind)
        parent_kind = self.parent.kind if self.parent_id else None
        if expected != parent_kind:
            if expected is None:
                raise ValidationError({"parent": _("Hội LHPN tỉnh là cấp cao nhất, không trực thuộc đơn vị nào.")})
            raise ValidationError(
                {
                    "parent": _("%(kind)s phải trực thuộc một %(parent)s.")
                    % {"kind": UnitKind(self.kind).label, "parent": UnitKind(expected).label}
                }
            )
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Một đơn vị không thể trực thuộc chính nó.")})
            ancestor = ancestor.parent

    def compute_sort_path(self):
        prefix = f"{self.parent.sort_path}/" if self.parent_id else ""
        return f"{prefix}{fold_vi(self.name)}"[:1000]

    def save(self, *args, **kwargs):
        self.sort_path = self.compute_sort_path()
        super().save(*args, **kwargs)
        for child in self.children.all():
            child.save()

    def descendant_ids(self):
        """Ids of this unit and everything below it (one query per level, at most three levels)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(OrganisationUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids.extend(frontier)
        return ids


class User(AbstractUser):
    """A person who signs in: staff in the admin or a learner on the front end."""

    full_name = models.CharField(_("Họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True)
    position = models.CharField(_("Chức vụ"), max_length=150, blank=True)
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("Đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )

    class Meta:
        verbose_name = _("Người dùng")
        verbose_name_plural = _("Người dùng")

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.get_username()

    def __str__(self):
        return self.get_full_name()
