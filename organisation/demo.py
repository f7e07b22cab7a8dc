"""Demo organisation: the structure below /gioi-thieu/, a leadership of four (and the previous term), the
directory at /co-so-hoi/, and the public contact of the demo units (accounts.demo makes the tree)."""

from accounts.models import OrganisationUnit
from home.demo_images import get_or_create_demo_image
from home.demo_pages import child_page
from home.models import HomePage, StandardPage

from .models import Leader, LeadershipPage, OrganisationStructurePage, StructureBody, Term, UnitDirectoryPage

BODIES = [
    ("executive", "Ban Chấp hành Hội LHPN tỉnh", "35 ủy viên",
     "<p>Cơ quan lãnh đạo của Hội giữa hai kỳ Đại hội: quyết định chương trình công tác toàn khóa và hằng năm, "
     "bầu Ban Thường vụ, Chủ tịch và các Phó Chủ tịch.</p>", "", ""),
    ("standing", "Ban Thường vụ Hội LHPN tỉnh", "11 ủy viên; Chủ tịch, 3 Phó Chủ tịch",
     "<p>Lãnh đạo, chỉ đạo thực hiện nghị quyết của Ban Chấp hành giữa hai kỳ họp; ban hành kế hoạch, hướng dẫn "
     "công tác Hội.</p>", "", ""),
    ("department", "Văn phòng", "",
     "<ul><li>Tham mưu tổng hợp, hành chính, tài chính của cơ quan Hội.</li><li>Tiếp nhận văn bản đến và đi, "
     "lịch làm việc của lãnh đạo.</li></ul>", "0210 3 812 345", "vanphong@example.org"),
    ("department", "Ban Tổ chức - Kiểm tra", "",
     "<ul><li>Xây dựng tổ chức Hội, phát triển hội viên, đào tạo bồi dưỡng cán bộ Hội.</li><li>Kiểm tra, giám sát "
     "việc thực hiện Điều lệ Hội.</li></ul>", "0210 3 812 346", "tochuc@example.org"),
    ("department", "Ban Tuyên giáo", "",
     "<ul><li>Tuyên truyền, giáo dục hội viên; quản lý nội dung website.</li><li>Phong trào phụ nữ tích cực học "
     "tập, lao động sáng tạo, xây dựng gia đình hạnh phúc.</li></ul>", "0210 3 812 347", "tuyengiao@example.org"),
    ("department", "Ban Chính sách - Luật pháp", "",
     "<ul><li>Giám sát, phản biện xã hội; tham gia xây dựng chính sách, pháp luật.</li><li>Tiếp nhận ý kiến, "
     "phản ánh của hội viên, phụ nữ; tư vấn pháp luật.</li></ul>", "0210 3 812 348", "chinhsach@example.org"),
    ("department", "Ban Gia đình - Xã hội", "",
     "<ul><li>Phòng, chống bạo lực gia đình; chăm sóc phụ nữ, trẻ em có hoàn cảnh khó khăn.</li><li>Hỗ trợ phụ nữ "
     "phát triển kinh tế, giảm nghèo bền vững.</li></ul>", "0210 3 812 349", "giadinh@example.org"),
]  # fmt: skip
TERMS = [("Nhiệm kỳ 2021 - 2026", 2021, 2026), ("Nhiệm kỳ 2016 - 2021", 2016, 2021)]
LEADERS = [
    (0, "Nguyễn Thị Hồng Nhung", "Chủ tịch Hội LHPN tỉnh",
     "Phụ trách chung; trực tiếp chỉ đạo công tác tổ chức, cán bộ và Văn phòng."),
    (0, "Trần Thị Thu Hà", "Phó Chủ tịch Thường trực",
     "Chỉ đạo công tác giám sát, phản biện xã hội, chính sách - luật pháp; tiếp nhận ý kiến, phản ánh."),
    (0, "Lê Thị Mai", "Phó Chủ tịch", "Chỉ đạo công tác tuyên giáo, website và đào tạo, bồi dưỡng cán bộ Hội."),
    (0, "Phạm Thị Lan", "Phó Chủ tịch", "Chỉ đạo công tác gia đình - xã hội, hỗ trợ phụ nữ phát triển kinh tế."),
    (1, "Hoàng Thị Bích", "Chủ tịch Hội LHPN tỉnh (2016 - 2021)", "Phụ trách chung."),
    (1, "Nguyễn Thị Hồng Nhung", "Phó Chủ tịch Thường trực (2016 - 2021)", "Công tác tổ chức, kiểm tra."),
]  # fmt: skip
# Public contact of the demo units (accounts.demo): address, phone, e-mail, chair, working hours.
UNIT_CONTACTS = {
    "Hội LHPN tỉnh": ("Số 12 đường Trần Hưng Đạo, thành phố trung tâm tỉnh", "0210 3 812 345",
                      "hoilhpn@example.org", "Nguyễn Thị Hồng Nhung", "7h30 - 17h00, thứ Hai đến thứ Sáu"),
    "Hội LHPN phường Trung Tâm": ("Trụ sở UBND phường Trung Tâm, số 5 đường Lê Lợi", "0210 3 822 101",
                                  "phunu.trungtam@example.org", "Đỗ Thị Hạnh", "7h30 - 17h00, thứ Hai đến thứ Sáu"),
    "Hội LHPN xã Hòa Bình": ("Trụ sở UBND xã Hòa Bình, thôn Đông", "0210 3 833 202", "phunu.hoabinh@example.org",
                             "Vũ Thị Học", "7h30 - 16h30, thứ Hai đến thứ Sáu; sáng thứ Bảy trực tiếp dân"),
    "Hội LHPN xã Đồng Tâm": ("Nhà văn hóa xã Đồng Tâm", "0210 3 844 303", "phunu.dongtam@example.org",
                             "Bùi Thị Thơm", "7h30 - 16h30, thứ Hai đến thứ Sáu"),
    "Chi hội tổ dân phố 3": ("Nhà văn hóa tổ dân phố 3, phường Trung Tâm", "", "", "Ngô Thị Yến",
                             "Sinh hoạt tối thứ Năm tuần đầu tháng"),
    "Chi hội thôn Đông": ("Nhà văn hóa thôn Đông, xã Hòa Bình", "", "", "Lý Thị Hoa", "Sinh hoạt ngày 15 hằng tháng"),
    "Chi hội thôn Tây": ("Nhà văn hóa thôn Tây, xã Hòa Bình", "", "", "Đặng Thị Nga", "Sinh hoạt ngày 20 hằng tháng"),
}  # fmt: skip


def load(command):
    home = HomePage.objects.get()
    about = home.get_children().filter(slug="gioi-thieu").first()
    parent = about.specific if about is not None and isinstance(about.specific, StandardPage) else home
    structure = child_page(
        parent,
        OrganisationStructurePage,
        "co-cau-to-chuc",
        title="Cơ cấu tổ chức",
        intro="Hội LHPN tỉnh gồm Ban Chấp hành, Ban Thường vụ và các ban chuyên môn, văn phòng giúp việc.",
    )
    if not structure.bodies.exists():
        for order, (kind, name, members, duties, phone, email) in enumerate(BODIES):
            StructureBody.objects.create(page=structure, sort_order=order, kind=kind, name=name, members=members,
                                         duties=duties, phone=phone, email=email)  # fmt: skip
        structure.save_revision().publish()
    leadership = child_page(
        parent,
        LeadershipPage,
        "lanh-dao",
        title="Lãnh đạo Hội",
        intro="Thường trực Hội LHPN tỉnh nhiệm kỳ hiện tại và các nhiệm kỳ trước.",
    )
    if not leadership.leaders.exists():
        terms = [Term.objects.get_or_create(name=name, defaults={"start_year": start, "end_year": end})[0]
                 for name, start, end in TERMS]  # fmt: skip
        for order, (term, name, position, duties) in enumerate(LEADERS):
            photo = get_or_create_demo_image(f"Chân dung {name}", seed=40 + order, size=(480, 600))
            Leader.objects.create(page=leadership, sort_order=order, term=terms[term], name=name, position=position,
                                  responsibilities=duties, photo=photo)  # fmt: skip
        leadership.save_revision().publish()
    child_page(
        home,
        UnitDirectoryPage,
        "co-so-hoi",
        title="Cơ sở Hội",
        show_in_menus=True,
        intro="Địa chỉ, điện thoại, người đứng đầu và giờ làm việc của Hội LHPN các xã, phường và chi hội.",
    )
    for name, (address, phone, email, chair, hours) in UNIT_CONTACTS.items():
        for unit in OrganisationUnit.objects.filter(name=name, address=""):
            unit.address, unit.phone, unit.email, unit.chair, unit.working_hours = address, phone, email, chair, hours
            unit.save()
