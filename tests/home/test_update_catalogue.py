import polib

from home.management.commands.update_catalogue import complete_catalogue


def test_a_fuzzy_guess_is_replaced_by_the_vietnamese_source_text():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Thẻ", msgstr="Thứ Ba", flags=["fuzzy"], previous_msgid="Thứ Ba"))
    po.append(polib.POEntry(msgid="Tin tức", msgstr="Tin tức đã dịch tay"))
    complete_catalogue(po)
    assert [(entry.msgid, entry.msgstr) for entry in po] == [("Thẻ", "Thẻ"), ("Tin tức", "Tin tức đã dịch tay")]
    assert po.fuzzy_entries() == []
