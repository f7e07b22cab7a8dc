"""What a package says about itself: ``imsmanifest.xml`` (SCORM 1.2 and 2004) and ``h5p.json`` (H5P).

The XML is read with defusedxml (no entities, no external references). Elements are matched by their
local name: authoring tools write the same manifest with different namespace prefixes."""

import json
import posixpath
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from .archive import PackageRefused, safe_name

SCORM_12 = "scorm12"
SCORM_2004 = "scorm2004"
H5P = "h5p"


@dataclass(frozen=True)
class PackageInfo:
    kind: str  # SCORM_12, SCORM_2004 or H5P
    title: str
    launch: str  # path of the launch file inside the package (SCORM) or "" (H5P)
    mastery_score: Decimal | None  # 0-100, None when the package sets none
    version_label: str
    libraries: tuple = ()  # H5P: the library folders the content needs ("H5P.X-1.0")


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element, name):
    return [child for child in element if local(child.tag) == name]


def first(element, name):
    found = children(element, name)
    return found[0] if found else None


def descendants(element, name):
    return [node for node in element.iter() if local(node.tag) == name]


def attribute(element, name):
    for key, value in element.attrib.items():
        if local(key) == name or key.rsplit(":", 1)[-1] == name:
            return value
    return None


def text_of(element):
    return " ".join((element.text or "").split()) if element is not None else ""


def scorm_version(root):
    """SCORM_12 or SCORM_2004 from ``metadata/schemaversion`` (and the namespaces when it is missing)."""
    metadata = first(root, "metadata")
    version = text_of(first(metadata, "schemaversion")) if metadata is not None else ""
    if version == "1.2":
        return SCORM_12, "SCORM 1.2"
    if version.startswith("2004") or version == "CAM 1.3":
        return SCORM_2004, f"SCORM {version}"
    if not version:
        namespaces = " ".join(node.tag for node in root.iter() if isinstance(node.tag, str))
        if "adlcp_rootv1p2" in namespaces or "imscp_rootv1p1p2" in namespaces:
            return SCORM_12, "SCORM 1.2"
        if "adlcp_v1p3" in namespaces:
            return SCORM_2004, "SCORM 2004"
    raise PackageRefused(
        _("Phiên bản gói \u201c%(version)s\u201d không được hỗ trợ; chỉ nhận SCORM 1.2 và SCORM 2004.")
        % {"version": (version or _("không rõ"))[:60]}
    )


def default_organization(root):
    organizations = first(root, "organizations")
    if organizations is None:
        return None
    wanted = attribute(organizations, "default")
    found = children(organizations, "organization")
    return next((org for org in found if org.get("identifier") == wanted), found[0] if found else None)


def first_sco_item(organization, resources):
    """The first item (in document order) whose resource has a launch file."""
    for item in descendants(organization, "item"):
        ref = item.get("identifierref")
        if ref and ref in resources and resources[ref].get("href"):
            return item, resources[ref]
    return None, None


def mastery(item, kind):
    """The mastery score as a percentage: ``adlcp:masteryscore`` (1.2, 0-100) or the primary
    objective's ``minNormalizedMeasure`` when it satisfies by measure (2004, 0-1)."""
    try:
        if kind == SCORM_12:
            node = first(item, "masteryscore")
            return Decimal(text_of(node)) if node is not None and text_of(node) else None
        for objective in descendants(item, "primaryObjective"):
            if (attribute(objective, "satisfiedByMeasure") or "").lower() == "true":
                measure = first(objective, "minNormalizedMeasure")
                return Decimal(text_of(measure) or "1.0") * 100 if measure is not None else Decimal(100)
    except InvalidOperation:
        raise PackageRefused(_("Điểm đạt trong tệp imsmanifest.xml không phải là một con số.")) from None
    return None


def read_scorm_manifest(data):
    """``PackageInfo`` from the bytes of ``imsmanifest.xml``; PackageRefused when it cannot be played."""
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        raise PackageRefused(_("Tệp imsmanifest.xml không đọc được (XML không hợp lệ).")) from None
    if local(root.tag) != "manifest":
        raise PackageRefused(_("Tệp imsmanifest.xml không có phần tử manifest."))
    kind, label = scorm_version(root)
    resources = {res.get("identifier"): res for res in descendants(root, "resource")}
    organization = default_organization(root)
    item, resource = first_sco_item(organization, resources) if organization is not None else (None, None)
    if resource is None:  # a package without organizations: its first resource with a file
        resource = next((res for res in resources.values() if res.get("href")), None)
    if resource is None:
        raise PackageRefused(_("Tệp imsmanifest.xml không chỉ ra tệp khởi chạy của bài học."))
    base = resource.get(next((k for k in resource.attrib if local(k) == "base"), ""), "") or ""
    launch_raw, _sep, _query = posixpath.join(base, resource.get("href")).partition("?")
    launch = safe_name(launch_raw)
    if launch is None:
        raise PackageRefused(_("Tệp khởi chạy trong imsmanifest.xml nằm ngoài thư mục của gói."))
    title = text_of(first(organization, "title")) if organization is not None else ""
    if not title and item is not None:
        title = text_of(first(item, "title"))
    score = mastery(item, kind) if item is not None else None
    if score is not None and not Decimal(0) <= score <= Decimal(100):
        raise PackageRefused(_("Điểm đạt trong tệp imsmanifest.xml phải từ 0 đến 100."))
    return PackageInfo(kind=kind, title=title[:255], launch=launch, mastery_score=score, version_label=label)


def read_h5p_json(data):
    """``PackageInfo`` from the bytes of ``h5p.json``."""
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[...]]]] nested too deep
        raise PackageRefused(_("Tệp h5p.json không đọc được (JSON không hợp lệ).")) from None
    if not isinstance(meta, dict) or not isinstance(meta.get("mainLibrary"), str):
        raise PackageRefused(_("Tệp h5p.json không nêu thư viện chính (mainLibrary)."))
    title = meta.get("title") if isinstance(meta.get("title"), str) else ""
    libraries = []
    for dependency in meta.get("preloadedDependencies") or []:
        try:
            libraries.append(
                f"{dependency['machineName']}-{int(dependency['majorVersion'])}.{int(dependency['minorVersion'])}"
            )
        except (KeyError, TypeError, ValueError):
            raise PackageRefused(_("Tệp h5p.json ghi sai một thư viện cần dùng.")) from None
    return PackageInfo(
        kind=H5P, title=title[:255], launch="", mastery_score=None, version_label="H5P", libraries=tuple(libraries)
    )
