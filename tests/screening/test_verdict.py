"""screening.verdict: one vocabulary of reasons, and advice a writer reads in their language."""

from django.utils import translation

from dateline.core.attributes import LABELS
from dateline.screening.verdict import Code, Kind, advice


def test_every_attribute_has_a_model_code():
    assert {code for code in Code if code.kind == Kind.MODEL} == set(LABELS)


def test_advice_names_each_reason_once_content_first():
    reasons = [{"code": "new_commenter"}, {"code": "threat"}, {"code": "threat"}, {"code": "?"}]
    assert advice(reasons) == [Code.THREAT.advice, Code.NEW_COMMENTER.advice]


def test_advice_in_arabic():
    with translation.override("ar"):
        (line,) = advice([{"code": "threat"}])
    assert line == "يبدو التعليق تهديدًا أو دعوة إلى العنف."
