"""Demo home page, about, contact and privacy pages, and the site settings."""

from wagtail.models import Site

from .demo_pages import child_page, default_home
from .models import SiteSettings, StandardPage

ABOUT_BODY = [
    (
        "paragraph",
        "<p>Hội Liên hiệp Phụ nữ tỉnh là tổ chức chính trị - xã hội đại diện cho quyền và lợi ích hợp pháp, "
        "chính đáng của các tầng lớp phụ nữ trong tỉnh, phấn đấu vì sự phát triển của phụ nữ và bình đẳng giới.</p>",
    ),
    ("heading", {"text": "Chức năng, nhiệm vụ", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Tuyên truyền, vận động, tập hợp phụ nữ thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước.</li>"
        "<li>Tham gia giám sát và phản biện xã hội theo quy định.</li>"
        "<li>Chăm lo, bảo vệ quyền và lợi ích hợp pháp của hội viên, phụ nữ và trẻ em.</li></ul>",
    ),
    ("heading", {"text": "Cơ cấu tổ chức", "level": "h2"}),
    (
        "paragraph",
        "<p>Ban Thường vụ gồm Chủ tịch và các Phó Chủ tịch; các ban chuyên môn: Văn phòng, Ban Tuyên giáo, "
        "Ban Tổ chức - Kiểm tra, Ban Chính sách - Luật pháp, Ban Gia đình - Xã hội.</p>",
    ),
    ("heading", {"text": "About us", "level": "h2"}),
    (
        "paragraph",
        '<p lang="en">The Provincial Women\'s Union represents the women of the province, supervises and gives '
        "social criticism on policies that affect women and children, and trains its commune-level cadres.</p>",
    ),
]

CONTACT_BODY = [
    (
        "paragraph",
        "<p>Văn phòng Hội LHPN tỉnh tiếp công dân và hội viên trong giờ hành chính, từ thứ Hai đến thứ Sáu.</p>",
    ),
    (
        "table",
        {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Danh bạ các ban",
            "data": [
                ["Đơn vị", "Điện thoại", "Thư điện tử"],
                ["Văn phòng", "0210 3 812 345", "vanphong@example.org"],
                ["Ban Chính sách - Luật pháp", "0210 3 812 346", "chinhsach@example.org"],
                ["Ban Tổ chức - Kiểm tra", "0210 3 812 347", "tochuc@example.org"],
            ],
        },
    ),
]

PRIVACY_BODY = [
    (
        "paragraph",
        "<p>Khi bạn gửi ý kiến, phản ánh hoặc bình luận, Hội chỉ dùng họ tên, số điện thoại và thư điện tử "
        "để liên hệ trả lời và xử lý nội dung bạn gửi, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.</p>",
    ),
    (
        "paragraph",
        "<p>Thông tin cá nhân chỉ cán bộ tiếp nhận được xem; không công bố, không chuyển cho bên khác ngoài cơ quan "
        "có thẩm quyền giải quyết. Sau khi vụ việc khép lại một thời gian, thông tin cá nhân được xóa, chỉ giữ số liệu thống kê.</p>",
    ),
]

ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>Hội LHPN tỉnh muốn mọi người đọc được website này, kể cả người khiếm thị, người nhìn kém, người "
        "chỉ dùng bàn phím và người dùng điện thoại cũ trên mạng chậm. Trang này nói website hỗ trợ những gì "
        "và cách báo cho chúng tôi khi gặp khó khăn.</p>",
    ),
    ("heading", {"text": "Website hỗ trợ", "level": "h2"}),
    (
        "paragraph",
        "<ul><li><b>Cỡ chữ:</b> nút A− và A+ ở đầu trang, hoặc phóng to của trình duyệt (Ctrl và +) đến 200% "
        "mà không mất nội dung.</li>"
        "<li><b>Bàn phím:</b> mọi liên kết, nút và ô nhập dùng được bằng phím Tab, Enter và Space; khung đang "
        "chọn luôn được tô rõ; liên kết “Bỏ qua, đến nội dung chính” ở đầu mỗi trang.</li>"
        "<li><b>Trình đọc màn hình:</b> trang có tiêu đề, mốc điều hướng và nhãn cho mọi ô nhập; ảnh có lời "
        "mô tả; thông báo lỗi của biểu mẫu được đọc ngay.</li>"
        "<li><b>Không cần JavaScript:</b> đọc tin, tìm kiếm, tra cứu văn bản, gửi ý kiến đều dùng được khi "
        "trình duyệt tắt JavaScript.</li>"
        "<li><b>Điện thoại:</b> mọi trang hiển thị đủ trên màn hình rộng 360 điểm ảnh; không tải phông chữ hay "
        "mã của bên thứ ba.</li>"
        "<li><b>Màu sắc:</b> độ tương phản chữ và nền đạt mức AA của WCAG 2.1.</li></ul>",
    ),
    ("heading", {"text": "Những gì còn hạn chế", "level": "h2"}),
    (
        "paragraph",
        "<p>Một số văn bản cũ chỉ có bản PDF chụp từ giấy, trình đọc màn hình không đọc được chữ; video chưa "
        "có phụ đề đầy đủ. Chúng tôi đang bổ sung dần; cần bản đọc được của văn bản nào, xin báo cho chúng tôi.</p>",
    ),
    ("heading", {"text": "Báo lỗi tiếp cận", "level": "h2"}),
    (
        "paragraph",
        '<p>Gặp trang khó đọc, nút không dùng được bằng bàn phím hay tệp không mở được, xin <a href="/gui-y-kien/">'
        "gửi ý kiến, phản ánh</a> (ghi rõ địa chỉ trang và điều bạn gặp phải), hoặc gọi đường dây nóng ở đầu "
        "trang. Chúng tôi trả lời trong 5 ngày làm việc.</p>",
    ),
]


def load(command):
    home = default_home()
    site = Site.objects.get(is_default_site=True)
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    if not home.intro:
        home.title = "Trang chủ"
        home.intro = "<p>Vì sự tiến bộ của phụ nữ và bình đẳng giới: tin tức, học tập và lắng nghe ý kiến hội viên.</p>"
        home.save_revision().publish()

    settings = SiteSettings.for_site(site)
    if not settings.address:
        settings.organisation_name = "Hội Liên hiệp Phụ nữ tỉnh"
        settings.tagline = "Đoàn kết - Sáng tạo - Bình đẳng - Phát triển"
        settings.address = "Số 12 đường Trần Hưng Đạo, thành phố trung tâm tỉnh"
        settings.hotline = "1800 1567"
        settings.phone = "0210 3 812 345"
        settings.email = "hoilhpn@example.org"
        settings.working_hours = "7h30 - 17h00, thứ Hai đến thứ Sáu"
        settings.facebook_url = "https://www.facebook.com/"
        settings.zalo_url = "https://zalo.me/"
        settings.responsible_person = "Chủ tịch Hội LHPN tỉnh"
        settings.footer_links = [
            ("link", {"title": "Hội LHPN Việt Nam", "external_url": "https://hoilhpn.org.vn/"}),
            ("link", {"title": "Cổng thông tin điện tử Chính phủ", "external_url": "https://chinhphu.vn/"}),
            ("link", {"title": "Báo Phụ nữ Việt Nam", "external_url": "https://phunuvietnam.vn/"}),
        ]
        settings.save()

    child_page(
        home,
        StandardPage,
        "gioi-thieu",
        title="Giới thiệu",
        show_in_menus=True,
        intro="Chức năng, nhiệm vụ và cơ cấu tổ chức của Hội LHPN tỉnh.",
        body=ABOUT_BODY,
    )
    child_page(
        home,
        StandardPage,
        "lien-he",
        title="Liên hệ",
        show_in_menus=True,
        intro="Địa chỉ, điện thoại và thư điện tử của các ban.",
        body=CONTACT_BODY,
    )
    child_page(
        home,
        StandardPage,
        "tro-nang",
        title="Hỗ trợ tiếp cận",
        intro="Website hỗ trợ những gì cho người khuyết tật, người dùng bàn phím và điện thoại, và cách báo lỗi.",
        body=ACCESSIBILITY_BODY,
    )
    child_page(
        home,
        StandardPage,
        "chinh-sach-bao-ve-du-lieu",
        title="Chính sách bảo vệ dữ liệu cá nhân",
        intro="Hội dùng thông tin bạn gửi như thế nào.",
        body=PRIVACY_BODY,
    )
