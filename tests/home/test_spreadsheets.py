import io

from openpyxl import load_workbook

from home.spreadsheets import Spreadsheet, safe_cell, safe_title


def test_text_that_a_spreadsheet_would_run_as_a_formula_stays_text():
    for text in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Hội LHPN xã") == "Hội LHPN xã"
    assert safe_cell(12) == 12 and safe_cell(None) is None


def test_sheet_titles_lose_the_characters_excel_refuses():
    assert safe_title("Kỹ năng giám sát: phần 1") == "Kỹ năng giám sát- phần 1"
    for character in ":?*[]\\/":
        title = safe_title(f"a{character}b")
        assert title == "a-b"
    assert safe_title("'trích dẫn'") == "trích dẫn"
    assert safe_title("???")  # never empty


def test_sheet_titles_are_at_most_31_characters_and_unique():
    long = "Kỹ năng giám sát và phản biện xã hội cho cán bộ Hội cơ sở"
    spreadsheet = Spreadsheet()
    for _ in range(3):
        spreadsheet.sheet(long)
    spreadsheet.sheet("KỸ NĂNG")
    spreadsheet.sheet("kỹ năng")
    titles = load_workbook(io.BytesIO(spreadsheet.to_bytes())).sheetnames
    assert len(titles) == 5 and len({title.casefold() for title in titles}) == 5
    assert all(len(title) <= 31 for title in titles)
    assert titles[0] == long[:31] and titles[1].endswith(" (2)") and titles[2].endswith(" (3)")


def test_the_response_is_an_xlsx_attachment():
    spreadsheet = Spreadsheet()
    spreadsheet.sheet("Tổng hợp").append(["=1+1", 3])
    response = spreadsheet.response("bao-cao.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert (sheet["A1"].value, sheet["B1"].value) == ("'=1+1", 3)
