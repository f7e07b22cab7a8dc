from decimal import Decimal

import pytest

from elearning.archive import PackageRefused
from elearning.manifest import H5P, SCORM_12, SCORM_2004, read_h5p_json, read_scorm_manifest

from .builders import h5p_files, scorm_files


def manifest(version, **kwargs):
    return scorm_files(version, **kwargs)["imsmanifest.xml"].encode()


def test_scorm_12_manifest_gives_title_launch_file_and_mastery_score():
    info = read_scorm_manifest(manifest("1.2", title="Giám sát cộng đồng", mastery=80, launch="sco/index.html"))
    assert (info.kind, info.title, info.launch, info.mastery_score) == (
        SCORM_12,
        "Giám sát cộng đồng",
        "sco/index.html",
        Decimal(80),
    )


def test_scorm_2004_manifest_reads_the_primary_objectives_measure_as_mastery():
    info = read_scorm_manifest(manifest("2004", title="Phản biện xã hội", mastery=75))
    assert (info.kind, info.title, info.mastery_score, info.version_label) == (
        SCORM_2004,
        "Phản biện xã hội",
        Decimal("75.00"),
        "SCORM 2004 4th Edition",
    )


def test_a_manifest_without_mastery_score_has_none():
    assert read_scorm_manifest(manifest("1.2", mastery=None)).mastery_score is None


def test_an_unsupported_version_is_refused_in_vietnamese():
    data = manifest("1.2").replace(b"<schemaversion>1.2</schemaversion>", b"<schemaversion>1.1</schemaversion>")
    with pytest.raises(PackageRefused, match="không được hỗ trợ"):
        read_scorm_manifest(data)


def test_xml_entities_are_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><manifest>&a;</manifest>'
    with pytest.raises(PackageRefused, match="XML không hợp lệ"):
        read_scorm_manifest(bomb)


def test_a_launch_file_outside_the_package_is_refused():
    with pytest.raises(PackageRefused, match="ngoài thư mục"):
        read_scorm_manifest(manifest("1.2", launch="../../etc/passwd"))


def test_h5p_json_gives_the_title():
    info = read_h5p_json(h5p_files(title="Câu hỏi về giám sát")["h5p.json"].encode())
    assert (info.kind, info.title) == (H5P, "Câu hỏi về giám sát")


def test_an_h5p_json_nested_too_deep_is_refused_in_vietnamese():
    with pytest.raises(PackageRefused, match="JSON không hợp lệ"):
        read_h5p_json(b"[" * 50_000 + b"]" * 50_000)


def test_h5p_json_without_main_library_is_refused():
    with pytest.raises(PackageRefused, match="mainLibrary"):
        read_h5p_json(b'{"title": "x"}')
