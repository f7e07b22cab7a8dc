"""The JSON suggestions behind the header search box."""


def suggest(client, query):
    response = client.get("/tim-kiem/goi-y/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_unaccented_prefix_suggests_accented_titles_with_matches_marked(client, make_page):
    page = make_page("Kỹ năng giám sát cộng đồng")
    make_page("Hội nghị tổng kết")
    data = suggest(client, "giam s")
    assert data["query"] == "giam s"
    [item] = data["results"]
    assert item["title"] == "Kỹ năng giám sát cộng đồng"
    assert item["url"] == page.url
    assert item["group"] == "Trang thông tin"
    assert item["segments"] == [
        {"text": "Kỹ năng ", "match": False},
        {"text": "giám", "match": True},
        {"text": " ", "match": False},
        {"text": "sát", "match": True},
        {"text": " cộng đồng", "match": False},
    ]


def test_titles_are_plain_text_for_the_script_to_insert_safely(client, make_page):
    make_page("<img src=x onerror=alert(1)> đào tạo")
    [item] = suggest(client, "dao tao")["results"]
    assert item["title"].startswith("<img")  # JSON text, inserted with textContent, never as HTML


def test_one_letter_gives_no_suggestions(client, make_page):
    make_page("Đào tạo")
    assert suggest(client, "đ")["results"] == []


def test_at_most_six_suggestions(client, make_page):
    for number in range(9):
        make_page(f"Đào tạo đợt {number}")
    assert len(suggest(client, "dao")["results"]) == 6


def test_suggestions_are_not_cached_by_browsers(client, db):
    response = client.get("/tim-kiem/goi-y/", {"q": "dao"})
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
