"""Demo news: the news index at /tin-tuc/, six categories and thirteen articles written for the demo."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from home.demo_images import get_or_create_demo_image
from home.demo_pages import child_page, default_home

from .models import NewsArticlePage, NewsCategory, NewsIndexPage

CATEGORIES = [
    ("Giám sát, phản biện xã hội", "Hội tham gia giám sát việc thực hiện chính sách và góp ý dự thảo văn bản."),
    ("Phụ nữ phát triển kinh tế", "Tổ hợp tác, mô hình sinh kế và vốn vay giúp phụ nữ làm chủ kinh tế."),
    ("Bình đẳng giới", "Tuyên truyền, vận động thực hiện Luật Bình đẳng giới trong gia đình và cộng đồng."),
    ("Phòng, chống bạo lực gia đình", "Địa chỉ tin cậy, nhóm phòng chống bạo lực và hỗ trợ người bị bạo lực."),
    ("Đào tạo cán bộ", "Bồi dưỡng kỹ năng cho cán bộ Hội cơ sở và chi hội trưởng."),
    ("Môi trường, an toàn thực phẩm", "Phụ nữ giữ gìn môi trường sống và bữa ăn an toàn cho gia đình."),
]

PLAN_TEXT = """KẾ HOẠCH GIÁM SÁT CHUYÊN ĐỀ NĂM 2024
Hội Liên hiệp Phụ nữ tỉnh

1. Nội dung: việc thực hiện chính sách hỗ trợ phụ nữ sinh con đúng chính sách dân số tại 6 xã.
2. Hình thức: giám sát trực tiếp, kết hợp nghiên cứu báo cáo và lấy ý kiến hội viên.
3. Thời gian: tháng 9 và tháng 10 năm 2024.
4. Thành phần đoàn: Thường trực Hội LHPN tỉnh, Ban Chính sách - Luật pháp, đại diện Hội LHPN cấp xã.
5. Sau giám sát: tổng hợp kiến nghị gửi cơ quan có thẩm quyền và theo dõi kết quả giải quyết.
"""

GUIDE_TEXT = """HƯỚNG DẪN NHANH: KHI GẶP BẠO LỰC GIA ĐÌNH
- Gọi ngay đường dây nóng 1800 1567 (miễn phí) hoặc 113.
- Tìm đến "Địa chỉ tin cậy" gần nhất tại thôn, tổ dân phố.
- Giữ lại bằng chứng: tin nhắn, hình ảnh thương tích, giấy khám bệnh.
- Chi hội phụ nữ sẽ cùng bạn liên hệ công an xã và cơ sở y tế.
Mọi thông tin của bạn được giữ kín.
"""


def p(*paragraphs):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]


def heading(text):
    return [("heading", {"text": text, "level": "h2"})]


def quote(text, attribution):
    return [("quote", {"text": text, "attribution": attribution})]


def image(title, seed, caption, credit="Ảnh: Ban Tuyên giáo"):
    picture = get_or_create_demo_image(title, seed=seed)
    return [("image", {"image": picture, "alt_text": caption, "caption": caption, "credit": credit})]


def table(caption, rows):
    return [
        (
            "table",
            {"first_row_is_table_header": True, "first_col_is_header": False, "table_caption": caption, "data": rows},
        )
    ]


def document(title, filename, text):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is None:
        existing = Document(title=title)
        existing.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
        existing.save()
    return [("document", {"document": existing, "title": title})]


def articles():
    """(title, slug, categories, tags, days ago, hour, featured, author, lead, body builder)."""
    return [
        (
            "Phụ nữ chủ động giám sát chính sách hỗ trợ người lao động nữ",
            "phu-nu-chu-dong-giam-sat-chinh-sach-ho-tro-lao-dong-nu",
            ["Giám sát, phản biện xã hội"],
            ["giám sát", "lao động nữ"],
            3,
            9,
            True,
            "Minh Thư",
            "Đoàn giám sát của Hội LHPN tỉnh đã làm việc tại ba doanh nghiệp trong khu công nghiệp, lắng nghe "
            "công nhân nữ nói về nhà trẻ, chế độ thai sản và giờ làm thêm.",
            lambda: [
                *p(
                    "Trong hai ngày, đoàn giám sát do Phó Chủ tịch Hội LHPN tỉnh làm trưởng đoàn đã đến ba doanh "
                    "nghiệp may mặc và điện tử, nơi có gần 4.000 lao động nữ. Đoàn đối chiếu báo cáo của doanh "
                    "nghiệp với ý kiến trực tiếp của công nhân tại các buổi trao đổi không có mặt người quản lý.",
                    "Phần lớn doanh nghiệp đã thực hiện đúng chế độ nghỉ thai sản và khám sức khỏe định kỳ. Tuy "
                    "vậy, nhiều chị em cho biết khó gửi con nhỏ vì nhóm trẻ gần khu công nghiệp đóng cửa sớm hơn giờ tan ca.",
                ),
                *image(
                    "Đoàn giám sát làm việc tại doanh nghiệp",
                    101,
                    "Đoàn giám sát trao đổi với công nhân nữ giờ nghỉ trưa.",
                ),
                *heading("Kiến nghị sau giám sát"),
                *p(
                    "Đoàn kiến nghị doanh nghiệp phối hợp với chính quyền xã mở thêm lớp trông trẻ ngoài giờ, công "
                    "khai cách tính tiền làm thêm và bố trí phòng vắt trữ sữa cho lao động nữ đang nuôi con nhỏ."
                ),
                *quote(
                    "Giám sát không phải để bắt lỗi mà để chính sách đến được với người lao động nữ một cách đầy đủ nhất.",
                    "Phó Chủ tịch Hội LHPN tỉnh",
                ),
                *document("Kế hoạch giám sát chuyên đề năm 2024", "ke-hoach-giam-sat-2024.txt", PLAN_TEXT),
            ],
        ),
        (
            "Góp ý dự thảo quy định về hỗ trợ phụ nữ khởi nghiệp",
            "gop-y-du-thao-quy-dinh-ho-tro-phu-nu-khoi-nghiep",
            ["Giám sát, phản biện xã hội", "Phụ nữ phát triển kinh tế"],
            ["phản biện xã hội", "khởi nghiệp"],
            9,
            14,
            False,
            "Thanh Hà",
            "Hội nghị phản biện xã hội với sự tham gia của các nữ chủ doanh nghiệp, tổ hợp tác và luật gia đã "
            "đưa ra mười hai ý kiến cho dự thảo quy định của tỉnh.",
            lambda: [
                *p(
                    "Các đại biểu đề nghị mở rộng đối tượng được hỗ trợ sang hộ kinh doanh do phụ nữ làm chủ, vì "
                    "phần lớn phụ nữ nông thôn khởi nghiệp từ quy mô hộ gia đình chứ chưa thành lập doanh nghiệp.",
                    "Nhiều ý kiến cũng đề nghị đơn giản hóa hồ sơ vay vốn và cho phép nộp hồ sơ trực tuyến qua Cổng dịch vụ công.",
                ),
                *table(
                    "Tổng hợp ý kiến góp ý theo nhóm nội dung",
                    [
                        ["Nhóm nội dung", "Số ý kiến", "Được tiếp thu"],
                        ["Đối tượng hỗ trợ", "4", "3"],
                        ["Thủ tục, hồ sơ", "5", "5"],
                        ["Mức hỗ trợ", "3", "1"],
                    ],
                ),
                *p(
                    "Hội LHPN tỉnh sẽ tiếp tục theo dõi việc tiếp thu, giải trình các ý kiến này trước khi văn bản được ban hành."
                ),
            ],
        ),
        (
            "Tổ hợp tác may mặc giúp hơn 40 chị em có việc làm tại chỗ",
            "to-hop-tac-may-mac-giup-chi-em-co-viec-lam",
            ["Phụ nữ phát triển kinh tế"],
            ["tổ hợp tác", "sinh kế"],
            14,
            8,
            True,
            "Hoài Minh",
            "Từ năm chiếc máy may đầu tiên, tổ hợp tác do Hội phụ nữ xã Hòa Bình hỗ trợ thành lập nay đã nhận "
            "gia công cho hai công ty, thu nhập bình quân mỗi thành viên khoảng 6 triệu đồng một tháng.",
            lambda: [
                *p(
                    "Chị Lò Thị Xuân, tổ trưởng, kể rằng trước đây phần lớn chị em trong thôn phải đi làm thuê xa "
                    "nhà. Khi có tổ hợp tác, các chị vừa có thu nhập ổn định vừa đưa đón được con đi học.",
                    "Hội LHPN xã đã giúp tổ xây dựng phương án vay vốn ưu đãi, kết nối với doanh nghiệp đặt hàng và "
                    "tổ chức lớp học may nâng cao do công nhân lành nghề hướng dẫn.",
                ),
                *image("Tổ hợp tác may mặc xã Hòa Bình", 102, "Thành viên tổ hợp tác may mặc trong giờ làm việc."),
                *table(
                    "Kết quả hoạt động của tổ hợp tác",
                    [
                        ["Năm", "Thành viên", "Doanh thu (triệu đồng)"],
                        ["2022", "12", "380"],
                        ["2023", "27", "960"],
                        ["2024", "43", "1.650"],
                    ],
                ),
            ],
        ),
        (
            "Chương trình vốn vay giúp phụ nữ nghèo thoát nghèo bền vững",
            "von-vay-giup-phu-nu-ngheo-thoat-ngheo",
            ["Phụ nữ phát triển kinh tế"],
            ["vốn vay", "giảm nghèo"],
            21,
            10,
            False,
            "Lan Anh",
            "Qua kênh ủy thác của Hội, hơn 9.000 hộ phụ nữ đang được vay vốn ưu đãi với dư nợ trên 450 tỷ đồng, "
            "tỷ lệ nợ quá hạn thấp nhờ các tổ tiết kiệm và vay vốn sinh hoạt đều đặn.",
            lambda: [
                *p(
                    "Mỗi tổ tiết kiệm và vay vốn họp hằng tháng để các thành viên cùng chia sẻ cách làm ăn, nhắc nhau "
                    "trả lãi đúng hạn. Cán bộ Hội cơ sở đến từng hộ để kiểm tra việc sử dụng vốn đúng mục đích.",
                    "Nhiều hộ đã đầu tư nuôi bò sinh sản, trồng cây ăn quả và mở cửa hàng tạp hóa nhỏ, có thu nhập ổn định.",
                ),
                *quote(
                    "Có vốn rồi, điều quan trọng là chị em được hướng dẫn cách làm và có người đồng hành.",
                    "Chủ tịch Hội LHPN xã Đồng Tâm",
                ),
            ],
        ),
        (
            "Sân khấu hóa tuyên truyền Luật Bình đẳng giới ở thôn bản",
            "san-khau-hoa-tuyen-truyen-luat-binh-dang-gioi",
            ["Bình đẳng giới"],
            ["bình đẳng giới", "tuyên truyền"],
            6,
            19,
            True,
            "Thu Trang",
            "Những tiểu phẩm về chia sẻ việc nhà, cho con gái đi học tiếp và cùng bàn việc lớn trong gia đình đã "
            "thu hút hàng trăm người dân đến xem tại nhà văn hóa thôn.",
            lambda: [
                *p(
                    "Các tiểu phẩm do chính hội viên phụ nữ và nam giới trong thôn dàn dựng, lấy chất liệu từ câu "
                    "chuyện có thật ở địa phương nên người xem dễ hiểu, dễ nhớ.",
                    "Xen giữa các tiết mục là phần đố vui về Luật Bình đẳng giới, người trả lời đúng được tặng quà.",
                ),
                *image(
                    "Tiểu phẩm về bình đẳng giới", 103, "Tiểu phẩm “Việc nhà là việc chung” tại nhà văn hóa thôn Đông."
                ),
                *quote(
                    "Xem xong, tôi về nhà cùng vợ nấu cơm, đưa con đi học. Việc nhà đâu phải của riêng ai.",
                    "Anh Vàng A Dinh, thôn Đông",
                ),
            ],
        ),
        (
            "Nam giới cùng tham gia câu lạc bộ “Người cha trách nhiệm”",
            "nam-gioi-tham-gia-cau-lac-bo-nguoi-cha-trach-nhiem",
            ["Bình đẳng giới"],
            ["bình đẳng giới", "gia đình"],
            27,
            15,
            False,
            "Hoài Minh",
            "Câu lạc bộ ra mắt tại phường Trung Tâm với 35 thành viên là các ông bố trẻ, sinh hoạt mỗi tháng một "
            "lần về chăm sóc con nhỏ và chia sẻ việc nhà.",
            lambda: p(
                "Mỗi buổi sinh hoạt có một chủ đề: tắm cho trẻ sơ sinh, nấu bữa ăn đủ chất, nói chuyện với con tuổi "
                "mới lớn. Các thành viên được khuyến khích kể lại thay đổi của chính gia đình mình.",
                "Hội LHPN phường phối hợp với trạm y tế và Đoàn Thanh niên duy trì câu lạc bộ, hướng tới nhân rộng "
                "ra các tổ dân phố khác trong năm tới.",
            ),
        ),
        (
            "Ra mắt thêm 15 “Địa chỉ tin cậy” phòng, chống bạo lực gia đình",
            "ra-mat-them-dia-chi-tin-cay",
            ["Phòng, chống bạo lực gia đình"],
            ["địa chỉ tin cậy", "bạo lực gia đình"],
            2,
            16,
            True,
            "Ngọc Mai",
            "Các địa chỉ tin cậy là nhà của những người có uy tín trong thôn, sẵn sàng tạm lánh và hỗ trợ phụ nữ, "
            "trẻ em khi bị bạo lực, đồng thời báo kịp thời cho chính quyền.",
            lambda: [
                *p(
                    "Mỗi địa chỉ tin cậy được gắn biển, có số điện thoại của công an xã, trạm y tế và Hội phụ nữ. "
                    "Chủ nhà được tập huấn cách tiếp nhận, giữ bí mật thông tin và hỗ trợ ban đầu.",
                ),
                *image("Gắn biển địa chỉ tin cậy", 104, "Gắn biển “Địa chỉ tin cậy” tại thôn Tây."),
                *document(
                    "Hướng dẫn nhanh khi gặp bạo lực gia đình", "huong-dan-khi-gap-bao-luc-gia-dinh.txt", GUIDE_TEXT
                ),
            ],
        ),
        (
            "Nhóm phòng, chống bạo lực gia đình hòa giải thành công nhiều vụ việc",
            "nhom-phong-chong-bao-luc-gia-dinh-hoa-giai",
            ["Phòng, chống bạo lực gia đình"],
            ["bạo lực gia đình", "hòa giải"],
            40,
            9,
            False,
            "Ngọc Mai",
            "Trong sáu tháng, các nhóm phòng chống bạo lực gia đình ở cơ sở đã tiếp nhận 28 vụ việc, hòa giải "
            "thành công 23 vụ và chuyển 5 vụ đến cơ quan chức năng.",
            lambda: [
                *p(
                    "Thành viên nhóm gồm chi hội trưởng phụ nữ, trưởng thôn, công an viên và người cao tuổi có uy tín. "
                    "Nhóm đến tận nhà để nắm tình hình khi có dấu hiệu mâu thuẫn, không đợi đến khi xảy ra bạo lực.",
                ),
                *table(
                    "Vụ việc tiếp nhận theo địa bàn",
                    [
                        ["Địa bàn", "Tiếp nhận", "Hòa giải thành"],
                        ["Xã Hòa Bình", "11", "9"],
                        ["Xã Đồng Tâm", "9", "8"],
                        ["Phường Trung Tâm", "8", "6"],
                    ],
                ),
            ],
        ),
        (
            "Tập huấn kỹ năng giám sát, phản biện cho chủ tịch Hội cấp xã",
            "tap-huan-ky-nang-giam-sat-phan-bien-chu-tich-hoi-cap-xa",
            ["Đào tạo cán bộ", "Giám sát, phản biện xã hội"],
            ["tập huấn", "giám sát"],
            12,
            8,
            False,
            "Minh Thư",
            "Hơn năm mươi chủ tịch, phó chủ tịch Hội LHPN cấp xã được hướng dẫn cách chọn nội dung giám sát, thu "
            "thập thông tin từ hội viên và viết kiến nghị ngắn gọn, đúng địa chỉ.",
            lambda: [
                *p(
                    "Học viên thực hành trên tình huống cụ thể: giám sát việc chi trả trợ cấp cho người cao tuổi "
                    "tại một xã giả định. Các nhóm lập kế hoạch, phân công người phỏng vấn và dự thảo biên bản.",
                    "Giảng viên nhấn mạnh vai trò của người đứng đầu tổ chức Hội trong việc bảo đảm thông tin khách "
                    "quan và theo dõi đến cùng việc giải quyết kiến nghị sau giám sát.",
                ),
                *quote(
                    "Kiến nghị tốt là kiến nghị ngắn, có số liệu và nói rõ ai cần làm gì, khi nào.",
                    "Giảng viên lớp tập huấn",
                ),
            ],
        ),
        (
            "Chi hội trưởng học cách dùng điện thoại thông minh trong công tác Hội",
            "chi-hoi-truong-hoc-dung-dien-thoai-thong-minh",
            ["Đào tạo cán bộ"],
            ["chuyển đổi số", "tập huấn"],
            33,
            14,
            False,
            "Lan Anh",
            "Lớp học giúp các chi hội trưởng lập nhóm Zalo của chi hội, gửi thông báo, khảo sát ý kiến hội viên và "
            "tự học các bài giảng trực tuyến trên cổng thông tin của Hội.",
            lambda: p(
                "Nhiều chi hội trưởng lớn tuổi lần đầu dùng điện thoại để chụp ảnh hoạt động và gửi báo cáo. Các "
                "bạn đoàn viên thanh niên đi kèm từng người để hướng dẫn cầm tay chỉ việc.",
                "Sau lớp học, mỗi chi hội có một nhóm trực tuyến để phổ biến kiến thức và tiếp nhận phản ánh của hội viên nhanh hơn.",
            ),
        ),
        (
            "Phụ nữ ra quân thu gom rác thải nhựa dọc bờ sông",
            "phu-nu-ra-quan-thu-gom-rac-thai-nhua",
            ["Môi trường, an toàn thực phẩm"],
            ["môi trường", "rác thải nhựa"],
            18,
            7,
            False,
            "Thu Trang",
            "Hơn 300 hội viên đã thu gom gần hai tấn rác dọc hai bờ sông, đồng thời phát túi vải và hướng dẫn "
            "người dân phân loại rác tại nguồn.",
            lambda: [
                *p(
                    "Rác tái chế được các chi hội bán lấy tiền gây quỹ giúp học sinh nghèo. Mỗi tổ dân phố nhận "
                    "trách nhiệm giữ sạch một đoạn bờ sông và kiểm tra hằng tuần.",
                ),
                *image("Thu gom rác thải nhựa ven sông", 105, "Hội viên thu gom rác thải nhựa ven sông sáng Chủ Nhật."),
            ],
        ),
        (
            "Bữa ăn an toàn: hội viên học cách chọn thực phẩm sạch",
            "bua-an-an-toan-chon-thuc-pham-sach",
            ["Môi trường, an toàn thực phẩm"],
            ["an toàn thực phẩm", "gia đình"],
            45,
            15,
            False,
            "Thanh Hà",
            "Buổi nói chuyện chuyên đề hướng dẫn nhận biết rau, thịt, cá tươi, đọc nhãn hàng hóa và bảo quản thực "
            "phẩm đúng cách trong gia đình.",
            lambda: [
                *p(
                    "Cán bộ y tế dự phòng đã mang đến bộ dụng cụ thử nhanh để hội viên tự kiểm tra hàn the, phẩm màu "
                    "trong một số mẫu thực phẩm mua ngoài chợ.",
                ),
                *table(
                    "Mẹo chọn thực phẩm tươi",
                    [
                        ["Thực phẩm", "Dấu hiệu tươi", "Nên tránh"],
                        ["Thịt lợn", "Màu hồng, có độ đàn hồi", "Thịt thâm, nhớt, mùi lạ"],
                        ["Cá", "Mắt trong, mang đỏ tươi", "Mắt đục, bụng phình"],
                        ["Rau", "Lá tươi, cuống chắc", "Rau quá mướt, có mùi hóa chất"],
                    ],
                ),
            ],
        ),
        (
            "Sơ kết phong trào xây dựng gia đình “5 không, 3 sạch”",
            "so-ket-phong-trao-xay-dung-gia-dinh-5-khong-3-sach",
            ["Bình đẳng giới", "Môi trường, an toàn thực phẩm"],
            ["gia đình", "môi trường"],
            60,
            9,
            False,
            "Hoài Minh",
            "Toàn tỉnh có thêm 2.100 hộ gia đình đạt tiêu chí “5 không, 3 sạch”, góp phần vào chương trình xây dựng "
            "nông thôn mới và đô thị văn minh.",
            lambda: p(
                "Hội nghị biểu dương những chi hội có cách làm hay như chấm điểm công khai tiêu chí “sạch nhà, sạch "
                "bếp, sạch ngõ” hằng tháng và tặng cây xanh cho gia đình tiêu biểu.",
            ),
        ),
    ]


def get_or_create_index(home):
    created = not home.get_children().filter(slug="tin-tuc").exists()
    index = child_page(
        home,
        NewsIndexPage,
        "tin-tuc",
        title="Tin tức",
        show_in_menus=True,
        intro="Tin hoạt động của Hội Liên hiệp Phụ nữ các cấp trong tỉnh.",
    )
    if not created:
        return index
    # Tin tức comes right after the home page in the main menu.
    first = home.get_children().exclude(pk=index.pk).first()
    if first is not None:
        Page.objects.get(pk=index.pk).move(first, pos="left")
    return NewsIndexPage.objects.get(pk=index.pk)


def load(command):
    home = default_home()
    index = get_or_create_index(home)
    categories = {}
    for order, (name, description) in enumerate(CATEGORIES, start=1):
        category, _ = NewsCategory.objects.get_or_create(
            name=name, defaults={"description": description, "sort_order": order * 10}
        )
        categories[name] = category

    now = timezone.now().replace(second=0, microsecond=0)
    created = 0
    for number, (title, slug, category_names, tags, days_ago, hour, featured, author, lead, body) in enumerate(
        articles()
    ):
        if NewsArticlePage.objects.filter(slug=slug).exists():
            continue
        published_at = timezone.localtime(now - datetime.timedelta(days=days_ago)).replace(
            hour=hour, minute=(7 * number) % 60
        )
        article = NewsArticlePage(
            title=title,
            slug=slug,
            lead=lead,
            body=body(),
            author=author,
            featured=featured,
            featured_image=get_or_create_demo_image(f"Ảnh đại diện: {title}", seed=slug),
        )
        article.categories = [categories[name] for name in category_names]
        article.tags.add(*tags)
        index.add_child(instance=article)
        article.save_revision().publish()
        # Back-date the publication; one article shows an "updated" time as well.
        updated_at = published_at + datetime.timedelta(days=1, hours=2) if number == 1 else published_at
        Page.objects.filter(pk=article.pk).update(first_published_at=published_at, last_published_at=updated_at)
        created += 1
    if created:
        command.log(f"news: {created} articles under /tin-tuc/")
