"""Each package the portal cannot play safely is refused with a Vietnamese message, and nothing of it is kept."""

import zipfile

import pytest

from elearning.archive import PackageRefused
from elearning.storage import inspect, unpack

from .builders import scorm_files, zip_bytes
from .conftest import as_file


def refused(data):
    with pytest.raises(PackageRefused) as caught:
        inspect(as_file(data))
    return caught.value.message


def files_under(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_valid_package_is_unpacked_into_private_storage(private_media):
    inspected = inspect(as_file(zip_bytes(scorm_files("1.2"))))
    folder, count, size = unpack(inspected)
    assert count == 3 and size > 0
    assert (private_media / folder / "index.html").is_file()
    assert (private_media / folder / "css" / "sco.css").is_file()


def test_a_package_wrapped_in_one_folder_is_read_from_inside_it(private_media):
    files = {f"goi-bai/{name}": content for name, content in scorm_files("2004").items()}
    inspected = inspect(as_file(zip_bytes(files)))
    folder, _count, _size = unpack(inspected)
    assert (private_media / folder / "imsmanifest.xml").is_file()


def test_no_manifest_is_refused():
    assert "imsmanifest.xml" in refused(zip_bytes({"index.html": "<p>xin chào</p>"}))


def test_not_a_zip_is_refused():
    assert "không phải là tệp nén" in refused(b"%PDF-1.4 not a zip")


@pytest.mark.parametrize("name", ["../evil.html", "a/../../evil.html", "/etc/evil.html", "C:/evil.html", "a\\..\\evil"])
def test_entries_escaping_the_folder_are_refused(name):
    files = [*scorm_files("1.2").items(), (name, "<script>alert(1)</script>")]
    assert "ngoài thư mục" in refused(zip_bytes(files))


def test_a_symbolic_link_is_refused():
    files = scorm_files("1.2")
    data = zip_bytes(files)
    import io

    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        link = zipfile.ZipInfo("link")
        link.external_attr = (0o120777 << 16) | 0x20
        archive.writestr(link, "/etc/passwd")
    assert "liên kết tượng trưng" in refused(buffer.getvalue())


def test_a_zip_bomb_is_refused():
    files = {**scorm_files("1.2"), "video/zeros.bin": b"\0" * (8 * 1024 * 1024)}
    assert "bom nén" in refused(zip_bytes(files))


def test_too_many_files_are_refused(settings):
    settings.PACKAGE_MAX_FILES = 5
    files = {**scorm_files("1.2"), **{f"img/{n}.txt": "x" for n in range(5)}}
    assert "quá nhiều tệp" in refused(zip_bytes(files))


def test_too_large_once_unpacked_is_refused(settings):
    settings.PACKAGE_MAX_UNPACKED_BYTES = 50_000
    files = {**scorm_files("1.2"), "media/big.bin": bytes(range(256)) * 400}
    assert "quá lớn khi giải nén" in refused(zip_bytes(files, compression=zipfile.ZIP_STORED))


def test_sizes_are_counted_while_unpacking_whatever_the_header_says(settings, private_media):
    inspected = inspect(as_file(zip_bytes({**scorm_files("1.2"), "media/big.bin": bytes(range(256)) * 400})))
    settings.PACKAGE_MAX_UNPACKED_BYTES = 50_000  # lower than what the check saw: the unpacking counts again
    with pytest.raises(PackageRefused, match="quá lớn"):
        unpack(inspected)
    assert files_under(private_media) == []


def test_an_unsupported_version_is_refused():
    files = scorm_files("1.2")
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace("<schemaversion>1.2<", "<schemaversion>CAM 1.0<")
    assert "chỉ nhận SCORM 1.2 và SCORM 2004" in refused(zip_bytes(files))


def test_a_launch_file_missing_from_the_package_is_refused():
    files = scorm_files("1.2")
    del files["index.html"]
    assert "không có trong gói" in refused(zip_bytes(files))


def test_an_h5p_package_without_content_is_refused():
    assert "content/content.json" in refused(zip_bytes({"h5p.json": '{"mainLibrary": "H5P.X"}'}))


def damaged(data, name):
    """``data`` with the compressed bytes of entry ``name`` overwritten (a broken download, a bad disk)."""
    import io
    import struct

    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(name)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    data[start : start + info.compress_size] = b"\xff" * info.compress_size  # an invalid deflate block
    return bytes(data)


@pytest.mark.parametrize("name", ["imsmanifest.xml", "index.html"])
def test_a_damaged_entry_is_refused_with_its_name(private_media, name):
    data = damaged(zip_bytes(scorm_files("1.2")), name)
    with pytest.raises(PackageRefused) as caught:
        unpack(inspect(as_file(data)))
    assert name in caught.value.message and "bị hỏng" in caught.value.message
    assert files_under(private_media) == []
