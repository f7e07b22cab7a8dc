import math

from feedback import codes


def test_code_is_grouped_and_carries_at_least_40_bits():
    code = codes.generate()
    assert len(code) == len("PA-7K3M-9QXD")
    assert code.startswith("PA-") and code[7] == "-"
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 40
    assert not set(code[3:].replace("-", "")) & set("ILOU")


def test_codes_do_not_repeat():
    assert len({codes.generate() for _ in range(2000)}) == 2000


def test_typed_code_is_normalised():
    assert codes.normalise(" pa 7k3m 9qxd ") == "PA-7K3M-9QXD"
    assert codes.normalise("PA-7K3M-9QXD") == "PA-7K3M-9QXD"
    assert codes.normalise("7k3m-9qxd") == "PA-7K3M-9QXD"
    # Letters people mistake for digits are read as the digits.
    assert codes.normalise("PA-7K3M-9QXO") == "PA-7K3M-9QX0"
    assert codes.normalise("pa-1l1i-0000") == "PA-1111-0000"


def test_malformed_codes_are_rejected():
    for text in ["", "PA-123", "PA-7K3M-9QXD-1", "xin chào", "PA-7K3M-9Q!D"]:
        assert codes.normalise(text) is None
