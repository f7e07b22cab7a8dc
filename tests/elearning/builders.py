"""Small SCORM 1.2, SCORM 2004 and H5P packages, written by the tests themselves (never downloaded).

The SCORM content is a two-question page that speaks the SCORM API the way authoring tools do: it
finds ``API`` / ``API_1484_11`` in a parent window, restores its place from ``lesson_location`` and
``suspend_data``, commits after each answer, and suspends or finishes."""

import io
import json
import zipfile
from pathlib import Path

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.hlhpn.giamsat" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>{title}</title>
      <item identifier="ITEM-1" identifierref="RES-1">
        <title>Bài giảng</title>
        {mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="{launch}">
      <file href="{launch}"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.hlhpn.phanbien" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>{title}</title>
      <item identifier="ITEM-1" identifierref="RES-1">
        <title>Bài giảng</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="PRIMARY" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-1" type="webcontent" adlcp:scormType="sco" href="{launch}">
      <file href="{launch}"/>
    </resource>
  </resources>
</manifest>
"""

# The same page for both versions; SCORM picks the element names (a str.format template: {{ }} are braces).
SCO_PAGE = (Path(__file__).parent / "sco_page.html").read_text(encoding="utf-8")


def zip_bytes(files, *, compression=zipfile.ZIP_DEFLATED):
    """A zip of ``files`` (name -> bytes or str, or a ZipInfo-name -> bytes pair list)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items() if isinstance(files, dict) else files:
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def scorm_files(version="1.2", *, title="Giám sát cộng đồng", mastery=80, score=90, launch="index.html"):
    if version == "1.2":
        manifest = MANIFEST_12.format(
            title=title,
            launch=launch,
            mastery=f"<adlcp:masteryscore>{mastery}</adlcp:masteryscore>" if mastery is not None else "",
        )
    else:
        manifest = MANIFEST_2004.format(title=title, launch=launch, measure=(mastery or 0) / 100)
    return {
        "imsmanifest.xml": manifest,
        launch: SCO_PAGE.format(version=version, score=score),
        "css/sco.css": "body { font-family: sans-serif; }",
    }


def scorm_zip(version="1.2", **kwargs):
    return zip_bytes(scorm_files(version, **kwargs))


H5P_LIBRARY = {
    "title": "Câu hỏi Hội",
    "machineName": "H5P.HoiQuestion",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 0,
    "runnable": 1,
    "preloadedJs": [{"path": "question.js"}],
    "preloadedCss": [{"path": "question.css"}],
}


def h5p_files(title="Câu hỏi về giám sát"):
    library = Path(__file__).with_name("h5p_library")
    return {
        "h5p.json": json.dumps(
            {
                "title": title,
                "language": "vi",
                "mainLibrary": "H5P.HoiQuestion",
                "embedTypes": ["div"],
                "preloadedDependencies": [{"machineName": "H5P.HoiQuestion", "majorVersion": 1, "minorVersion": 0}],
            }
        ),
        "content/content.json": json.dumps({"question": "Ai giám sát chính quyền cơ sở?", "answer": "Hội viên"}),
        "H5P.HoiQuestion-1.0/library.json": json.dumps(H5P_LIBRARY),
        "H5P.HoiQuestion-1.0/question.js": (library / "question.js").read_text() if library.exists() else "",
        "H5P.HoiQuestion-1.0/question.css": ".hoi-question { padding: 1rem; }",
    }


def h5p_zip(**kwargs):
    return zip_bytes(h5p_files(**kwargs))
