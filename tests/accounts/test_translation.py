"""The account pages in Arabic when reached from the Arabic edition: labels, errors, messages."""

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils import translation

PASSWORD = "a long test passphrase"
FROM_ARABIC = "?next=/ar/"


def test_badges_speak_the_readers_language():
    template = Template("{% load account_tags %}{% author_name None %}")
    assert "Deleted account" in template.render(Context())
    with translation.override("ar"):
        assert "حساب محذوف" in template.render(Context())


@pytest.mark.django_db
class TestFromTheArabicEdition:
    def sign_up(self, client, name, email="new@example.com"):
        return client.post(
            f"/accounts/signup/{FROM_ARABIC}",
            {"email": email, "display_name": name, "password": PASSWORD, "next": "/ar/"},
        )

    def test_sign_up_form_is_labelled_in_arabic(self, client):
        page = client.get(f"/accounts/signup/{FROM_ARABIC}").content.decode()
        for label in ("البريد الإلكتروني", "الاسم المعروض", "كلمة المرور"):
            assert f">{label}</label>" in page
        assert "يظهر بجانب تعليقاتك" in page

    @pytest.mark.parametrize(
        ("name", "error"),
        [
            (
                "Kwame Mensаh",
                "استخدم حروفا من أبجدية واحدة: هذا الاسم يخلط بين حروف Cyrillic و Latin.",
            ),
            ("Rachel Okafor", "هذا الاسم المعروض محجوز: إنه اسم أحد كتّاب غرفة الأخبار."),
            ("Rachel 0kafor", "هذا الاسم المعروض يشبه كثيرا «Rachel Okafor»"),
            ("Daniel Brennan", "هذا الاسم المعروض مستخدم بالفعل."),
            ("x", "يتكون الاسم المعروض من 2 إلى 50 حرفا."),
        ],
    )
    def test_name_refusals_are_told_in_arabic(self, client, name, error):
        response = self.sign_up(client, name)
        assert response.status_code == 200
        assert error in response.content.decode()
        assert not get_user_model().objects.filter(email="new@example.com").exists()

    def test_welcome_is_in_arabic(self, client):
        response = self.sign_up(client, "قارئ جديد")
        assert response["Location"] == "/ar/"
        welcome = client.get("/ar/").content.decode()
        assert "أهلا بك يا قارئ جديد. أرسلنا رابطا إلى new@example.com لتأكيده." in welcome

    def test_password_reset_pages_are_in_arabic(self, client):
        login = client.get(f"/accounts/login/{FROM_ARABIC}").content.decode()
        assert 'href="/accounts/password-reset/?next=/ar/"' in login
        page = client.get(f"/accounts/password-reset/{FROM_ARABIC}").content.decode()
        assert "<h1>أعد تعيين كلمة المرور</h1>" in page
        assert ">أرسل إليّ رابطا</button>" in page
        sent = client.post(
            f"/accounts/password-reset/{FROM_ARABIC}", {"email": "kwame@example.com"}, follow=True
        )
        assert "<h1>تفقّد بريدك الإلكتروني</h1>" in sent.content.decode()

    def test_rename_is_confirmed_in_arabic(self, client):
        client.force_login(get_user_model().objects.get(email="kwame@example.com"))
        response = client.post(
            f"/accounts/settings/{FROM_ARABIC}", {"display_name": "Kwame M."}, follow=True
        )
        assert "تم تغيير اسمك المعروض." in response.content.decode()
